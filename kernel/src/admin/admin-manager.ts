import { inspect } from "node:util";
import type { GIS } from "../gis";
import { CertificateManager } from "./certificate-manager";
import { WebhookManager } from "./webhooks";

/**
 * Administration of the organisation. Python: `GIS.admin` (the portal or ArcGIS Online admin
 * manager); tsgis offers its `certificates` and `webhooks`.
 * @example
 * const certificates = await gis.admin.certificates.getCertificates();
 */
export class AdminManager {
  private certificateManager: CertificateManager | null = null;
  private webhookManager: WebhookManager | null = null;

  /**
   * Made by the GIS: use `gis.admin` rather than calling this.
   * Python: `gis.admin`.
   * @example
   * const manager = gis.admin;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The organisation's trusted HTTPS certificates. Python: `GIS.admin.certificates`.
   * @example
   * const certs = await gis.admin.certificates.getCertificates();
   */
  get certificates(): CertificateManager {
    this.certificateManager ??= new CertificateManager(this.gis);
    return this.certificateManager;
  }

  /**
   * The organisation's webhooks. Python: `GIS.admin.webhooks`.
   * @example
   * const hooks = await gis.admin.webhooks.list();
   */
  get webhooks(): WebhookManager {
    this.webhookManager ??= new WebhookManager(this.gis);
    return this.webhookManager;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `AdminManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin));
   */
  [inspect.custom](): string {
    return `<AdminManager url:"${this.gis.url}">`;
  }
}
