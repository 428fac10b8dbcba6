import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SecretStore } from "./secret-store";

/** scrypt cost: about 64 MiB and a tenth of a second, once per process and passphrase. */
const SCRYPT = { N: 2 ** 16, r: 8, p: 1, maxmem: 128 * 1024 * 1024 } as const;
const KEY_BYTES = 32;
const FORMAT = "tsgis-secrets/1";

interface SealedFile {
  format: typeof FORMAT;
  kdf: { name: "scrypt"; N: number; r: number; p: number; salt: string };
  iv: string;
  tag: string;
  data: string;
}

type Secrets = Record<string, Record<string, string>>;

/** Where the opt-in encrypted store lives: beside the profile file. */
export function encryptedStorePath(): string {
  return path.join(os.homedir(), ".arcgisprofile-secrets");
}

/**
 * An opt-in store for machines without a Secret Service: one file, mode 0600, holding every
 * secret encrypted with AES-256-GCM under a key derived from a passphrase with scrypt. The whole
 * map is sealed at once, so the file reveals neither profile names nor how many there are.
 */
export class EncryptedFileStore implements SecretStore {
  readonly description: string;
  private derived: { salt: string; key: Buffer } | undefined;

  constructor(
    private readonly passphrase: string,
    private readonly file = encryptedStorePath(),
  ) {
    if (passphrase.length === 0) {
      throw new RangeError("passphrase: the encrypted secret store needs a non-empty passphrase");
    }
    this.description = `the encrypted file ${file}`;
  }

  async get(service: string, account: string): Promise<string | null> {
    return this.open()[service]?.[account] ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    const secrets = this.open();
    secrets[service] = { ...secrets[service], [account]: secret };
    this.seal(secrets);
  }

  async delete(service: string, account: string): Promise<boolean> {
    const secrets = this.open();
    if (secrets[service]?.[account] === undefined) return false;
    delete secrets[service][account];
    if (Object.keys(secrets[service]).length === 0) delete secrets[service];
    this.seal(secrets);
    return true;
  }

  private open(): Secrets {
    let sealed: SealedFile;
    try {
      sealed = JSON.parse(fs.readFileSync(this.file, "utf8")) as SealedFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw new Error(`${this.file} is not a tsgis secret store: ${(error as Error).message}`);
    }
    if (sealed.format !== FORMAT || sealed.kdf?.name !== "scrypt") {
      throw new Error(`${this.file} is not a tsgis secret store (unknown format)`);
    }
    const key = this.keyFor(sealed.kdf.salt, sealed.kdf);
    try {
      const decipher = crypto.createDecipheriv(
        "aes-256-gcm",
        key,
        Buffer.from(sealed.iv, "base64"),
      );
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(sealed.data, "base64")),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString("utf8")) as Secrets;
    } catch {
      throw new Error(
        `passphrase: it does not open ${this.file} (wrong passphrase, or the file was altered)`,
      );
    }
  }

  private seal(secrets: Secrets): void {
    const salt = this.derived?.salt ?? crypto.randomBytes(16).toString("base64");
    const key = this.keyFor(salt, SCRYPT);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
    const sealed: SealedFile = {
      format: FORMAT,
      kdf: { name: "scrypt", N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt },
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      data: data.toString("base64"),
    };
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(sealed), { mode: 0o600 });
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, this.file);
  }

  private keyFor(salt: string, cost: { N: number; r: number; p: number }): Buffer {
    if (this.derived?.salt === salt) return this.derived.key;
    const key = crypto.scryptSync(this.passphrase, Buffer.from(salt, "base64"), KEY_BYTES, {
      N: cost.N,
      r: cost.r,
      p: cost.p,
      maxmem: SCRYPT.maxmem,
    });
    this.derived = { salt, key };
    return key;
  }
}
