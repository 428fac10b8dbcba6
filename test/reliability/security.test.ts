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
