import { Access, requirePrivilege } from "../security/access";
import { X509Certificate } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import { invalidParameter } from "../server/arcgis-error";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { newId } from "../security/ids";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const MAX_CERTIFICATES = 5;
const PRIVILEGE = "portal:admin:manageSecurity";

interface CertificateRow {
  id: string;
  name: string;
  domain: string;
  ssl_certificate: string;
}

function certificateJson(row: CertificateRow): Record<string, unknown> {
  return { id: row.id, name: row.name, domain: row.domain, sslCertificate: row.ssl_certificate };
}

/** A PEM certificate that really parses; anything else is refused naming the parameter. */
function checkedCertificate(text: string): string {
  const pem = text.trim();
  if (!/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(pem)) {
    throw invalidParameter(
      "certificate",
      "must be PEM text between BEGIN and END CERTIFICATE lines.",
    );
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw invalidParameter("certificate", "is not a valid X.509 certificate.");
  }
  return pem;
}

function checkedDomain(text: string): string {
  const domain = text.trim().toLowerCase();
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain)) {
    throw invalidParameter("domain", "must be a host name such as gis.example.com.");
  }
  return domain;
}

/** HTTPS certificates of remote servers that the organisation trusts (organisation administrators). */
export function registerCertificateRoutes(app: FastifyInstance, context: PortalServices): void {
  const find = (request: FastifyRequest): CertificateRow => {
    const { certificateId } = request.params as { certificateId: string };
    const row = context.db.prepare("SELECT * FROM certificates WHERE id = ?").get(certificateId) as
      CertificateRow | undefined;
    if (!row) throw operationFailed("Certificate not found.", "ORG_1400");
    return row;
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/certificates",
    config: { access: Access.privilege(PRIVILEGE) },
    handler: async (request) => {
      const actor = requirePrivilege(request, PRIVILEGE);
      const rows = context.db
        .prepare("SELECT * FROM certificates WHERE org_id = ? ORDER BY created")
        .all(actor.orgId) as CertificateRow[];
      return { certificates: rows.map(certificateJson) };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/certificates/register",
    config: { access: Access.privilege(PRIVILEGE) },
    handler: async (request) => {
      const actor = requirePrivilege(request, PRIVILEGE);
      const values = stateOf(request).params.values;
      for (const name of ["name", "domain", "certificate"]) {
        if (!values[name]?.trim()) throw missingParameter(name);
      }
      const count = context.db
        .prepare("SELECT COUNT(*) AS n FROM certificates WHERE org_id = ?")
        .get(actor.orgId) as { n: number };
      if (count.n >= MAX_CERTIFICATES) {
        throw operationFailed(
          `An organization can register at most ${MAX_CERTIFICATES} certificates.`,
          "ORG_1401",
        );
      }
      const id = newId();
      const now = Date.now();
      context.db
        .prepare(
          `INSERT INTO certificates (id, org_id, name, domain, ssl_certificate, created, modified)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          actor.orgId,
          values.name.trim(),
          checkedDomain(values.domain),
          checkedCertificate(values.certificate),
          now,
          now,
        );
      return { success: true, id };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/self/certificates/:certificateId",
    config: { access: Access.privilege(PRIVILEGE) },
    handler: async (request) => {
      requirePrivilege(request, PRIVILEGE);
      return certificateJson(find(request));
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/certificates/:certificateId/update",
    config: { access: Access.privilege(PRIVILEGE) },
    handler: async (request) => {
      requirePrivilege(request, PRIVILEGE);
      const row = find(request);
      const values = stateOf(request).params.values;
      const next = {
        name: values.name?.trim() || row.name,
        domain: values.domain?.trim() ? checkedDomain(values.domain) : row.domain,
        certificate: values.certificate?.trim()
          ? checkedCertificate(values.certificate)
          : row.ssl_certificate,
      };
      context.db
        .prepare(
          "UPDATE certificates SET name = ?, domain = ?, ssl_certificate = ?, modified = ? WHERE id = ?",
        )
        .run(next.name, next.domain, next.certificate, Date.now(), row.id);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/self/certificates/:certificateId/unregister",
    config: { access: Access.privilege(PRIVILEGE) },
    handler: async (request) => {
      requirePrivilege(request, PRIVILEGE);
      const row = find(request);
      context.db.prepare("DELETE FROM certificates WHERE id = ?").run(row.id);
      return { success: true };
    },
  });
}
