import type { Session } from "../session/session";
import type { RequestParams } from "../session/params";
import type { CertificateJSON } from "../admin/certificate-manager";
import type { LicenseJSON } from "../admin/license-manager";
import type { PasswordPolicyJSON } from "../admin/password-policy";
import type { PortalResource } from "../admin/portal-resources";
import type { PortalProperties } from "../gis";
import type { FilePart } from "../session/files";
import type { SuccessResponse } from "./success";

/** `portals/{id}`: an organisation by its id (`self` for the signed-in user's). */
function portalUrl(portalId: string): string {
  return `portals/${encodeURIComponent(portalId)}`;
}

/** REST: `portals/self` (Portal Self): the organisation as the signed-in user sees it. */
export async function getPortalSelf(session: Session): Promise<PortalProperties> {
  return session.get<PortalProperties>("portals/self");
}

/** REST: `portals/{id}/update` (Update Portal), administrators only. */
export async function updatePortal(
  session: Session,
  portalId: string,
  properties: RequestParams,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>(`${portalUrl(portalId)}/update`, properties);
}

/** REST: `portals/self/settings` (Portal Settings): access notices, banner, …. */
export async function getPortalSettings(session: Session): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>("portals/self/settings");
}

/** REST: `portals/self/settings/update` (Update Portal Settings), administrators only. */
export async function updatePortalSettings(
  session: Session,
  settings: RequestParams,
): Promise<SuccessResponse> {
  return session.post<SuccessResponse>("portals/self/settings/update", settings);
}

/** Parameters of Is Service Name Available: the name and the service type (`Feature Service`, …). */
export interface ServiceNameParams {
  name: string;
  type: string;
}

/** REST: `portals/{id}/isServiceNameAvailable` (Is Service Name Available). */
export async function isServiceNameAvailable(
  session: Session,
  portalId: string,
  params: ServiceNameParams,
): Promise<{ available?: boolean }> {
  return session.get(`${portalUrl(portalId)}/isServiceNameAvailable`, { ...params });
}

/** One series of a usage answer: `[time, value]` pairs per interval, keyed by what was asked. */
export interface UsageSeries {
  stype?: string;
  etype?: string;
  username?: string;
  name?: string;
  num?: [number, string][];
  credits?: [number, string][];
}

/** What `portals/self/usage` answers: one series per group of `groupby`. */
export interface UsageReport {
  startTime: number;
  endTime: number;
  period: string;
  data: UsageSeries[];
}

/** Parameters of `portals/self/usage` (epoch ms window, interval, grouping, variables). */
export interface UsageParams {
  startTime: number;
  endTime: number;
  period: string;
  groupby: string;
  vars: string;
  /** Only this event type (e.g. `svcusg` for an item's views). */
  etype?: string;
  /** Only this item (its id) or service. */
  name?: string;
}

/** REST: `portals/self/usage` (Usage): credits and events of the organisation over a window. */
export async function getUsage(session: Session, params: UsageParams): Promise<UsageReport> {
  return session.get<UsageReport>("portals/self/usage", { ...params });
}

/** REST: `portals/self/updateUserRole`. */
export async function updateUserRole(
  session: Session,
  user: string,
  role: string,
): Promise<SuccessResponse> {
  return session.post("portals/self/updateUserRole", { user, role });
}

/** REST: `portals/self/updateUserLevel` (1 viewer, 2 creator). */
export async function updateUserLevel(
  session: Session,
  user: string,
  level: "1" | "2",
): Promise<SuccessResponse> {
  return session.post("portals/self/updateUserLevel", { user, level });
}

/** REST: `portals/self/updateUserLicenseType`. */
export async function updateUserLicenseType(
  session: Session,
  users: string,
  userLicenseType: string,
): Promise<SuccessResponse> {
  return session.post("portals/self/updateUserLicenseType", { users, userLicenseType });
}

/** Parameters of Invite to Organization: one list of invitations and how they are sent. */
export interface OrganisationInviteParams {
  invitationList: { invitations: Record<string, unknown>[] };
  expiration?: string;
  mustApprove?: boolean;
}

/** REST: `portals/self/invite` (Invite to Organization; creates accounts on Enterprise). */
export async function inviteToOrganisation(
  session: Session,
  params: OrganisationInviteParams,
): Promise<SuccessResponse & { notInvited?: string[] }> {
  return session.post("portals/self/invite", { ...params });
}

/** REST: `portals/self/users/enableUsers` or `disableUsers`. */
export async function setUsersEnabled(
  session: Session,
  users: string[],
  enabled: boolean,
): Promise<SuccessResponse> {
  return session.post(`portals/self/users/${enabled ? "enableUsers" : "disableUsers"}`, {
    users,
  });
}

/** Parameters of Create Notification to members of the organisation. */
export interface OrganisationNotificationParams {
  users: string[];
  subject: string;
  message: string;
  notificationChannelType: string;
  clientId?: string;
}

/** REST: `portals/self/createNotification`. */
export async function notifyMembers(
  session: Session,
  params: OrganisationNotificationParams,
): Promise<SuccessResponse> {
  return session.post("portals/self/createNotification", { ...params });
}

/** REST: `portals/self/users/counts` (members per bundle, app, role or user type). */
export async function getUserCounts(
  session: Session,
  type: string,
  num?: number,
): Promise<{ results?: { key: string; count: number }[] }> {
  return session.get("portals/self/users/counts", { type, num });
}

/** REST: `portals/self/userDefaultSettings`. */
export async function getUserDefaultSettings(session: Session): Promise<Record<string, unknown>> {
  return session.get("portals/self/userDefaultSettings");
}

/** REST: `portals/self/setUserDefaultSettings` (`clear: true` removes them all). */
export async function setUserDefaultSettings(
  session: Session,
  params: RequestParams,
): Promise<SuccessResponse> {
  return session.post("portals/self/setUserDefaultSettings", params);
}

/** REST: the invitations of an organisation or a user (`.../invitations`). */
export async function getInvitations(
  session: Session,
  invitationsUrl: string,
): Promise<{ invitations?: Record<string, unknown>[] }> {
  return session.get(invitationsUrl);
}

/** REST: `.../invitations/{id}`. */
export async function getInvitation(
  session: Session,
  invitationsUrl: string,
  invitationId: string,
): Promise<Record<string, unknown>> {
  return session.get(`${invitationsUrl}/${encodeURIComponent(invitationId)}`);
}

/** REST: `.../invitations/{id}/delete`. */
export async function deleteInvitation(
  session: Session,
  invitationsUrl: string,
  invitationId: string,
): Promise<SuccessResponse> {
  return session.post(`${invitationsUrl}/${encodeURIComponent(invitationId)}/delete`);
}

/** REST: `portals/self/userLicenseTypes` (the organisation's user types, up to 100). */
export async function getUserLicenseTypes<T = Record<string, unknown>>(
  session: Session,
): Promise<{ userLicenseTypes?: T[] }> {
  return session.get("portals/self/userLicenseTypes", { num: 100 });
}

/** REST: `portals/self/securityPolicy` (the password policy). */
export async function getSecurityPolicy(
  session: Session,
): Promise<{ passwordPolicy: PasswordPolicyJSON }> {
  return session.get("portals/self/securityPolicy");
}

/** REST: `portals/self/securityPolicy/update`. */
export async function updateSecurityPolicy(
  session: Session,
  rules: RequestParams,
): Promise<SuccessResponse> {
  return session.post("portals/self/securityPolicy/update", rules);
}

/** REST: `portals/self/securityPolicy/reset` (back to the default policy). */
export async function resetSecurityPolicy(session: Session): Promise<SuccessResponse> {
  return session.post("portals/self/securityPolicy/reset");
}

const CERTIFICATES_URL = "portals/self/certificates";

/** `portals/self/certificates/{id}`. */
function certificateUrl(certificateId: string): string {
  return `${CERTIFICATES_URL}/${encodeURIComponent(certificateId)}`;
}

/** REST: `portals/self/certificates` (the organisation's server certificates). */
export async function getCertificates(
  session: Session,
): Promise<{ certificates?: CertificateJSON[]; [key: string]: unknown }> {
  return session.get(CERTIFICATES_URL);
}

/** REST: `portals/self/certificates/{id}`. */
export async function getCertificate(
  session: Session,
  certificateId: string,
): Promise<CertificateJSON> {
  return session.get<CertificateJSON>(certificateUrl(certificateId));
}

/** Parameters of Register / Update Certificate. */
export interface CertificateParams {
  name?: string;
  domain?: string;
  /** PEM text. */
  certificate?: string;
}

/** REST: `portals/self/certificates/register`. */
export async function registerCertificate(
  session: Session,
  params: CertificateParams,
): Promise<SuccessResponse> {
  return session.post(`${CERTIFICATES_URL}/register`, { ...params });
}

/** REST: `portals/self/certificates/{id}/update`. */
export async function updateCertificate(
  session: Session,
  certificateId: string,
  params: CertificateParams,
): Promise<SuccessResponse> {
  return session.post(`${certificateUrl(certificateId)}/update`, { ...params });
}

/** REST: `portals/self/certificates/{id}/unregister`. */
export async function unregisterCertificate(
  session: Session,
  certificateId: string,
): Promise<SuccessResponse> {
  return session.post(`${certificateUrl(certificateId)}/unregister`);
}

/** A server federated with the portal as `portals/self/servers` lists it. */
export interface PortalServerJSON {
  url?: string;
  adminUrl?: string;
  serverRole?: string;
  [field: string]: unknown;
}

/** REST: `portals/self/servers` (Servers): the ArcGIS Servers federated with the portal. */
export async function getPortalServers(
  session: Session,
): Promise<{ servers?: PortalServerJSON[] }> {
  return session.get("portals/self/servers");
}

/** REST: `portals/self/purchases` (Purchases): the organisation's app licences and trials. */
export async function getPurchases(
  session: Session,
): Promise<{ purchases?: LicenseJSON[]; trials?: LicenseJSON[]; [key: string]: unknown }> {
  return session.get("portals/self/purchases");
}

/** REST: `portals/self/assignUserCredits` (Assign User Credits). */
export async function assignUserCredits(
  session: Session,
  assignments: { username: string; credits: number }[],
): Promise<SuccessResponse> {
  return session.post("portals/self/assignUserCredits", {
    userAssignments: JSON.stringify(assignments),
  });
}

/** REST: `portals/self/unassignUserCredits` (Unassign User Credits). */
export async function unassignUserCredits(
  session: Session,
  usernames: string[],
): Promise<SuccessResponse> {
  return session.post("portals/self/unassignUserCredits", { usernames: JSON.stringify(usernames) });
}

const RESOURCES_URL = "portals/self/resources";

/** REST: `portals/self/resources` (Resources), one page. */
export async function getPortalResources(
  session: Session,
  start: number,
  num: number,
): Promise<{ resources?: PortalResource[] }> {
  return session.get(RESOURCES_URL, { start, num });
}

/** Parameters of Add Resource: the key, and the content as `text` or as the uploaded `file`. */
export interface AddResourceParams {
  key: string;
  text?: string;
  access?: "public" | "org" | "private";
}

/** REST: `portals/self/addResource` (Add Resource); `file` uploads a local file as the content. */
export async function addPortalResource(
  session: Session,
  params: AddResourceParams,
  file?: FilePart,
): Promise<SuccessResponse> {
  return session.post(
    "portals/self/addResource",
    { ...params },
    file === undefined ? {} : { files: { file } },
  );
}

/** REST: `portals/self/removeResource` (Remove Resource). */
export async function removePortalResource(
  session: Session,
  key: string,
): Promise<SuccessResponse> {
  return session.post("portals/self/removeResource", { key });
}

/** REST: `portals/self/resources/{key}` (the resource file itself, as bytes). */
export async function getPortalResourceBytes(session: Session, key: string): Promise<Buffer> {
  return session.request(
    `${RESOURCES_URL}/${key.split("/").map(encodeURIComponent).join("/")}`,
    {},
    { method: "GET", responseKind: "buffer", format: null },
  );
}
