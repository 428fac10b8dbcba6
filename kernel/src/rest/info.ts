// The root of the Sharing API, which any client may read without signing in.
import type { Session } from "../session/session";

/** What the Sharing API root answers. */
export interface SharingRootResponse {
  currentVersion?: unknown;
}

/** REST: `sharing/rest` (the Sharing API root), asked without a token: the portal's version. */
export async function getSharingRoot(session: Session): Promise<SharingRootResponse> {
  return session.get<SharingRootResponse>(session.restUrl, {}, { authenticate: false });
}
