import { startPortal, DEMO_USERS } from "@tsgis/portal";
import { GIS } from "tsgis";
import type { MetricsCase } from "../lib/case-types";
import { runInChild } from "../lib/child-runner";
import { findLoadDiscrepancies, type LoadOutcome } from "../lib/load-scenario";
import type { BenchSettings } from "../lib/settings";

const CLIENTS = 50;

/** 50 concurrent clients doing mixed reads and writes on one portal; throughput and p99. */
export function loadCase(settings: BenchSettings): MetricsCase {
  return {
    kind: "metrics",
    id: "load",
    title: `Load: ${CLIENTS} concurrent clients, mixed reads and writes, ${settings.loadSeconds} s`,
    async measure() {
      const portal = await startPortal({ port: 0, demo: true });
      try {
        const accounts = DEMO_USERS.map(({ username, password }) => ({ username, password }));
        const tag = `load${Date.now()}`;
        const sample = await runInChild({
          caseId: "load",
          side: "tsgis",
          input: {
            url: portal.url,
            accounts,
            clients: CLIENTS,
            durationMs: settings.loadSeconds * 1000,
            tag,
          },
        });
        const admin = await GIS.connect({ url: portal.url, ...accounts[0], setActive: false });
        const expected = new Map(
          sample.detail.expected as [string, { title: string; snippet: string }][],
        );
        const discrepancies = await findLoadDiscrepancies(admin, tag, { expected } as LoadOutcome);
        const metrics = {
          ...(sample.detail.metrics as Record<string, number>),
          itemsWritten: expected.size,
          lostOrDoubledWrites: discrepancies.length,
          peakRssMiB: sample.peakRssBytes / (1024 * 1024),
        };
        const errors = sample.detail.firstErrors as string[];
        return {
          metrics,
          notes: [
            `${CLIENTS} GIS connections in one client process, spread over the demo users (admin, publisher, user); each loops: 35% search, 20% get, 30% add, 15% update of its own items. Portal in the bench process, no added latency.`,
            "Afterwards the portal is read back as an administrator: every acknowledged add present once, with its last acknowledged update.",
            ...(errors.length > 0 ? [`First errors: ${errors.join("; ")}`] : []),
            ...(discrepancies.length > 0
              ? [`Discrepancies: ${discrepancies.slice(0, 5).join("; ")}`]
              : []),
          ],
        };
      } finally {
        await portal.close();
      }
    },
  };
}
