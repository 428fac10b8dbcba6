import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { installNotebookStdin, type NotebookStdin } from "./notebook-stdin";

describe("the password prompt in a notebook", () => {
  let portal: RunningPortal;
  let stdin: NotebookStdin | undefined;
  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
  });
  afterEach(() => stdin?.uninstall());
  afterAll(() => portal.close());

  it("asks for a missing password, hidden, and signs in with it", async () => {
    stdin = installNotebookStdin(async () => "tsgis-user-1");
    const gis = await GIS.connect({ url: portal.url, username: "user" });
    gis.close();
    expect(gis.users.me?.username).toBe("user");
    expect(stdin.prompts).toEqual([{ prompt: "Enter password for user: ", password: true }]);
  });

  it("outside a notebook, says what to pass instead", async () => {
    await expect(GIS.connect({ url: portal.url, username: "user" })).rejects.toThrow(
      /^password: a password is required to sign in as "user"/,
    );
  });
});
