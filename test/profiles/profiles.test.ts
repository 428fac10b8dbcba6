/**
 * @jest-environment ./test/profiles/keyring-environment.ts
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ArcGISError, GIS, ProfileManager } from "tsgis";
import { installNotebookStdin } from "../signin/notebook-stdin";
import { approveAndCopyCode, registerNotebookApp } from "../signin/oauth-user";
import type { SecretServiceGlobal } from "./keyring-environment";
import { lookupSecret, storeSecret } from "./secret-service";

const run = promisify(execFile);
const USER = { username: "user", password: "tsgis-user-1" };
const SERVICE_SUFFIX = "@arcgis_python_api_profile_passwords";

/** Reads the profile file with Python's own configparser, as the ArcGIS API for Python does. */
async function readWithConfigparser(file: string): Promise<Record<string, Record<string, string>>> {
  const script = [
    "import configparser, json, sys",
    "c = configparser.ConfigParser()",
    "c.read(sys.argv[1])",
    "print(json.dumps({s: dict(c.items(s)) for s in c.sections()}))",
  ].join("\n");
  const { stdout } = await run("/usr/bin/python3", ["-c", script, file]);
  return JSON.parse(stdout) as Record<string, Record<string, string>>;
}

const keyring = (globalThis as unknown as { secretService: SecretServiceGlobal }).secretService;
const lookup = (attributes: Record<string, string>): Promise<string | null> =>
  lookupSecret(keyring, attributes);

describe("ProfileManager with a real Secret Service", () => {
  let portal: RunningPortal;
  const opened: GIS[] = [];
  const profileFile = path.join(keyring.home, ".arcgisprofile");

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
  });

  afterAll(async () => {
    for (const gis of opened) gis.close();
    await portal?.close();
  });

  it("creates a profile: 0600 file without the password, password in the Secret Service", async () => {
    const profiles = new ProfileManager();
    expect(await profiles.create("work", { url: portal.url, ...USER })).toBe(true);

    const stat = fs.statSync(profileFile);
    expect(stat.mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(profileFile, "utf8");
    expect(text).not.toContain(USER.password);
    expect(text).toContain("[work]");

    const parsed = await readWithConfigparser(profileFile);
    expect(parsed.work.url).toBe(portal.url);
    expect(parsed.work.username).toBe("user");
    expect(parsed.work.password).toBeUndefined();
    expect(parsed.work.date_modified).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);

    const stored = await lookup({ service: `work${SERVICE_SUFFIX}`, username: "work" });
    expect(stored).toBe(USER.password);
  });

  it("signs in with the profile alone", async () => {
    const gis = await GIS.connect({ profile: "work" });
    opened.push(gis);
    expect(gis.url).toBe(portal.url);
    expect(gis.users.me?.username).toBe("user");
  });

  it("gets, lists and updates profiles", async () => {
    const profiles = new ProfileManager();
    await profiles.create("pki", { url: portal.url, certFile: "/certs/me.pem", keyFile: "/k.pem" });
    expect(await profiles.list()).toEqual(["work", "pki"]);

    const info = await profiles.get("pki");
    expect(info).toMatchObject({ url: portal.url, certFile: "/certs/me.pem", keyFile: "/k.pem" });
    expect(info.dateModified).toBeInstanceOf(Date);
    expect(info.password).toBeUndefined();

    expect(await profiles.update("pki", { clientId: "abc123" })).toBe(true);
    expect(await profiles.get("pki")).toMatchObject({
      certFile: "/certs/me.pem",
      clientId: "abc123",
    });

    const rows = await profiles.list({ asDf: true });
    expect(rows.map((row) => row.profile)).toEqual(["work", "pki"]);
    expect(rows[1].clientId).toBe("abc123");

    const parsed = await readWithConfigparser(profileFile);
    expect(parsed.pki).toMatchObject({
      cert_file: "/certs/me.pem",
      key_file: "/k.pem",
      client_id: "abc123",
    });
  });

  it("reads a profile and password written the Python way (older shared service name)", async () => {
    fs.appendFileSync(profileFile, `\n[from_python]\nurl = ${portal.url}\nusername = user\n`);
    await storeSecret(
      keyring,
      "Password for 'from_python' on 'arcgis_python_api_profile_passwords'",
      {
        service: "arcgis_python_api_profile_passwords",
        username: "from_python",
        application: "Python keyring library",
      },
      USER.password,
    );
    const gis = await GIS.connect({ profile: "from_python" });
    opened.push(gis);
    expect(gis.users.me?.username).toBe("user");
  });

  it("saves credentials given with profile after they worked, and saveAs copies a GIS", async () => {
    const first = await GIS.connect({ profile: "fresh", url: portal.url, ...USER });
    opened.push(first);
    expect((await new ProfileManager().get("fresh")).username).toBe("user");
    expect(await lookup({ service: `fresh${SERVICE_SUFFIX}`, username: "fresh" })).toBe(
      USER.password,
    );

    const admin = await GIS.connect({
      url: portal.url,
      username: "admin",
      password: "tsgis-admin-1",
    });
    opened.push(admin);
    expect(await new ProfileManager().saveAs("copied", admin)).toBe(true);
    const again = await GIS.connect({ profile: "copied" });
    opened.push(again);
    expect(again.users.me?.username).toBe("admin");
  });

  it("does not save credentials the portal refused", async () => {
    const refused = GIS.connect({
      profile: "refused",
      url: portal.url,
      username: "user",
      password: "wrong",
    });
    await expect(refused).rejects.toBeInstanceOf(ArcGISError);
    await expect(refused).rejects.toMatchObject({
      details: expect.arrayContaining([expect.stringMatching(/Invalid username or password/)]),
    });
    expect(await new ProfileManager().list()).not.toContain("refused");
    expect(await lookup({ service: `refused${SERVICE_SUFFIX}`, username: "refused" })).toBeNull();
  });

  it("deletes a profile and its password", async () => {
    const profiles = new ProfileManager();
    expect(await profiles.delete("work")).toBe(true);
    expect(await profiles.list()).not.toContain("work");
    expect(await lookup({ service: `work${SERVICE_SUFFIX}`, username: "work" })).toBeNull();
    await expect(profiles.delete("work")).rejects.toThrow(/no profile named "work"/);
    await expect(GIS.connect({ profile: "work" })).rejects.toThrow(/no profile named "work"/);
  });

  it("uses TSGIS_PASSWORD for a profile without a stored password", async () => {
    await new ProfileManager().create("scripted", { url: portal.url, username: "user" });
    keyring.setEnv("TSGIS_PASSWORD", USER.password);
    try {
      const gis = await GIS.connect({ profile: "scripted" });
      opened.push(gis);
      expect(gis.users.me?.username).toBe("user");
    } finally {
      keyring.setEnv("TSGIS_PASSWORD", undefined);
    }
    await expect(GIS.connect({ profile: "scripted" })).rejects.toThrow(
      /password: a password is required/,
    );
  });

  it("shares profiles both ways with Python's configparser and keyring", async () => {
    // What the ArcGIS API for Python does to find a profile: configparser for the file, the
    // keyring package (its Secret Service backend) for the password under either service name.
    const script = [
      "import configparser, json, os, sys, keyring",
      "from keyring.backends.SecretService import Keyring",
      "keyring.set_keyring(Keyring())",
      "action, profile = sys.argv[1], sys.argv[2]",
      "path = os.path.expanduser('~/.arcgisprofile')",
      "if action == 'read':",
      "    c = configparser.ConfigParser(); c.read(path)",
      "    p = keyring.get_password(profile + '@arcgis_python_api_profile_passwords', profile)",
      "    print(json.dumps({'url': c[profile]['url'], 'username': c[profile]['username'], 'password': p}))",
      "else:",
      "    c = configparser.ConfigParser(); c.read(path)",
      "    c[profile] = {'url': sys.argv[3], 'username': 'user', 'date_modified': '2024-01-02 03:04:05.678901'}",
      "    with open(path, 'w') as f: c.write(f)",
      "    keyring.set_password(profile + '@arcgis_python_api_profile_passwords', profile, sys.argv[4])",
    ].join("\n");
    const python = (args: string[]): Promise<{ stdout: string }> =>
      run("/usr/bin/python3", ["-c", script, ...args], {
        env: { ...process.env, HOME: keyring.home, DBUS_SESSION_BUS_ADDRESS: keyring.busAddress },
      });

    await new ProfileManager().create("to_python", { url: portal.url, ...USER });
    const seen = JSON.parse((await python(["read", "to_python"])).stdout) as Record<string, string>;
    expect(seen).toEqual({ url: portal.url, username: "user", password: USER.password });

    await python(["write", "from_python_keyring", portal.url, USER.password]);
    const info = await new ProfileManager().get("from_python_keyring");
    expect(info.dateModified).toEqual(new Date(2024, 0, 2, 3, 4, 5, 678));
    const gis = await GIS.connect({ profile: "from_python_keyring", setActive: false });
    opened.push(gis);
    expect(gis.users.me?.username).toBe("user");
  });

  it("keeps a PKI profile's PFX password in the Secret Service and signs in with it", async () => {
    const tlsPortal = await startPortal({ port: 0, demo: true, tls: true });
    try {
      const issued = tlsPortal.tls!.issueClientCertificate("publisher", {
        pfxPassword: "pfx-pass",
      });
      const pfx = path.join(keyring.home, "publisher.pfx");
      fs.writeFileSync(pfx, issued.pfx);
      await new ProfileManager().create("pki-pfx", {
        url: tlsPortal.url,
        certFile: pfx,
        password: "pfx-pass",
      });
      expect(fs.readFileSync(profileFile, "utf8")).not.toContain("pfx-pass");
      expect(await lookup({ service: `pki-pfx${SERVICE_SUFFIX}`, username: "pki-pfx" })).toBe(
        "pfx-pass",
      );
      const gis = await GIS.connect({ profile: "pki-pfx", verifyCert: false, setActive: false });
      opened.push(gis);
      expect(gis.users.me?.username).toBe("publisher");
    } finally {
      await tlsPortal.close();
    }
  });

  it("signs in with a profile that holds an OAuth client id", async () => {
    const app = await registerNotebookApp(portal.url, USER);
    await new ProfileManager().create("oauth", { url: portal.url, clientId: app.clientId });
    const printed: string[] = [];
    const log = jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args.join(" "));
    });
    const stdin = installNotebookStdin(async () => {
      const url = /https?:\/\/\S+\/oauth2\/authorize\?\S+/.exec(printed.join("\n"))?.[0];
      return approveAndCopyCode(url ?? "", USER.username, USER.password);
    });
    try {
      const gis = await GIS.connect({ profile: "oauth", setActive: false });
      opened.push(gis);
      expect(gis.users.me?.username).toBe("user");
      expect(stdin.prompts).toHaveLength(1);
    } finally {
      stdin.uninstall();
      log.mockRestore();
    }
  });

  it("saves a password typed at the notebook's prompt with the profile", async () => {
    const stdin = installNotebookStdin(async () => USER.password);
    try {
      const gis = await GIS.connect({
        profile: "prompted",
        url: portal.url,
        username: USER.username,
        setActive: false,
      });
      opened.push(gis);
      expect(stdin.prompts).toEqual([{ prompt: "Enter password for user: ", password: true }]);
    } finally {
      stdin.uninstall();
    }
    expect(fs.readFileSync(profileFile, "utf8")).not.toContain(USER.password);
    expect(await lookup({ service: `prompted${SERVICE_SUFFIX}`, username: "prompted" })).toBe(
      USER.password,
    );
    const again = await GIS.connect({ profile: "prompted", setActive: false });
    opened.push(again);
    expect(again.users.me?.username).toBe(USER.username);
  });

  it("refuses bad arguments before writing anything", async () => {
    const before = fs.readFileSync(profileFile, "utf8");
    const profiles = new ProfileManager();
    await expect(profiles.create("", { url: portal.url })).rejects.toThrow(RangeError);
    await expect(profiles.create("a]b")).rejects.toThrow(/profile "a\]b"/);
    await expect(profiles.create("x", { url: "https://a\nb" })).rejects.toThrow(
      /"url" must be on one line/,
    );
    await expect(
      profiles.create("x", { key_file: "k" } as unknown as Record<string, string>),
    ).rejects.toThrow(/did you mean "keyFile"/);
    await expect(
      profiles.create("x", { username: 5 } as unknown as Record<string, string>),
    ).rejects.toThrow(TypeError);
    await expect(profiles.update("missing", { url: portal.url })).rejects.toThrow(/use create\(\)/);
    await expect(profiles.get("missing")).rejects.toThrow(/no profile named "missing"/);
    expect(fs.readFileSync(profileFile, "utf8")).toBe(before);
  });
});
