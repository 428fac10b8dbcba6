import type { FastifyInstance } from "fastify";

/** Types a browser runs or renders with script on the portal's origin. */
const ACTIVE_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|application\/javascript|text\/javascript|application\/ecmascript|text\/xsl|multipart\/x-mixed-replace)\b/i;

/** Nothing loads, nothing runs: a stored page that is opened anyway stays inert. */
export const UPLOADED_CONTENT_POLICY = "default-src 'none'; sandbox";

/**
 * Uploaded files (item data, resources, info files, print outputs) must never run script on
 * the portal's origin, where a member's token lives. Every answer gets `nosniff`, so a file is
 * only what its type says; an active type is sent as a download under a CSP that forbids
 * everything. The portal's own pages (the OAuth sign-in) declare `portalPage` and are exempt.
 */
export function registerActiveContentGuard(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    void reply.header("x-content-type-options", "nosniff");
    const type = reply.getHeader("content-type");
    if (typeof type !== "string" || !ACTIVE_TYPES.test(type)) return payload;
    if (request.routeOptions.config?.portalPage === true) return payload;
    const disposition = reply.getHeader("content-disposition");
    const filename =
      typeof disposition === "string" ? /filename="?([^";]+)"?/i.exec(disposition)?.[1] : undefined;
    void reply
      .header(
        "content-disposition",
        filename ? `attachment; filename="${filename.replace(/"/g, "")}"` : "attachment",
      )
      .header("content-security-policy", UPLOADED_CONTENT_POLICY);
    return payload;
  });
}
