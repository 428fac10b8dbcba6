import type { SidePrepare } from "../lib/case-types";
import { loadMetrics, runLoad, type LoadAccount } from "../lib/load-scenario";
import { stringField } from "./sign-in";

/** The load scenario's clients, all in this one child process. */
export const loadTsgis: SidePrepare = async (input) => {
  const accounts = input.accounts as LoadAccount[];
  const clients = Number(input.clients);
  const durationMs = Number(input.durationMs);
  const url = stringField(input, "url");
  const tag = stringField(input, "tag");
  return async () => {
    const outcome = await runLoad({ url, accounts, clients, durationMs, tag });
    return {
      metrics: loadMetrics(outcome, clients),
      firstErrors: outcome.errors.slice(0, 5),
      expected: [...outcome.expected.entries()],
    };
  };
};
