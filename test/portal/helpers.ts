import { startPortal, type PortalOptions, type RunningPortal } from "@tsgis/portal";

export const ADMIN = { username: "boss", password: "boss-password-1" };

export type Json = Record<string, unknown> & { error?: { code: number; message: string } };

/** A started portal plus small HTTP helpers speaking the ArcGIS REST conventions. */
export interface PortalClient {
  readonly portal: RunningPortal;
  readonly rest: string;
  get(
    path: string,
    params?: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<Json>;
  post(
    path: string,
    params?: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<Json>;
  tokenFor(username: string, password: string, extra?: Record<string, string>): Promise<string>;
}

export async function startTestPortal(options: PortalOptions = {}): Promise<PortalClient> {
  const portal = await startPortal({ port: 0, admin: ADMIN, ...options });
  const rest = `${portal.url}/sharing/rest`;
  const get = async (
    path: string,
    params: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<Json> => {
    const query = new URLSearchParams({ f: "json", ...params });
    const response = await fetch(`${rest}${path}?${query}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  };
  const post = async (
    path: string,
    params: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<Json> => {
    const response = await fetch(`${rest}${path}`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ f: "json", ...params }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  };
  const tokenFor = async (
    username: string,
    password: string,
    extra: Record<string, string> = {},
  ): Promise<string> => {
    const body = await post("/generateToken", {
      username,
      password,
      client: "referer",
      referer: "http://localhost",
      ...extra,
    });
    if (typeof body.token !== "string") throw new Error(`no token: ${JSON.stringify(body)}`);
    return body.token;
  };
  return { portal, rest, get, post, tokenFor };
}
