// A stray error outside any request — a promise nobody awaits, an exception thrown from a timer —
// must not end the portal: it is reported on stderr and the portal keeps answering. Run in a
// child process, since jest installs its own handlers for both events.
import { spawnSync } from "child_process";

const script = `
const { startPortal } = require("@tsgis/portal");
(async () => {
  const portal = await startPortal({ port: 0 });
  Promise.reject(new Error("stray rejection"));
  setTimeout(() => { throw new Error("stray exception"); }, 10);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const answer = await fetch(portal.url + "/sharing/rest/info?f=json");
  console.log("still serving: " + answer.status);
  await portal.close();
  process.exit(0);
})();
`;

it("reports stray promise rejections and exceptions and keeps serving", () => {
  const result = spawnSync(process.execPath, ["-e", script], {
    cwd: __dirname,
    encoding: "utf8",
    timeout: 120_000,
  });
  expect({ status: result.status, stdout: result.stdout }).toEqual({
    status: 0,
    stdout: "still serving: 200\n",
  });
  expect(result.stderr).toMatch(
    /unhandled promise rejection \(the portal keeps serving\).*stray rejection/,
  );
  expect(result.stderr).toMatch(/uncaught exception \(the portal keeps serving\).*stray exception/);
}, 150_000);
