// Run by no-secret-store.test.ts in a fresh process whose environment has no usable D-Bus
// session: prints, as JSON, what each profile operation that needs the store reports.
// Only the modules profiles need are loaded, so the scenario does not depend on the rest of the
// package; prepareSignIn is what GIS.connect runs before its first request.
import { ProfileManager } from "../../kernel/src/profiles/index";
import { prepareSignIn } from "../../kernel/src/sign-in";

async function outcome(operation: () => Promise<unknown>): Promise<string> {
  try {
    return `resolved: ${JSON.stringify(await operation())}`;
  } catch (error) {
    return `rejected: ${(error as Error).message}`;
  }
}

async function main(): Promise<void> {
  const url = process.argv[3];
  const profiles = new ProfileManager();
  const results = {
    create: await outcome(() =>
      profiles.create("nostore", { url, username: "user", password: "tsgis-user-1" }),
    ),
    createWithoutPassword: await outcome(() => profiles.create("pem", { url, certFile: "c.pem" })),
    connect: await outcome(() => prepareSignIn({ profile: "saved" })),
    list: await outcome(() => profiles.list()),
    roundTrip: await outcome(async () => {
      const { options } = await prepareSignIn({ profile: "nostore" });
      return options.password === "tsgis-user-1";
    }),
  };
  process.stdout.write(JSON.stringify(results));
}

void main();
