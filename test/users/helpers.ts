import { startPortal, type PortalOptions, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";

export const ADMIN = { username: "boss", password: "boss-password-1" };
export const DEMO = {
  admin: { username: "admin", password: "tsgis-admin-1" },
  publisher: { username: "publisher", password: "tsgis-publisher-1" },
  user: { username: "user", password: "tsgis-user-1" },
};

/** A demo portal and signed-in GIS connections for its users, closed together. */
export interface TestOrg {
  readonly portal: RunningPortal;
  readonly admin: GIS;
  readonly publisher: GIS;
  readonly user: GIS;
  readonly anonymous: GIS;
  connect(username: string, password: string): Promise<GIS>;
  close(): Promise<void>;
}

/** `options` change how the portal runs, e.g. `{ deployment: "online" }`. */
export async function startTestOrg(options: PortalOptions = {}): Promise<TestOrg> {
  const portal = await startPortal({ port: 0, admin: ADMIN, demo: true, ...options });
  const opened: GIS[] = [];
  const connect = async (username: string, password: string): Promise<GIS> => {
    const gis = await GIS.connect({ url: portal.url, username, password, setActive: false });
    opened.push(gis);
    return gis;
  };
  const anonymous = await GIS.connect({ url: portal.url, setActive: false });
  opened.push(anonymous);
  return {
    portal,
    admin: await connect(DEMO.admin.username, DEMO.admin.password),
    publisher: await connect(DEMO.publisher.username, DEMO.publisher.password),
    user: await connect(DEMO.user.username, DEMO.user.password),
    anonymous,
    connect,
    close: async () => {
      opened.forEach((gis) => gis.close());
      await portal.close();
    },
  };
}

/** The ArcGIS error a promise rejects with, for asserting on code and message. */
export async function arcgisFailure(
  promise: Promise<unknown>,
): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string };
  }
  throw new Error("expected the request to fail");
}
