/**
 * Whether a request's Referer is the one a token was bound to. The bound value names an origin
 * (and maybe a path): the Referer must have exactly that origin, and lie under that path at a
 * segment boundary, so `https://app.example.com.evil.net` and `https://app.example.com:8443`
 * never pass for `https://app.example.com`. A bound value that is only a scheme, `http` (what the
 * Python API and tsgis send) or `https`, admits any page of that scheme (`http` also `https`), so
 * the token a notebook holds works in the map it draws. Any other value that is no URL must
 * match exactly.
 */
export function refererMatches(bound: string, referer: string): boolean {
  if (referer === bound) return true;
  const scheme = bound.toLowerCase();
  if (scheme === "http" || scheme === "https") {
    const protocol = parseUrl(referer)?.protocol;
    return protocol === "https:" || (scheme === "http" && protocol === "http:");
  }
  const expected = parseUrl(bound);
  if (!expected) return referer === bound;
  const actual = parseUrl(referer);
  if (!actual || actual.origin !== expected.origin) return false;
  const base = expected.pathname.replace(/\/+$/, "");
  if (base === "") return true;
  return actual.pathname === base || actual.pathname.startsWith(`${base}/`);
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}
