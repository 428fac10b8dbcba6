import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EncryptedFileStore } from "../../kernel/src/profiles/encrypted-file-store";

describe("EncryptedFileStore", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-secrets-"));
    file = path.join(dir, "secrets");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("round-trips secrets through a 0600 file that shows neither secrets nor names", async () => {
    const store = new EncryptedFileStore("pass phrase", file);
    await store.set("work@arcgis_python_api_profile_passwords", "work", "s3cret-value");
    await store.set("home@arcgis_python_api_profile_passwords", "home", "other-value");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, "utf8");
    for (const plain of ["s3cret-value", "other-value", "work", "home"]) {
      expect(text).not.toContain(plain);
    }

    const reopened = new EncryptedFileStore("pass phrase", file);
    expect(await reopened.get("work@arcgis_python_api_profile_passwords", "work")).toBe(
      "s3cret-value",
    );
    expect(await reopened.get("work@arcgis_python_api_profile_passwords", "nobody")).toBeNull();
    expect(await reopened.delete("work@arcgis_python_api_profile_passwords", "work")).toBe(true);
    expect(await reopened.delete("work@arcgis_python_api_profile_passwords", "work")).toBe(false);
    expect(await reopened.get("home@arcgis_python_api_profile_passwords", "home")).toBe(
      "other-value",
    );
  });

  it("refuses a wrong passphrase and a tampered file", async () => {
    await new EncryptedFileStore("right", file).set("s", "a", "value");
    await expect(new EncryptedFileStore("wrong", file).get("s", "a")).rejects.toThrow(
      /^passphrase: it does not open/,
    );
    const sealed = JSON.parse(fs.readFileSync(file, "utf8")) as { data: string };
    const bytes = Buffer.from(sealed.data, "base64");
    bytes[0] ^= 1;
    sealed.data = bytes.toString("base64");
    fs.writeFileSync(file, JSON.stringify(sealed));
    await expect(new EncryptedFileStore("right", file).get("s", "a")).rejects.toThrow(
      /wrong passphrase, or the file was altered/,
    );
  });

  it("refuses an empty passphrase", () => {
    expect(() => new EncryptedFileStore("", file)).toThrow(RangeError);
  });
});
