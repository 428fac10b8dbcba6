import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { inPool } from "../../bench/lib/pool";
import { expectClearFailure, idsInGroup, itemsTagged, LONG, settledRead } from "./support";

const ITEMS = 500;
const FAULT_RATE = LONG ? 0.2 : 0.1;
const MAX_ROUNDS = 20;
// Each step makes hundreds of requests, some of them waiting out a Retry-After of a second.
const STEP_TIMEOUT_MS = 180_000;

/**
 * Bulk add, share and delete of 500 items while the portal answers 503s, 429s with Retry-After
 * and cut connections. Writes are never retried silently by the client, so every failure must
 * surface as a clear error; the test then reconciles by reading back and redoing only what is
 * missing, and the end state must be exactly the intended one.
 */
describe("bulk operations under injected faults", () => {
  let portal: RunningPortal;
  let gis: GIS;
  const tag = `bulk${Date.now()}`;
  const failures: unknown[] = [];

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({
      url: portal.url,
      username: "publisher",
      password: "tsgis-publisher-1",
      setActive: false,
    });
    portal.setFaults({ faultRate: FAULT_RATE, latency: 5 });
  });

  afterAll(async () => {
    gis.session.close();
    await portal.close();
  });

  const titleOf = (index: number): string => `${tag} item ${index}`;

  /** Reads the portal back with the faults paused: the check must see the true state. */
  async function readBack<T>(read: () => Promise<T>): Promise<T> {
    portal.setFaults({ faultRate: 0 });
    try {
      return await read();
    } finally {
      portal.setFaults({ faultRate: FAULT_RATE });
    }
  }

  it(
    "adds 500 items: every acknowledged add is there once, every other one failed loudly",
    async () => {
      const acknowledged = new Map<string, string>();
      let wanted = Array.from({ length: ITEMS }, (_, index) => index);
      for (let round = 0; wanted.length > 0 && round < MAX_ROUNDS; round++) {
        await inPool(wanted, 8, async (index) => {
          try {
            const item = await gis.content.add({
              title: titleOf(index),
              type: "Web Mapping Application",
              tags: [tag],
              url: `https://example.com/app/${index}`,
            });
            acknowledged.set(item.title ?? "", item.id);
          } catch (error) {
            failures.push(error);
          }
        });
        const present = await readBack(() => itemsTagged(gis, tag));
        const titles = present.map((item) => item.title);
        expect(new Set(titles).size).toBe(titles.length);
        const presentIds = new Set(present.map((item) => item.id));
        for (const id of acknowledged.values()) expect(presentIds.has(id)).toBe(true);
        // Only what is not on the portal is added again: a failed add whose write did land (the
        // item was created but reading it back failed) must not be doubled.
        wanted = wanted.filter((index) => !titles.includes(titleOf(index)));
      }
      expect(wanted).toEqual([]);
      const final = await readBack(() => itemsTagged(gis, tag));
      expect(final.map((item) => item.title).sort()).toEqual(
        Array.from({ length: ITEMS }, (_, index) => titleOf(index)).sort(),
      );
      expect(failures.length).toBeGreaterThan(0);
      failures.forEach(expectClearFailure);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "shares them all with a group and ends with exactly those 500 in it",
    async () => {
      portal.setFaults({ faultRate: 0 });
      const group = await gis.groups.create(`${tag} group`, tag, { access: "org" });
      portal.setFaults({ faultRate: FAULT_RATE });
      expect(group).not.toBeNull();
      const ids = (await readBack(() => itemsTagged(gis, tag))).map((item) => item.id);
      let missing = ids;
      const shareFailures: unknown[] = [];
      for (let round = 0; missing.length > 0 && round < MAX_ROUNDS; round++) {
        let failed = false;
        try {
          await gis.content.shareItems(missing, { groups: [group!.id] });
        } catch (error) {
          shareFailures.push(error);
          failed = true;
        }
        const read = () => readBack(async () => (await idsInGroup(gis, group!.id)).sort());
        const inGroup = new Set(failed ? await settledRead(read) : await read());
        missing = ids.filter((id) => !inGroup.has(id));
      }
      expect(missing).toEqual([]);
      expect((await readBack(() => idsInGroup(gis, group!.id))).sort()).toEqual([...ids].sort());
      shareFailures.forEach(expectClearFailure);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "deletes them all and leaves nothing behind",
    async () => {
      let remaining = (await readBack(() => itemsTagged(gis, tag))).map((item) => item.id);
      const deleteFailures: unknown[] = [];
      for (let round = 0; remaining.length > 0 && round < MAX_ROUNDS; round++) {
        let failed = false;
        // The ids go in chunks of 20, as a script would send them, so that one failed write
        // does not stop the other chunks of the round.
        const chunks = Array.from({ length: Math.ceil(remaining.length / 20) }, (_, index) =>
          remaining.slice(index * 20, index * 20 + 20),
        );
        await inPool(chunks, 4, async (chunk) => {
          try {
            await gis.content.deleteItems(chunk);
          } catch (error) {
            deleteFailures.push(error);
            failed = true;
          }
        });
        const read = () =>
          readBack(async () => (await itemsTagged(gis, tag)).map((item) => item.id).sort());
        remaining = failed ? await settledRead(read) : await read();
      }
      expect(remaining).toEqual([]);
      deleteFailures.forEach(expectClearFailure);
    },
    STEP_TIMEOUT_MS,
  );
});
