// An afterAll that closes every resource of a suite, even when its beforeAll failed half-way: a
// resource that was never made is skipped, and one close that throws does not leave the others
// open. An open server or child process keeps jest alive after the run, so a failing suite
// would hang instead of failing.

/** Anything a suite opens: a server, a portal, a session, a child process wrapper. */
export type Closable = { close(): unknown } | { stop(): unknown };

/** Closes each resource in order; rethrows the first failure once all have been tried. */
export async function closeAll(...resources: Array<Closable | undefined>): Promise<void> {
  const failures: unknown[] = [];
  for (const resource of resources) {
    if (resource === undefined) continue;
    try {
      await ("close" in resource ? resource.close() : resource.stop());
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
