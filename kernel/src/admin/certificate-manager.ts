import { inspect } from "node:util";
import { ArcGISError } from "../errors";
import type { GIS } from "../gis";
import { optionalString, requireString } from "../arguments";
import * as rest from "../rest/portals";

/** A registered HTTPS certificate. */
export interface CertificateJSON {
  id: string;
  name: string;
  domain: string;
  sslCertificate: string;
  [field: string]: unknown;
}

const PEM = /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;

function pemCertificate(value: unknown, argument: string): string {
  const text = requireString(value, argument).trim();
  if (!PEM.test(text)) {
    throw new TypeError(
      `${argument}: expected PEM text between BEGIN CERTIFICATE and END CERTIFICATE lines`,
    );
  }
  return text;
}

/**
 * The HTTPS certificates of remote servers that the organisation trusts (administrators only).
 * Python: `arcgis.gis._impl.CertificateManager` (reached through `gis.admin.certificates`).
 * @example
 * const all = await gis.admin.certificates.getCertificates();
 */
export class CertificateManager {
  /**
   * Made by `gis.admin`: use `gis.admin.certificates`.
   * Python: `CertificateManager(gis)`.
   * @example
   * const certificates = gis.admin.certificates;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The resource's properties: the list of certificates. Python: `CertificateManager.properties`.
   * @example
   * const { certificates } = await gis.admin.certificates.getProperties();
   */
  async getProperties(): Promise<{ certificates: CertificateJSON[] }> {
    const result = await rest.getCertificates(this.gis.session);
    return { ...result, certificates: result.certificates ?? [] };
  }

  /**
   * The registered certificates. Python: `CertificateManager.certificates`.
   * @example
   * for (const cert of await gis.admin.certificates.getCertificates()) console.log(cert.domain);
   */
  async getCertificates(): Promise<CertificateJSON[]> {
    return (await this.getProperties()).certificates;
  }

  /**
   * Registers a certificate for a server domain (at most 5 per organisation).
   * Python: `CertificateManager.add(name, domain, certificate)`.
   * @example
   * await gis.admin.certificates.add("Data server", "data.example.com", pemText);
   */
  async add(name: string, domain: string, certificate: string): Promise<boolean> {
    requireString(name, "name");
    requireString(domain, "domain");
    const pem = pemCertificate(certificate, "certificate");
    const result = await rest.registerCertificate(this.gis.session, {
      name,
      domain,
      certificate: pem,
    });
    return result.success === true;
  }

  /**
   * One certificate, or null when there is none with that id. Python: `CertificateManager.get(cert_id)`.
   * @example
   * const cert = await gis.admin.certificates.get(id);
   */
  async get(certId: string): Promise<CertificateJSON | null> {
    requireString(certId, "certId");
    try {
      return await rest.getCertificate(this.gis.session, certId);
    } catch (error) {
      if (error instanceof ArcGISError && error.code === 400) return null;
      throw error;
    }
  }

  /**
   * Changes a certificate's name, domain or PEM text.
   * Python: `CertificateManager.update(cert_id, name=None, domain=None, certificate=None)`.
   * @example
   * await gis.admin.certificates.update(id, { domain: "data2.example.com" });
   */
  async update(
    certId: string,
    options: { name?: string; domain?: string; certificate?: string } = {},
  ): Promise<boolean> {
    requireString(certId, "certId");
    const params = {
      name: optionalString(options.name, "name"),
      domain: optionalString(options.domain, "domain"),
      certificate:
        options.certificate === undefined
          ? undefined
          : pemCertificate(options.certificate, "certificate"),
    };
    const result = await rest.updateCertificate(this.gis.session, certId, params);
    return result.success === true;
  }

  /**
   * Unregisters a certificate. Python: `CertificateManager.delete(cert_id)`.
   * @example
   * await gis.admin.certificates.delete(id);
   */
  async delete(certId: string): Promise<boolean> {
    requireString(certId, "certId");
    const result = await rest.unregisterCertificate(this.gis.session, certId);
    return result.success === true;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `CertificateManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.certificates));
   */
  [inspect.custom](): string {
    return `<CertificateManager url:"${this.gis.url}">`;
  }
}
