import { defaultOrganisationSettings } from "../model/portal-defaults";
import { invalidParameter } from "../server/arcgis-error";
import { optionalBoolean, optionalJsonValue } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";

/** Origins a browser page may call the portal from: `scheme://host[:port]` only. */
function originList(params: Record<string, string>, name: string): string[] | undefined {
  if (params[name] === undefined) return undefined;
  if (params[name].trim() === "") return [];
  // A JSON array, or the comma-separated list clients send for an array of strings.
  const text = params[name].trim();
  const list = text.startsWith("[") ? optionalJsonValue(params, name) : text.split(",");
  if (!Array.isArray(list) || list.some((entry) => typeof entry !== "string")) {
    throw invalidParameter(name, "must be a JSON array of origins such as https://example.com.");
  }
  return (list as string[]).map((entry) => {
    const text = entry.trim();
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalidParameter(name, `holds "${text}", which is not an http(s) origin.`);
    }
    if (
      (url.protocol !== "http:" && url.protocol !== "https:") ||
      url.origin !== text.replace(/\/$/, "").toLowerCase()
    ) {
      throw invalidParameter(name, `holds "${text}", which is not an http(s) origin.`);
    }
    return url.origin;
  });
}

/**
 * Refuses a sign-in or transport setting this portal cannot honour, rather than storing a
 * promise it would not keep: HTTPS follows how the portal was started, built-in accounts are
 * its only sign-in, and it has no multifactor authentication.
 */
function checkFixedSettings(context: PortalServices, params: Record<string, string>): void {
  const fixed: [string, boolean, string][] = [
    [
      "allSSL",
      context.tlsEnabled,
      context.tlsEnabled
        ? "cannot be turned off: this portal serves HTTPS only."
        : "cannot be turned on: this portal was started without TLS (start it with --tls).",
    ],
    ["canSignInArcGIS", true, "cannot be turned off: built-in accounts are the only sign-in."],
    ["canSignInIDP", false, "cannot be turned on: this portal has no SAML identity provider."],
    ["mfaEnabled", false, "cannot be turned on: this portal has no multifactor authentication."],
  ];
  for (const [name, actual, reason] of fixed) {
    const asked = optionalBoolean(params, name);
    if (asked !== undefined && asked !== actual) throw invalidParameter(name, reason);
  }
}

/**
 * The security part of `portals/self/update`: the allowed origins (which the CORS hook
 * enforces) and the trusted cross-origin domains go to the organisation settings, where
 * `portals/self` and the CORS hook read them. Returns the new settings, or null when the
 * update names none of them.
 */
export function securityUpdate(
  context: PortalServices,
  settings: Record<string, unknown>,
  params: Record<string, string>,
): Record<string, unknown> | null {
  checkFixedSettings(context, params);
  const allowedOrigins = originList(params, "allowedOrigins");
  const trusted = originList(params, "authorizedCrossOriginDomains");
  if (allowedOrigins === undefined && trusted === undefined) return null;
  return {
    ...defaultOrganisationSettings(),
    ...settings,
    ...(allowedOrigins === undefined ? {} : { allowedOrigins }),
    ...(trusted === undefined ? {} : { authorizedCrossOriginDomains: trusted }),
  };
}
