// The public surface of tsgis: re-exports only.
export { GIS, type PortalProperties } from "./gis";
export { type GISOptions } from "./connect-options";
export { ArcGISError, type ArcGISErrorBody } from "./errors";
export { env } from "./env";
export { User, type UserJSON, type UserUpdateOptions } from "./users/user";
export {
  UserManager,
  type UserCreateOptions,
  type UserAdvancedSearchOptions,
  type UserSearchPage,
} from "./users/user-manager";
export { InvitationManager } from "./users/invitation-manager";
export { Role, type RoleJSON } from "./roles/role";
export { RoleManager } from "./roles/role-manager";
export { AdminManager } from "./admin/admin-manager";
export { CertificateManager, type CertificateJSON } from "./admin/certificate-manager";
export {
  PasswordPolicy,
  type LockoutPolicy,
  type PasswordPolicyJSON,
  type PasswordRules,
} from "./admin/password-policy";
export { PortalResourceManager, type PortalResource } from "./admin/portal-resources";
export { SecurityManager, type SecurityConfig } from "./admin/security";
export { UX, type FeaturedContent } from "./admin/ux";
export {
  License,
  LicenseManager,
  type LicenseJSON,
  type LicenseReportRow,
  type UserEntitlementJSON,
  type UserTypeCount,
} from "./admin/license-manager";
export {
  Logs,
  type LogFilter,
  type LogLevel,
  type LogMessage,
  type LogQueryOptions,
  type LogQueryResult,
  type LogSettings,
  type LogTime,
} from "./admin/logs";
export { System, type DirectoryJSON } from "./admin/system";
export { Machine, Machines, type MachineJSON } from "./admin/machines";
export { Federation, type FederatedServerJSON } from "./admin/federation";
export { ServerManager } from "./admin/servers";
export { CreditManager } from "./admin/credits";
export { AGOLUsageReports, type UsageReport } from "./admin/usage-reports";
export type { UsageSeries } from "./rest/portals";
export { type UsageWindow } from "./admin/usage-period";
export {
  Webhook,
  WebhookManager,
  type WebhookJSON,
  type WebhookNotification,
  type WebhookOptions,
  type WebhookSettings,
} from "./admin/webhooks";
export { DatastoreManager } from "./datastore/datastore-manager";
export { Datastore, type DataItemJSON } from "./datastore/datastore";
export { GroupManager, type GroupCreateOptions } from "./groups/group-manager";
export { Group, type GroupJSON, type GroupUpdateOptions } from "./groups/group";
export { GroupApplication, type GroupApplicationJSON } from "./groups/group-application";
export { VERSION } from "./version";
export {
  ContentManager,
  type FolderJSON,
  type SearchOptions,
  type AdvancedSearchOptions,
  type BatchResult,
  type ItemSearchPage,
} from "./content/content-manager";
export { Item, type SharedWith, type ItemComment } from "./content/item";
export { type ItemJSON, type ItemProperties } from "./content/item-json";
export {
  ResourceManager,
  type ResourceInfo,
  type ResourceChange,
} from "./content/resource-manager";
export { CategorySchemaManager, type Category } from "./content/category-schema-manager";
export { ItemDependencies, type ItemDependency } from "./content/item-dependencies";
export { Layer } from "./content/layer";
export { Hub, type HubItemKind } from "./hub/hub";
export { type FileInput } from "./content/file-inputs";
export * from "./geocoding/index";
export {
  MapView,
  type MapClickEvent,
  type MapDrawEndCallback,
  type MapLayerReference,
  type SaveMapOptions,
  type TakeScreenshotOptions,
} from "./map/map-view";
export type { DrawOptions } from "./map/graphics";
export type { UpdateLayerOptions } from "./map/layer-update";
export type { PrintMapOptions } from "./map/print-map";
export { type MapOptions, type MapLocation } from "./map/create-map";
export type {
  MapState,
  LayerSpec,
  GraphicSpec,
  Extent,
  LatLon,
  SmartRendererSpec,
  SmartRendererOptions,
  ClassificationMethod,
  MapLayerProperties,
  ArcGISJsonObject,
  BookmarkSpec,
  GalleryBasemapSpec,
  TimeExtentSpec,
} from "./map/contract";
export {
  ProfileManager,
  type ProfileRow,
  type ProfileInfo,
  type ProfileOptions,
} from "./profiles/index";
export {
  display,
  html,
  clearOutput,
  DisplayHandle,
  HtmlContent,
  displaySymbol,
  type Displayable,
} from "./jupyter/display";
export { progress, Progress, type ProgressOptions } from "./jupyter/progress";
export { Widget, type WidgetModelSpec, WIDGET_PROTOCOL_VERSION } from "./jupyter/widget";
export {
  openComm,
  registerCommTarget,
  isInKernel,
  type CommHandle,
  type CommMessage,
} from "./jupyter/comm";
export { canPromptForInput, promptForInput } from "./jupyter/input";
export * from "./features/index";
export * from "./publishing/index";
