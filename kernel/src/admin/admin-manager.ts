import { inspect } from "node:util";
import type { GIS } from "../gis";
import { CategorySchemaManager } from "../content/category-schema-manager";
import { CertificateManager } from "./certificate-manager";
import { PasswordPolicy } from "./password-policy";
import { PortalResourceManager } from "./portal-resources";
import { SecurityManager } from "./security";
import { UX } from "./ux";
import { WebhookManager } from "./webhooks";
import { requireDeployment } from "./deployment";
import { CreditManager } from "./credits";
import { Federation } from "./federation";
import { LicenseManager } from "./license-manager";
import { Logs } from "./logs";
import { Machines } from "./machines";
import { ServerManager } from "./servers";
import { System } from "./system";
import { AGOLUsageReports } from "./usage-reports";

/**
 * Administration of the organisation. Python: `GIS.admin` (the portal or ArcGIS Online admin
 * manager); tsgis offers its `certificates`, `webhooks`, `ux`, `resources`, `passwordPolicy`,
 * `security` and `categorySchema`.
 * @example
 * const certificates = await gis.admin.certificates.getCertificates();
 */
export class AdminManager {
  private certificateManager: CertificateManager | null = null;
  private webhookManager: WebhookManager | null = null;
  private resourceManager: PortalResourceManager | null = null;
  private uxManager: UX | null = null;
  private passwordPolicyManager: PasswordPolicy | null = null;
  private securityManager: SecurityManager | null = null;

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

  // --- Licences; logs, system, machines, federation, servers (Enterprise); credits, usage (Online) ---

  /**
   * The organisation's app licences and user types. Python: `GIS.admin.license`.
   * @example
   * const pro = await gis.admin.license.get("ArcGIS Pro");
   */
  get license(): LicenseManager {
    return new LicenseManager(this.gis);
  }

  /**
   * The portal's log (ArcGIS Enterprise only). Python: `GIS.admin.logs`.
   * @example
   * const { logMessages } = await gis.admin.logs.query({ level: "INFO" });
   */
  get logs(): Logs {
    requireDeployment(this.gis, "ArcGIS Enterprise", "logs");
    return new Logs(this.gis);
  }

  /**
   * The portal's system properties, directories and web adaptors (ArcGIS Enterprise only).
   * Python: `GIS.admin.system`.
   * @example
   * const directories = await gis.admin.system.getDirectories();
   */
  get system(): System {
    requireDeployment(this.gis, "ArcGIS Enterprise", "system");
    return new System(this.gis);
  }

  /**
   * The machines of the portal site (ArcGIS Enterprise only). Python: `GIS.admin.machines`.
   * @example
   * const machines = await gis.admin.machines.list();
   */
  get machines(): Machines {
    requireDeployment(this.gis, "ArcGIS Enterprise", "machines");
    return new Machines(this.gis);
  }

  /**
   * The servers federated with the portal (ArcGIS Enterprise only). Python: `GIS.admin.federation`.
   * @example
   * const { servers } = await gis.admin.federation.getServers();
   */
  get federation(): Federation {
    requireDeployment(this.gis, "ArcGIS Enterprise", "federation");
    return new Federation(this.gis);
  }

  /**
   * The ArcGIS Servers of the portal by role (ArcGIS Enterprise only). Python: `GIS.admin.servers`.
   * @example
   * const hosting = await gis.admin.servers.get({ role: "HOSTING_SERVER" });
   */
  get servers(): ServerManager {
    requireDeployment(this.gis, "ArcGIS Enterprise", "servers");
    return new ServerManager(this.gis);
  }

  /**
   * The organisation's credits and members' credit budgets (ArcGIS Online only).
   * Python: `GIS.admin.credits`.
   * @example
   * await gis.admin.credits.allocate("publisher", 100);
   */
  get credits(): CreditManager {
    requireDeployment(this.gis, "ArcGIS Online", "credits");
    return new CreditManager(this.gis);
  }

  /**
   * The organisation's usage over time (ArcGIS Online only). Python: `GIS.admin.usage_reports`.
   * @example
   * const { data } = await gis.admin.usageReports.users({ timeFrame: "week" });
   */
  get usageReports(): AGOLUsageReports {
    requireDeployment(this.gis, "ArcGIS Online", "usageReports");
    return new AGOLUsageReports(this.gis);
  }

  // --- end of licences ... usage reports ---

  /**
   * The organisation's resource files (logo, banner, background, home page JSON).
   * Python: `GIS.admin.resources`.
   * @example
   * const files = await gis.admin.resources.list();
   */
  get resources(): PortalResourceManager {
    this.resourceManager ??= new PortalResourceManager(this.gis);
    return this.resourceManager;
  }

  /**
   * The organisation's look and home page (name, description, summary, logo, banner,
   * background, featured content, default extent and basemap). Python: `GIS.admin.ux`.
   * @example
   * await gis.admin.ux.setDescription("<p>Our maps</p>");
   */
  get ux(): UX {
    this.uxManager ??= new UX(this.gis, this.resources);
    return this.uxManager;
  }

  /**
   * The organisation's password policy and sign-in lock-out. Python: `GIS.admin.password_policy`.
   * @example
   * const policy = await gis.admin.passwordPolicy.getPolicy();
   */
  get passwordPolicy(): PasswordPolicy {
    this.passwordPolicyManager ??= new PasswordPolicy(this.gis);
    return this.passwordPolicyManager;
  }

  /**
   * The organisation's security settings (anonymous access, HTTPS only, allowed origins,
   * sign-in options). Python: `GIS.admin.security`.
   * @example
   * const config = await gis.admin.security.getConfig();
   */
  get security(): SecurityManager {
    this.securityManager ??= new SecurityManager(this.gis);
    return this.securityManager;
  }

  /**
   * The organisation's content categories: the same manager as `gis.content.categories`.
   * Python: `GIS.admin.category_schema`.
   * @example
   * const trees = await gis.admin.categorySchema.getSchema();
   */
  get categorySchema(): CategorySchemaManager {
    return this.gis.content.categories;
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
