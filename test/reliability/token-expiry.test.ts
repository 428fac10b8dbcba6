import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ArcGISError, GIS, type Item } from "tsgis";
import { LONG, messageOf } from "./support";

const SCRIPT_MS = LONG ? 60_000 : 15_000;

/**
 * Tokens that live 2 seconds: a script of mixed reads and writes running for 15 s (60 s under
 * test:long) must never fail for authentication; the client renews its login by itself.
 */
describe("token expiry during a long script", () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true, tokenLifetimeSeconds: 2 });
  });

  afterAll(async () => {
    await portal.close();
  });

  it(
    `runs ${SCRIPT_MS / 1000} s of mixed calls without an authentication failure`,
    async () => {
      const gis = await GIS.connect({
        url: portal.url,
        username: "publisher",
        password: "tsgis-publisher-1",
        setActive: false,
      });
      const firstToken = await rawToken();
      const failures: string[] = [];
      const items: Item[] = [];
      let calls = 0;
      const deadline = Date.now() + SCRIPT_MS;
      for (let step = 0; Date.now() < deadline; step++) {
        try {
          switch (step % 5) {
            case 0:
              items.push(
                await gis.content.add({
                  title: `expiry ${step}`,
                  type: "Web Mapping Application",
                  url: "https://example.com/app",
                  tags: ["expiry"],
                }),
              );
              break;
            case 1:
              await gis.content.search("tags:expiry", { maxItems: 20 });
              break;
            case 2:
              if (items.length > 0)
                await items[items.length - 1].update({
                  itemProperties: { snippet: `step ${step}` },
                });
              break;
            case 3:
              expect(await gis.users.get("publisher")).not.toBeNull();
              break;
            default:
              await gis.groups.search("*");
          }
          calls++;
        } catch (error) {
          failures.push(
            error instanceof ArcGISError ? `${error.code} ${error.message}` : messageOf(error),
          );
        }
        // A short pause so the script spans many token lifetimes rather than hammering one.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      gis.session.close();
      expect(failures).toEqual([]);
      expect(calls).toBeGreaterThan(SCRIPT_MS / 1000);
      expect(items.length).toBeGreaterThan(0);
      // The tokens really did expire under the script: the first one is refused by now.
      const answer = (await (
        await fetch(`${portal.url}/sharing/rest/community/self?f=json`, {
          headers: { "X-Esri-Authorization": `Bearer ${firstToken}` },
        })
      ).json()) as { error?: { code: number } };
      expect(answer.error?.code).toBe(498);
    },
    SCRIPT_MS + 30_000,
  );

  async function rawToken(): Promise<string> {
    const response = await fetch(`${portal.url}/sharing/rest/generateToken`, {
      method: "POST",
      body: new URLSearchParams({
        f: "json",
        username: "publisher",
        password: "tsgis-publisher-1",
        client: "referer",
        referer: "http://localhost",
      }),
    });
    return ((await response.json()) as { token: string }).token;
  }
});
