/**
 * @jest-environment ./test/signin/kdc-environment.ts
 */
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { ArcGISError, GIS } from "tsgis";
import type { KdcGlobal } from "./kdc-environment";
import { REALM } from "./kdc";
import { startWindowsWebAdaptor, type WindowsWebAdaptor } from "./windows-web-adaptor";
import { closeAll } from "../support/teardown";

const kdc = (globalThis as unknown as { kdc: KdcGlobal }).kdc;

describe("Kerberos (Negotiate) sign-in against a real KDC", () => {
  let portal: RunningPortal;
  let adaptor: WindowsWebAdaptor;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    adaptor = await startWindowsWebAdaptor(portal.url, { kerberosService: "HTTP@127.0.0.1" });
  });
  afterAll(async () => {
    await closeAll(adaptor, portal);
  });

  it("passes the web tier with the user's ticket, without any password", async () => {
    const gis = await GIS.connect({ url: adaptor.url, setActive: false });
    try {
      // Each new connection (connect sends two requests at once) passes its own handshake.
      expect(adaptor.verified.length).toBeGreaterThan(0);
      expect(new Set(adaptor.verified)).toEqual(new Set([`alice@${REALM}`]));
      expect(typeof gis.properties.name).toBe("string");
      const info = await gis.session.get<{ currentVersion?: unknown }>(gis.session.restUrl);
      expect(info.currentVersion).toBeDefined();
      expect(adaptor.refusals).toBe(0);
    } finally {
      gis.close();
    }
  });

  it("without a ticket, explains what failed and what to do", async () => {
    kdc.setEnv("KRB5CCNAME", kdc.emptyCache);
    try {
      const failure = GIS.connect({ url: adaptor.url, setActive: false });
      await expect(failure).rejects.toBeInstanceOf(ArcGISError);
      await expect(failure).rejects.toMatchObject({
        code: 401,
        message: expect.stringMatching(/Kerberos \(Negotiate\): .*credentials.*run kinit/is),
      });
    } finally {
      kdc.setEnv("KRB5CCNAME", kdc.env.KRB5CCNAME);
    }
  });
});
