import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { seedItems, type ItemRecipe } from "./seed-items";

/** The organisation administrator every benchmark signs in as. Loopback only, never a secret. */
export const BENCH_ADMIN = { username: "benchadmin", password: "bench-admin-password-1" };

export interface SeededPortal {
  readonly portal: RunningPortal;
  readonly itemIds: readonly string[];
  close(): Promise<void>;
}

/**
 * A portal in a fresh data directory with `items` seeded items owned by BENCH_ADMIN. It is
 * started once to create the organisation and the administrator, seeded while stopped, then
 * started again with the case's latency.
 */
export async function startSeededPortal(options: {
  items: number;
  recipe: ItemRecipe;
  latency?: number;
}): Promise<SeededPortal> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-bench-"));
  try {
    const first = await startPortal({ port: 0, data: dataDir, admin: BENCH_ADMIN });
    await first.close();
    const itemIds =
      options.items > 0
        ? seedItems(dataDir, BENCH_ADMIN.username, options.items, options.recipe)
        : [];
    const portal = await startPortal({ port: 0, data: dataDir, latency: options.latency ?? 0 });
    return {
      portal,
      itemIds,
      close: async () => {
        await portal.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** A token for the bench administrator, for the parent's own set-up and checks. */
export async function adminToken(portal: RunningPortal): Promise<string> {
  const answer = (await restCall(portal, "generateToken", {
    username: BENCH_ADMIN.username,
    password: BENCH_ADMIN.password,
    client: "referer",
    referer: "http://localhost",
  })) as { token?: string };
  if (typeof answer.token !== "string")
    throw new Error("the bench portal refused the administrator's sign-in");
  return answer.token;
}

/** A bare Sharing REST call from the parent (set-up and checks, never timed). */
export async function restCall(
  portal: RunningPortal,
  resource: string,
  params: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${portal.url}/sharing/rest/${resource}`, {
    method: "POST",
    body: new URLSearchParams({ f: "json", ...params }),
  });
  const body = (await response.json()) as Record<string, unknown> & {
    error?: { message?: string };
  };
  if (body.error) throw new Error(`${resource}: ${body.error.message ?? "error"}`);
  return body;
}
