import { DEMO_USERS, startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { findLoadDiscrepancies, runLoad } from "../../bench/lib/load-scenario";
import { LONG } from "./support";

const CLIENTS = 50;
const DURATION_MS = LONG ? 60_000 : 10_000;

/**
 * 50 concurrent clients doing mixed reads and writes against one portal for a bounded time: no
 * errors and no lost or doubled writes. Throughput and p99 go to the bench report (`npm run
 * bench`, case "load"); nothing here is timed.
 */
describe("load: 50 concurrent clients", () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
  });

  afterAll(async () => {
    await portal.close();
  });

  it(
    "completes every operation and loses no write",
    async () => {
      const tag = `load${Date.now()}`;
      const accounts = DEMO_USERS.map(({ username, password }) => ({ username, password }));
      const outcome = await runLoad({
        url: portal.url,
        accounts,
        clients: CLIENTS,
        durationMs: DURATION_MS,
        tag,
      });
      expect(outcome.errors).toEqual([]);
      expect(outcome.operationsByKind.add).toBeGreaterThan(0);
      expect(outcome.operationsByKind.update).toBeGreaterThan(0);
      expect(outcome.operationsByKind.search).toBeGreaterThan(0);
      const admin = await GIS.connect({ url: portal.url, ...accounts[0], setActive: false });
      expect(await findLoadDiscrepancies(admin, tag, outcome)).toEqual([]);
      admin.session.close();
    },
    DURATION_MS + 90_000,
  );
});
