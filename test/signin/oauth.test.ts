import { createHash } from "node:crypto";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ArcGISError, GIS } from "tsgis";
import { installNotebookStdin, type NotebookStdin } from "./notebook-stdin";
import { approveAndCopyCode, registerNotebookApp, submitSignIn } from "./oauth-user";

const USER = { username: "user", password: "tsgis-user-1" };
const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };
const OOB = "urn:ietf:wg:oauth:2.0:oob";

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  username?: string;
  error?: Record<string, unknown>;
}

describe("OAuth 2.0 sign-in against the portal", () => {
  let portal: RunningPortal;
  let app: { clientId: string; clientSecret: string; itemId: string };
  let stdin: NotebookStdin | undefined;
  const printed: string[] = [];
  const opened: GIS[] = [];

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    app = await registerNotebookApp(portal.url, PUBLISHER);
  });
  beforeEach(() => {
    printed.length = 0;
    jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args.join(" "));
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    stdin?.uninstall();
    stdin = undefined;
  });
  afterAll(async () => {
    for (const gis of opened) gis.close();
    await portal.close();
  });

  /** The notebook user: reads the printed URL, approves in the "browser", pastes the code. */
  function userWhoApproves(credentials: { username: string; password: string }): NotebookStdin {
    return installNotebookStdin(async () => {
      const url = /https?:\/\/\S+\/oauth2\/authorize\?\S+/.exec(printed.join("\n"))?.[0];
      if (!url) throw new Error("no sign-in URL was printed");
      return approveAndCopyCode(url, credentials.username, credentials.password);
    });
  }

  it("signs in with the authorization code, PKCE and the out-of-band code", async () => {
    stdin = userWhoApproves(USER);
    const gis = await GIS.connect({ url: portal.url, clientId: app.clientId });
    opened.push(gis);
    expect(gis.users.me?.username).toBe("user");
    expect(stdin.prompts).toHaveLength(1);
    expect(stdin.prompts[0].password).toBe(false);

    const url = new URL(/https?:\/\/\S+/.exec(printed.join("\n"))?.[0] ?? "");
    expect(url.pathname).toBe("/sharing/rest/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe(app.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(OOB);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The refresh token renews an expired access token without asking the user again.
    portal.expireAllTokens();
    const self = await gis.session.get<{ username: string }>("community/self");
    expect(self.username).toBe("user");
    expect(stdin.prompts).toHaveLength(1);
  });

  it("refuses to start OAuth where nobody can paste a code, before any request", async () => {
    await expect(GIS.connect({ url: portal.url, clientId: app.clientId })).rejects.toThrow(
      /^clientId: OAuth sign-in .* needs the tsgis kernel/,
    );
  });

  it("reports a wrong code from the user as the portal's error", async () => {
    stdin = installNotebookStdin(async () => "not-a-code");
    const failure = GIS.connect({ url: portal.url, clientId: app.clientId });
    await expect(failure).rejects.toBeInstanceOf(ArcGISError);
    await expect(failure).rejects.toThrow(/Invalid authorization code/);
  });

  it("shows the form again on a wrong password, without a code", async () => {
    const url = authorizeUrl({ code_challenge: "x".repeat(43), code_challenge_method: "plain" });
    const response = await submitSignIn(url, "user", "wrong-password");
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("Invalid username or password.");
    expect(html).toContain('id="oauth-signin"');
  });

  it("checks the PKCE verifier, and a code works only once", async () => {
    const verifier = "v".repeat(50);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const url = authorizeUrl({ code_challenge: challenge, code_challenge_method: "S256" });
    const code = await approveAndCopyCode(url, USER.username, USER.password);

    const wrong = await exchange({ code, code_verifier: "w".repeat(50) });
    expect(wrong.error).toMatchObject({ code: 400, error: "invalid_grant" });
    // The failed attempt used the code up: an intercepted code cannot be retried.
    const right = await exchange({ code, code_verifier: verifier });
    expect(right.error).toMatchObject({ error: "invalid_grant" });

    const fresh = await approveAndCopyCode(url, USER.username, USER.password);
    const ok = await exchange({ code: fresh, code_verifier: verifier });
    expect(ok).toMatchObject({ username: "user" });
    expect(typeof ok.access_token).toBe("string");
    expect(typeof ok.refresh_token).toBe("string");
  });

  it("rejects unknown clients and unregistered redirect URIs", async () => {
    const unknown = await fetch(authorizeUrl({ client_id: "nope" }).concat("&f=json"));
    expect(((await unknown.json()) as TokenAnswer).error).toMatchObject({
      error: "invalid_client",
    });
    const elsewhere = await fetch(authorizeUrl({ redirect_uri: "https://evil.example/cb" }));
    expect(((await elsewhere.json()) as TokenAnswer).error).toMatchObject({
      message: "Invalid redirect_uri",
    });
  });

  it("logs in as the app with client credentials: no user, public access", async () => {
    const gis = await GIS.connect({
      url: portal.url,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
    });
    opened.push(gis);
    expect(gis.users.me).toBeNull();
    expect(gis.session.auth.scheme).toBe("app");
    expect(typeof gis.properties.name).toBe("string");
    // An app token speaks for no user: user-only resources stay closed.
    await expect(gis.session.get("community/self")).rejects.toBeInstanceOf(ArcGISError);

    const refused = GIS.connect({ url: portal.url, clientId: app.clientId, clientSecret: "wrong" });
    await expect(refused).rejects.toThrow(/Invalid client_secret/);
    await expect(GIS.connect({ url: portal.url, clientSecret: app.clientSecret })).rejects.toThrow(
      /^clientId: /,
    );
  });

  function authorizeUrl(overrides: Record<string, string>): string {
    const query = new URLSearchParams({
      client_id: app.clientId,
      response_type: "code",
      redirect_uri: OOB,
      ...overrides,
    });
    return `${portal.url}/sharing/rest/oauth2/authorize?${query}`;
  }

  async function exchange(params: Record<string, string>): Promise<TokenAnswer> {
    const response = await fetch(`${portal.url}/sharing/rest/oauth2/token`, {
      method: "POST",
      body: new URLSearchParams({
        f: "json",
        grant_type: "authorization_code",
        client_id: app.clientId,
        redirect_uri: OOB,
        ...params,
      }),
    });
    return (await response.json()) as TokenAnswer;
  }
});
