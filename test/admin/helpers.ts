import { startPortal, type PortalOptions, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";

export const ADMIN = { username: "boss", password: "boss-password-1" };
export const DEMO = {
  admin: { username: "admin", password: "tsgis-admin-1" },
  publisher: { username: "publisher", password: "tsgis-publisher-1" },
  user: { username: "user", password: "tsgis-user-1" },
};

/** A demo portal (docs/portal.md) and signed-in connections for its administrator and its user. */
export interface AdminOrg {
  readonly portal: RunningPortal;
  readonly admin: GIS;
  readonly publisher: GIS;
  readonly user: GIS;
  connect(username: string, password: string): Promise<GIS>;
  close(): Promise<void>;
}

export async function startAdminOrg(options: PortalOptions = {}): Promise<AdminOrg> {
  const portal = await startPortal({ port: 0, admin: ADMIN, demo: true, ...options });
  const opened: GIS[] = [];
  const connect = async (username: string, password: string): Promise<GIS> => {
    const gis = await GIS.connect({ url: portal.url, username, password, setActive: false });
    opened.push(gis);
    return gis;
  };
  try {
    return {
      portal,
      admin: await connect(DEMO.admin.username, DEMO.admin.password),
      publisher: await connect(DEMO.publisher.username, DEMO.publisher.password),
      user: await connect(DEMO.user.username, DEMO.user.password),
      connect,
      close: async () => {
        opened.forEach((gis) => gis.close());
        await portal.close();
      },
    };
  } catch (error) {
    opened.forEach((gis) => gis.close());
    await portal.close();
    throw error;
  }
}

/** The ArcGIS error a promise rejects with, for asserting on code and message. */
export async function arcgisFailure(
  promise: Promise<unknown>,
): Promise<{ code: number; message: string; details?: string[] }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string };
  }
  throw new Error("expected the request to fail");
}
