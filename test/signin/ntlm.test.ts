import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ArcGISError, GIS } from "tsgis";
import { md4 } from "../../kernel/src/session/iwa/md4";
import { ntlmv2Response, ntowfv2 } from "../../kernel/src/session/iwa/ntlm";
import { startWindowsWebAdaptor, type WindowsWebAdaptor } from "./windows-web-adaptor";
import { closeAll } from "../support/teardown";

describe("NTLM primitives against published test vectors", () => {
  it("computes MD4 as RFC 1320's test suite says", () => {
    const vectors: [string, string][] = [
      ["", "31d6cfe0d16ae931b73c59d7e0c089c0"],
      ["abc", "a448017aaf21d8525fc10ae87aa6729d"],
      ["message digest", "d9130a8164549fe818874806e1c7014b"],
      [
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "e33b4ddc9c38f2199c3e7b164fcc0536",
      ],
    ];
    for (const [input, digest] of vectors) {
      expect(md4(Buffer.from(input, "ascii")).toString("hex")).toBe(digest);
    }
  });

  it("computes the NTLMv2 key and proof of MS-NLMP section 4.2.4", () => {
    const key = ntowfv2("Password", "User", "Domain");
    expect(key.toString("hex")).toBe("0c868a403bfd7a93a3001ef22ef02e3f");
    const av = (id: number, text: string): Buffer => {
      const value = Buffer.from(text, "utf16le");
      const header = Buffer.alloc(4);
      header.writeUInt16LE(id, 0);
      header.writeUInt16LE(value.length, 2);
      return Buffer.concat([header, value]);
    };
    const targetInfo = Buffer.concat([av(2, "Domain"), av(1, "Server"), Buffer.alloc(4)]);
    const response = ntlmv2Response(
      key,
      Buffer.from("0123456789abcdef", "hex"),
      Buffer.alloc(8, 0xaa),
      Buffer.alloc(8),
      targetInfo,
    );
    expect(response.subarray(0, 16).toString("hex")).toBe("68cd0ab851e51c96aabc927bebef6a1c");
  });
});

describe("NTLM sign-in through a Windows web tier", () => {
  let portal: RunningPortal;
  let adaptor: WindowsWebAdaptor;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    adaptor = await startWindowsWebAdaptor(portal.url, {
      accounts: [{ user: "user", domain: "", password: "tsgis-user-1" }],
    });
  });
  afterAll(async () => {
    await closeAll(adaptor, portal);
  });

  it("answers the challenge with NTLMv2 and signs in", async () => {
    const gis = await GIS.connect({
      url: adaptor.url,
      username: "user",
      password: "tsgis-user-1",
      setActive: false,
    });
    try {
      expect(gis.users.me?.username).toBe("user");
      expect(adaptor.verified).toContain("\\user");
      // Later requests keep working: on the same connection, or after a new handshake.
      const self = await gis.session.get<{ username: string }>("community/self");
      expect(self.username).toBe("user");
      expect(adaptor.refusals).toBe(0);
    } finally {
      gis.close();
    }
  });

  it("reports a refused handshake as a 401 ArcGISError", async () => {
    const before = adaptor.refusals;
    const failure = GIS.connect({ url: adaptor.url, username: "user", password: "wrong" });
    await expect(failure).rejects.toBeInstanceOf(ArcGISError);
    await expect(failure).rejects.toMatchObject({
      code: 401,
      message: expect.stringMatching(/refused the NTLM sign-in/),
    });
    expect(adaptor.refusals).toBeGreaterThan(before);
  });

  it("without credentials, says what an NTLM-only server needs", async () => {
    await expect(GIS.connect({ url: adaptor.url })).rejects.toThrow(
      /Integrated Windows Authentication .*pass username \(DOMAIN\\user\) and password/,
    );
  });
});
