import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const run = promisify(execFile);

/** Packages `import "tsgis"` must not load: each is needed only once a feature is used. */
const LOADED_ON_FIRST_USE = [
  "axios",
  "form-data",
  "http-proxy-agent",
  "https-proxy-agent",
  "@napi-rs/keyring",
  "kerberos",
];

// Loads the built client in a fresh process, lists the packages loaded, then connects
// anonymously to the portal given and lists them again.
const SCRIPT = `
const [kernel, url] = process.argv.slice(1);
const loaded = () => [...new Set(Object.keys(require.cache).flatMap((file) => {
  const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
  return match ? [match[1]] : [];
}))];
const { GIS } = require(kernel);
const atImport = loaded();
GIS.connect({ url, setActive: false }).then((gis) => {
  const afterConnect = loaded();
  gis.close();
  process.stdout.write(JSON.stringify({ atImport, afterConnect, connected: gis.url === url }));
});
`;

describe('import "tsgis" loads its heavy parts on first use', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ port: 0 });
  });

  afterAll(async () => {
    await portal.close();
  });

  it("loads no HTTP client, form encoder, proxy agent, keyring or Kerberos at import, and the HTTP client on the first request", async () => {
    const kernel = path.resolve(__dirname, "../../kernel/dist/index.js");
    const { stdout } = await run(process.execPath, ["-e", SCRIPT, kernel, portal.url]);
    const result = JSON.parse(stdout) as {
      atImport: string[];
      afterConnect: string[];
      connected: boolean;
    };
    expect(result.atImport.filter((name) => LOADED_ON_FIRST_USE.includes(name))).toEqual([]);
    expect(result.connected).toBe(true);
    expect(result.afterConnect).toContain("axios");
  }, 60_000);
});
