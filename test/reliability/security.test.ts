import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import util from "node:util";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { startRecordingServer, type RunningServer } from "../support/http-servers";
import { LoopbackKernel } from "../widget/comm-loopback";
import { closeAll } from "../support/teardown";
import { zipSync } from "fflate";
import { itemCardHtml } from "../../kernel/src/content/item-card";
import type { ItemJSON } from "../../kernel/src/content/item-json";
import { wildcardMatches } from "../../portal/src/search/wildcard";
import { redactUrl } from "../../portal/src/server/redact-url";
import { startSecurityOrg, type Principal, type SecurityOrg } from "../security/principals";

const CLI = path.join(__dirname, "..", "..", "portal", "dist", "cli.js");

async function generateToken(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/sharing/rest/generateToken`, {
    method: "POST",
    body: new URLSearchParams({
      f: "json",
      username,
      password,
      client: "referer",
      referer: "http://localhost",
    }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error("no token");
  return body.token;
}

describe("tokens stay where they belong", () => {
  let portal: RunningPortal;
  let stranger: RunningServer;
  let gis: GIS;
  let token: string;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    stranger = await startRecordingServer();
    gis = await GIS.connect({
      url: portal.url,
      username: "publisher",
      password: "tsgis-publisher-1",
      setActive: false,
    });
    token = (await gis.session.auth.token(gis.session)) as string;
    expect(token).toBeTruthy();
  });

  afterAll(async () => {
    await closeAll(gis?.session, stranger, portal);
  });

  it("never sends the token to a host that is not federated with the portal", async () => {
    await gis.session.get(`${stranger.url}/arcgis/rest/services`, { q: 1 });
    await gis.session.post(`${stranger.url}/arcgis/rest/services/x/query`, { where: "1=1" });
    await gis.session.post(`${stranger.url}/upload`, { a: 1 }, { tokenInParams: true });
    await gis.session.request(
      `${stranger.url}/file`,
      {},
      { files: { file: { buffer: Buffer.from("x"), filename: "x.txt" } } },
    );
    const seen = stranger.requests.filter(
      (request) => !request.url.endsWith("/rest/info") && !request.url.includes("/rest/info?"),
    );
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const request of stranger.requests) {
      expect(JSON.stringify(request.headers)).not.toContain(token);
      expect(request.url).not.toContain(token);
      expect(request.body.toString("latin1")).not.toContain(token);
    }
  });

  it("keeps the token out of error messages, their inspection and their JSON", async () => {
    const failures: unknown[] = [];
    await gis.session
      .post("content/items/00000000000000000000000000000000/delete", {}, { tokenInParams: true })
      .catch((error: unknown) => failures.push(error));
    await gis.session
      .get("content/items/nope", {}, { tokenInParams: true })
      .catch((error: unknown) => failures.push(error));
    portal.setFaults({ faultRate: 1 });
    await gis.session
      .post("content/users/publisher/addItem", { title: "x", type: "CSV" }, { tokenInParams: true })
      .catch((error: unknown) => failures.push(error));
    portal.setFaults({ faultRate: 0 });
    await gis.session
      .get(`${portal.url.replace(/:\d+$/, ":1")}/sharing/rest/search`)
      .catch((error: unknown) => failures.push(error));
    expect(failures).toHaveLength(4);
    for (const failure of failures) {
      const error = failure as Error;
      for (const text of [
        error.message,
        String(error),
        error.stack ?? "",
        util.inspect(error, { depth: 5 }),
        JSON.stringify(error),
      ]) {
        expect(text).not.toContain(token);
      }
    }
  });

  it("keeps the token out of a map's widget state and out of the page it exports", async () => {
    const kernel = new LoopbackKernel();
    kernel.install();
    try {
      const map = await gis.map([60.17, 24.94]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-sec-")), "map.html");
      await map.exportToHtml(file);
      const comm = kernel.comms.at(-1);
      expect(comm).toBeDefined();
      expect(
        JSON.stringify([
          comm!.openData,
          comm!.sent.filter((message) => message.data.method === "update"),
        ]),
      ).not.toContain(token);
      expect(fs.readFileSync(file, "utf8")).not.toContain(token);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    } finally {
      kernel.uninstall();
    }
  });
});

describe("the portal's request log", () => {
  it("never shows a token or a password, however they were sent", async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm test builds)`);
    const password = "log-admin-password-1";
    const child = spawn(process.execPath, [CLI, "--admin", `logadmin:${password}`, "--log"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening at (http:\/\/[\d.:]+)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 50);
      child.once("exit", () => {
        clearInterval(timer);
        reject(new Error(`portal exited: ${output}`));
      });
    });
    try {
      const token = await generateToken(url, "logadmin", password);
      const rest = `${url}/sharing/rest`;
      await fetch(`${rest}/community/self?f=json&token=${token}`);
      await fetch(`${rest}/community/self?f=json`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await fetch(`${rest}/search`, {
        method: "POST",
        body: new URLSearchParams({ f: "json", q: "x", token }),
      });
      await fetch(`${rest}/generateToken?f=json&username=logadmin&password=${password}`);
      await fetch(`${rest}/generateToken`, {
        method: "POST",
        body: new URLSearchParams({
          f: "json",
          username: "logadmin",
          password: "wrong-password-9",
        }),
      });
      const gis = await GIS.connect({ url, username: "logadmin", password, setActive: false });
      await gis.content.search("*");
      gis.session.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(output).toMatch(/community\/self/);
      expect(output).not.toContain(token);
      expect(output).not.toContain(password);
      expect(output).not.toContain("wrong-password-9");
    } finally {
      child.kill("SIGTERM");
    }
  });
});

describe("private content", () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
  });

  afterAll(async () => {
    await portal.close();
  });

  it("is invisible to other members and to anonymous callers on every search and listing", async () => {
    const owner = await GIS.connect({
      url: portal.url,
      username: "publisher",
      password: "tsgis-publisher-1",
      setActive: false,
    });
    const secret = await owner.content.add({
      title: "Zanzibarquux private plan",
      type: "Web Mapping Application",
      url: "https://example.com/p",
      tags: ["zanzibarquux"],
    });
    const group = await owner.groups.create("Shared crew", "crew", { access: "org" });
    const other = await GIS.connect({
      url: portal.url,
      username: "user",
      password: "tsgis-user-1",
      setActive: false,
    });
    await group!.addUsers(["user"]);
    const userToken = await generateToken(portal.url, "user", "tsgis-user-1");
    const rest = `${portal.url}/sharing/rest`;
    const probes = [
      `search?q=zanzibarquux`,
      `search?q=owner:publisher`,
      `search?q=id:${secret.id}`,
      `search?q=tags:zanzibarquux&countFields=tags`,
      `content/items/${secret.id}`,
      `content/items/${secret.id}/data`,
      `content/users/publisher`,
      `content/users/publisher/items/${secret.id}`,
      `content/groups/${group!.id}/search?q=*`,
      `community/users/publisher`,
    ];
    for (const [who, headers] of [
      ["anonymous", {}],
      ["user", { "X-Esri-Authorization": `Bearer ${userToken}` }],
    ] as const) {
      for (const probe of probes) {
        const separator = probe.includes("?") ? "&" : "?";
        const body = (await (
          await fetch(`${rest}/${probe}${separator}f=json`, { headers })
        ).json()) as Record<string, unknown>;
        // A search echoes its own query back; only what the portal found counts as a leak.
        delete body.query;
        const text = JSON.stringify(body);
        expect({
          who,
          probe,
          leaks: text.includes(secret.id) || text.includes("Zanzibarquux"),
        }).toEqual({ who, probe, leaks: false });
      }
    }
    expect(await other.content.get(secret.id)).toBeNull();
    expect(await other.content.search("zanzibarquux", { outsideOrg: true })).toEqual([]);
    // The owner does see it, so the probes above were asking the right questions.
    expect((await owner.content.search("zanzibarquux")).map((item) => item.id)).toEqual([
      secret.id,
    ]);
    owner.session.close();
    other.session.close();
  });
});

/** JSON.stringify, or nothing when the object graph is circular (which leaks nothing). */
function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

describe("issue 17: attacks that must fail", () => {
  let org: SecurityOrg;
  let publisher: Principal;
  let item: string;

  beforeAll(async () => {
    org = await startSecurityOrg([
      "portal:admin:inviteUsers",
      "portal:admin:updateUsers",
      "portal:admin:changeUserRoles",
      "portal:admin:manageSecurity",
      "portal:admin:viewUsers",
      "portal:admin:updateItems",
      "portal:user:joinGroup",
      "portal:user:createItem",
    ]);
    publisher = org.principal("Publisher");
    const added = await org.call(publisher, "/content/users/publisher/addItem", {
      title: "Private layer",
      type: "CSV",
      text: "a,b\n1,2",
    });
    item = added.id as string;
    expect(item).toBeTruthy();
  }, 120_000);

  afterAll(async () => {
    await closeAll(org?.portal);
  });

  it("survives a truncated multipart body sent to addPart anonymously", async () => {
    const response = await fetch(`${org.rest}/content/users/admin/items/${item}/addPart`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=X" },
      body: '--X\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
    });
    const body = (await response.json()) as { error?: { code: number } };
    expect(body.error?.code).toBe(400);
    expect((await org.call(null, "/info", {}, "GET")).owningSystemUrl).toBeDefined();
  });

  it("lets no custom role create, promote, reset or impersonate a full administrator", async () => {
    const invited = await org.call(org.principal("custom inviteUsers"), "/portals/self/invite", {
      invitationList: JSON.stringify({
        invitations: [
          {
            username: "sneaky1",
            password: "Sneaky-pass-1",
            email: "s@example.com",
            role: "org_admin",
          },
        ],
      }),
    });
    expect(invited.error?.code).toBe(403);
    const signIn = await org.call(null, "/generateToken", {
      username: "sneaky1",
      password: "Sneaky-pass-1",
      referer: "http://localhost",
    });
    expect(signIn.token).toBeUndefined();
    const updater = org.principal("custom updateUsers");
    expect(
      (await org.call(updater, "/community/users/admin/reset", { newPassword: "Taken-over-1" }))
        .error?.code,
    ).toBe(403);
    expect(
      (await org.call(updater, "/community/users/admin/update", { email: "evil@example.com" }))
        .error?.code,
    ).toBe(403);
    // The same role still resets an ordinary member, so the refusals above are about the target.
    expect(
      (await org.call(updater, "/community/users/user/reset", { newPassword: "User-new-1" }))
        .success,
    ).toBe(true);
    expect(
      (
        await org.call(org.principal("custom changeUserRoles"), "/portals/self/updateUserRole", {
          user: "user",
          role: "org_admin",
        })
      ).error?.code,
    ).toBe(403);
    expect(
      (
        await org.call(
          org.principal("custom manageSecurity"),
          "/portals/self/setUserDefaultSettings",
          {
            role: "org_admin",
          },
        )
      ).error?.code,
    ).toBe(403);
  });

  it("gives an admin privilege only what it names: a user-viewing role exports nobody's layer", async () => {
    const helpDesk = org.principal("custom viewUsers");
    const exported = await org.call(helpDesk, "/content/users/only_viewusers/export", {
      itemId: item,
      exportFormat: "CSV",
    });
    expect(exported.error?.code).toBe(403);
    const editorOfItems = org.principal("custom updateItems");
    const shared = await org.call(editorOfItems, `/content/items/${item}/share`, {
      everyone: "true",
    });
    expect(shared.error?.code).toBe(403);
  });

  it("checks privileges: a Viewer creates no item, folder or group", async () => {
    const viewer = org.principal("Viewer");
    for (const [path, params] of [
      ["/content/users/viewer1/addItem", { title: "v", type: "CSV", text: "a\n1" }],
      ["/content/users/viewer1/createFolder", { title: "v" }],
      ["/community/createGroup", { title: "v", access: "public" }],
    ] as const) {
      expect({ path, code: (await org.call(viewer, path, params)).error?.code }).toEqual({
        path,
        code: 403,
      });
    }
  });

  it("shows what is shared with the organisation only to roles allowed to view it", async () => {
    const added = await org.call(publisher, "/content/users/publisher/addItem", {
      title: "Org-wide layer",
      type: "CSV",
      text: "a\n1",
    });
    const itemId = added.id as string;
    expect(
      (await org.call(publisher, `/content/items/${itemId}/share`, { org: "true" })).error,
    ).toBeUndefined();
    const group = await org.call(publisher, "/community/createGroup", {
      title: "Org-wide crew",
      access: "org",
    });
    const groupId = (group.group as { id: string }).id;
    const sees = async (name: string) => ({
      name,
      item: (await org.call(org.principal(name), `/content/items/${itemId}`, {}, "GET")).title,
      found: (await org.call(org.principal(name), "/search", { q: `id:${itemId}` }, "GET")).total,
      group: (await org.call(org.principal(name), `/community/groups/${groupId}`, {}, "GET")).title,
    });
    // A custom role without portal:user:viewOrgItems and viewOrgGroups, beside a Viewer that has them.
    expect(await sees("custom joinGroup")).toEqual({
      name: "custom joinGroup",
      item: undefined,
      found: 0,
      group: undefined,
    });
    expect(await sees("Viewer")).toEqual({
      name: "Viewer",
      item: "Org-wide layer",
      found: 1,
      group: "Org-wide crew",
    });
  });

  it("lets an owner share only as far as the share privileges reach", async () => {
    const creator = org.principal("custom createItem");
    const added = await org.call(creator, "/content/users/only_createitem/addItem", {
      title: "Kept close",
      type: "CSV",
      text: "a\n1",
    });
    const itemId = added.id as string;
    expect(itemId).toBeTruthy();
    for (const params of [{ org: "true" }, { everyone: "true" }] as Record<string, string>[]) {
      const answer = await org.call(creator, `/content/items/${itemId}/share`, params);
      expect({ params, code: answer.error?.code }).toEqual({ params, code: 403 });
    }
    const item = await org.call(creator, `/content/items/${itemId}`, {}, "GET");
    expect(item.access).toBe("private");
  });

  it("keeps a private group's metadata from anonymous callers", async () => {
    const created = await org.call(publisher, "/community/createGroup", {
      title: "Hidden crew",
      access: "private",
    });
    const groupId = (created.group as { id: string }).id;
    for (const path of [
      `/community/groups/${groupId}`,
      `/community/groups/${groupId}/categorySchema`,
    ]) {
      const answer = await org.call(null, path, {}, "GET");
      expect({
        path,
        leaked: JSON.stringify(answer).includes("Hidden crew"),
        error: !!answer.error,
      }).toEqual({
        path,
        leaked: false,
        error: true,
      });
    }
  });

  it("ends every session when the password changes", async () => {
    const editor = org.principal("Data Editor");
    expect((await org.call(editor, "/community/self", {}, "GET")).username).toBe("editor1");
    const changed = await org.call(editor, "/community/users/editor1/reset", {
      password: "editor1-Pass-1",
      newPassword: "editor1-Next-2",
    });
    expect(changed.success).toBe(true);
    expect((await org.call(editor, "/community/self", {}, "GET")).error?.code).toBe(498);
  });

  it("ends every session when an administrator resets the password", async () => {
    const member = org.principal("custom joinGroup");
    expect((await org.call(member, "/community/self", {}, "GET")).username).toBe("only_joingroup");
    const reset = await org.call(
      org.principal("Administrator"),
      "/community/users/only_joingroup/reset",
      {
        newPassword: "Reset-by-admin-3",
      },
    );
    expect(reset.success).toBe(true);
    expect((await org.call(member, "/community/self", {}, "GET")).error?.code).toBe(498);
  });

  it("locks an account after repeated wrong passwords, as the security policy sets", async () => {
    const admin = org.principal("Administrator");
    expect(
      (
        await org.call(admin, "/portals/self/securityPolicy/update", {
          maxAttempts: "3",
          lockoutDuration: "30",
        })
      ).success,
    ).toBe(true);
    const policy = (await org.call(admin, "/portals/self/securityPolicy", {}, "GET"))
      .passwordPolicy as Record<string, unknown>;
    expect(policy).toMatchObject({
      type: "custom",
      maxAttempts: 3,
      lockoutDuration: 30,
      minLength: 8,
    });
    const attempt = (password: string) =>
      org.call(null, "/generateToken", { username: "user", password, referer: "http://localhost" });
    for (let i = 0; i < 3; i++) expect((await attempt("wrong-guess-1")).token).toBeUndefined();
    const locked = await attempt("User-new-1");
    expect(locked.token).toBeUndefined();
    expect(JSON.stringify(locked.error)).toMatch(/locked/);
    // An administrator's reset unlocks the account.
    await org.call(admin, "/community/users/user/reset", { newPassword: "User-reset-9" });
    expect(typeof (await attempt("User-reset-9")).token).toBe("string");
    expect(
      (
        await org.call(org.principal("custom viewUsers"), "/portals/self/securityPolicy/update", {
          maxAttempts: "20",
        })
      ).error?.code,
    ).toBe(403);
  });

  it("binds a token to its Referer's exact origin", async () => {
    const issued = await org.call(null, "/generateToken", {
      username: "publisher",
      password: "tsgis-publisher-1",
      client: "referer",
      referer: "https://app.example.com",
    });
    const token = issued.token as string;
    const asFrom = async (referer: string) =>
      (await (
        await fetch(`${org.rest}/community/self?f=json&token=${token}`, { headers: { referer } })
      ).json()) as { username?: string; error?: { code: number } };
    expect((await asFrom("https://app.example.com/map.html")).username).toBe("publisher");
    expect((await asFrom("https://app.example.com.evil.net/")).error?.code).toBe(498);
    expect((await asFrom("https://app.example.com:8443/")).error?.code).toBe(498);
    // A token bound to the scheme alone, as the Python API and tsgis ask for it ("http"), works
    // from any web page, so the browser draws what the notebook's token may read.
    const schemeBound = await org.call(null, "/generateToken", {
      username: "publisher",
      password: "tsgis-publisher-1",
      client: "referer",
      referer: "http",
    });
    const fromPage = async (referer: string) =>
      (await (
        await fetch(`${org.rest}/community/self?f=json&token=${schemeBound.token as string}`, {
          headers: { referer },
        })
      ).json()) as { username?: string; error?: { code: number } };
    expect((await fromPage("http://127.0.0.1:8888/lab")).username).toBe("publisher");
    expect((await fromPage("https://app.example.com/")).username).toBe("publisher");
    expect((await fromPage("file:///tmp/page.html")).error?.code).toBe(498);
  });

  it("matches wildcards without regular-expression blow-up", async () => {
    const answer = await org.call(org.principal("Administrator"), "/community/users", {
      q: "username:*********z",
    });
    expect(answer.error).toBeUndefined();
    expect(wildcardMatches("*********z", "a".repeat(100_000))).toBe(false);
    expect(wildcardMatches("a*b?d*", "axxbcdyy")).toBe(true);
    expect(wildcardMatches("*a*a*a*a*a*a*a*b", `${"a".repeat(50_000)}c`)).toBe(false);
  });

  it("refuses an archive that inflates far beyond its size (zip bomb)", async () => {
    const bomb = Buffer.from(
      zipSync({ "zeros.txt": new Uint8Array(120 * 1024 * 1024) }, { level: 9 }),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const form = new FormData();
    form.set("f", "json");
    form.set("archive", "true");
    form.set("file", new Blob([bomb]), "bomb.zip");
    const response = await fetch(`${org.rest}/content/users/publisher/items/${item}/addResources`, {
      method: "POST",
      headers: { "X-Esri-Authorization": `Bearer ${publisher.token}` },
      body: form,
    });
    const body = (await response.json()) as { error?: { code: number; details: string[] } };
    expect(body.error?.code).toBe(400);
    expect(JSON.stringify(body.error)).toMatch(/inflates/);
  });

  it("answers deep nesting, bad escapes, NUL file names and thousands of ORs with a 4xx error", async () => {
    const admin = org.principal("Administrator");
    const answers = [
      await org.call(admin, "/portals/self/invite", {
        invitationList: `{"invitations":${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
      }),
      await org.call(
        admin,
        `${org.portal.url}/sharing/rest/content/items/${item}/resources/%E0%A4%A`,
        {},
        "GET",
      ),
      await org.call(admin, "/search", {
        q: Array.from({ length: 3000 }, (_, i) => `id:${i}`).join(" OR "),
      }),
      await org.call(admin, "/search", { q: `${"(".repeat(5000)}a${")".repeat(5000)}` }),
    ];
    const form = new FormData();
    form.set("f", "json");
    form.set("file", new Blob(["x"]), "a\u0000b.txt");
    const nul = await fetch(`${org.rest}/content/users/publisher/items/${item}/addResources`, {
      method: "POST",
      headers: { "X-Esri-Authorization": `Bearer ${publisher.token}` },
      body: form,
    });
    answers.push((await nul.json()) as (typeof answers)[number]);
    for (const [index, answer] of answers.entries()) {
      expect({ index, answer: JSON.stringify(answer).slice(0, 200) }).toEqual({
        index,
        answer: expect.stringContaining('"error"'),
      });
      expect(answer.error?.code).toBeGreaterThanOrEqual(400);
      expect(answer.error?.code).toBeLessThan(500);
    }
  });

  it("redacts every secret parameter from a logged URL", () => {
    const logged = redactUrl(
      "/sharing/rest/community/users/u/reset?newPassword=Np-1&password=P-1&securityAnswer=Rex&newSecurityAnswer=Fido&user_token=T1&client_secret=S1&code_verifier=V1&f=json",
    );
    for (const secret of ["Np-1", "P-1", "Rex", "Fido", "T1", "S1", "V1"])
      expect(logged).not.toContain(`=${secret}`);
    expect(logged).toContain("f=json");
  });

  it("serves uploaded HTML and SVG as downloads with nosniff and a restrictive CSP", async () => {
    for (const [fileName, text] of [
      ["page.html", "<script>alert(document.cookie)</script>"],
      ["image.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ]) {
      const added = await org.call(
        publisher,
        `/content/users/publisher/items/${item}/addResources`,
        {
          fileName,
          text,
        },
      );
      expect(added.success).toBe(true);
      const response = await fetch(`${org.rest}/content/items/${item}/resources/${fileName}`, {
        headers: { "X-Esri-Authorization": `Bearer ${publisher.token}` },
      });
      expect(await response.text()).toBe(text);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    }
  });

  it("escapes every field of an item card, numbers included", () => {
    const html = itemCardHtml(
      "https://portal.example/sharing/rest",
      {
        id: "abc",
        title: "<b>t</b>",
        numViews: '<img src=x onerror="alert(1)">' as unknown as number,
        numComments: "<script>1</script>" as unknown as number,
      } as ItemJSON,
      "https://portal.example/home/item.html?id=abc",
    );
    expect(html).not.toMatch(/<img src=x|<script>|<b>t<\/b>/);
  });

  it("prints no password or token for a GIS, its session or its sign-in", async () => {
    const gis = await GIS.connect({
      url: org.portal.url,
      username: "publisher",
      password: "tsgis-publisher-1",
      setActive: false,
    });
    const token = (await gis.session.auth.token(gis.session)) as string;
    for (const value of [gis, gis.session, gis.session.auth]) {
      for (const text of [
        util.inspect(value, { depth: 8, showHidden: true }),
        jsonOf(value),
        String(value),
        util.format("%o", value),
      ]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain("tsgis-publisher-1");
      }
    }
    gis.session.close();
  });
});
