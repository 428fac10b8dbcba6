// A real MIT Kerberos KDC on loopback for tests: a throwaway realm, a user with a password, an
// HTTP service principal with its keytab, and the user's ticket obtained with kinit.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const REALM = "TSGIS.TEST";

export interface RunningKdc {
  dir: string;
  /** KRB5_CONFIG, KRB5CCNAME (with the user's ticket) and KRB5_KTNAME (the service keytab). */
  env: Record<string, string>;
  /** Where an empty credential cache would be: for "no ticket" cases. */
  emptyCache: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startKdc(
  user: { name: string; password: string },
  service: string,
): Promise<RunningKdc> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-kdc-"));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "krb5.conf"),
    `[libdefaults]
  default_realm = ${REALM}
  dns_lookup_realm = false
  dns_lookup_kdc = false
  dns_canonicalize_hostname = false
  rdns = false
[realms]
  ${REALM} = {
    kdc = 127.0.0.1:${port}
  }
`,
  );
  fs.writeFileSync(
    path.join(dir, "kdc.conf"),
    `[kdcdefaults]
  kdc_ports = ${port}
  kdc_tcp_ports = ${port}
[realms]
  ${REALM} = {
    database_name = ${dir}/principal
    key_stash_file = ${dir}/stash
    acl_file = ${dir}/kadm5.acl
    supported_enctypes = aes256-cts-hmac-sha1-96:normal
  }
[logging]
  kdc = FILE:${dir}/kdc.log
`,
  );
  const env = {
    KRB5_CONFIG: path.join(dir, "krb5.conf"),
    KRB5_KDC_PROFILE: path.join(dir, "kdc.conf"),
    KRB5CCNAME: `FILE:${path.join(dir, "ccache")}`,
    KRB5_KTNAME: `FILE:${path.join(dir, "service.keytab")}`,
  };
  const withEnv = { env: { ...process.env, ...env } };
  const masterPassword = "tsgis-kdc-master";
  await run("kdb5_util", ["create", "-s", "-r", REALM, "-P", masterPassword], withEnv);
  await run("kadmin.local", ["-q", `addprinc -pw ${user.password} ${user.name}`], withEnv);
  await run("kadmin.local", ["-q", `addprinc -randkey ${service}`], withEnv);
  await run("kadmin.local", ["-q", `ktadd -k ${dir}/service.keytab ${service}`], withEnv);

  const kdc: ChildProcess = spawn("krb5kdc", ["-n"], { ...withEnv, stdio: "ignore" });
  const stop = async (): Promise<void> => {
    if (kdc.exitCode === null) {
      const exited = new Promise((resolve) => kdc.once("exit", resolve));
      kdc.kill();
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await kinitWhenReady(user, withEnv);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, env, emptyCache: `FILE:${path.join(dir, "no-ticket")}`, stop };
}

/** The KDC needs a moment to listen; kinit is retried until it answers. */
async function kinitWhenReady(
  user: { name: string; password: string },
  options: { env: NodeJS.ProcessEnv },
): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn("kinit", [user.name], {
          ...options,
          stdio: ["pipe", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim()))));
        // kinit may exit before reading its password (KDC not up yet); that is a retry, not a crash.
        child.stdin?.on("error", () => undefined);
        child.stdin?.end(`${user.password}\n`);
      });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`kinit never succeeded: ${(lastError as Error).message}`);
}
