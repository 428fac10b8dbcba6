/** Removes `token` query parameters so a URL can be shown in errors and logs. */
export function removeTokenFromUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has("token")) return url;
    parsed.searchParams.delete("token");
    return parsed.toString();
  } catch {
    return url.replace(/([?&])token=[^&#]*/gi, "$1").replace(/[?&]$/, "");
  }
}

const ARCGIS_ONLINE = "https://www.arcgis.com";

/**
 * Turns the URL forms users type into the portal's root URL, the one under which
 * `/sharing/rest` lives: adds `https://` when no scheme is given, drops a trailing slash,
 * `/home/...`, `/sharing/rest/...`, query and hash.
 */
export function normalizePortalUrl(input: string | undefined): string {
  if (input === undefined) return ARCGIS_ONLINE;
  const trimmed = input.trim();
  if (trimmed === "") throw new TypeError(`url: expected a portal URL, got an empty string`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new TypeError(`url: "${input}" is not a valid URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`url: "${input}" must use http or https, not ${parsed.protocol}`);
  }
  if (!parsed.hostname) throw new TypeError(`url: "${input}" has no host name`);
  const path = parsed.pathname.replace(/\/(home|sharing)(\/.*)?$/i, "").replace(/\/+$/, "");
  return `${parsed.protocol}//${parsed.host}${path}`;
}

/** True for addresses that never leave this machine, where the API allows plain HTTP logins. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
