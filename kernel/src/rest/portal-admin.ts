// The Portal Administrator API (`<portal>/portaladmin/...`: logs, system, machines, federation),
// one typed function per operation; Logs, System, Machines and Federation call these.
import type { FederatedServerJSON } from "../admin/federation";
import type { LogQueryResult, LogSettings } from "../admin/logs";
import type { MachineJSON } from "../admin/machines";
import type { DirectoryJSON } from "../admin/system";
import type { Session } from "../session/session";
import type { StatusResponse } from "./success";

/** The Portal Administrator API sits beside the Sharing API, not under it. */
export function portalAdminUrl(session: Session): string {
  return `${session.portalUrl}/portaladmin`;
}

/** Parameters of Query Logs. */
export interface QueryLogsParams {
  /** The most recent time to include (epoch ms or "yyyy-mm-ddThh:mm:ss"). */
  startTime?: number | string;
  /** The oldest time to include. */
  endTime?: number | string;
  level: string;
  filterType: "json";
  /** `{ codes, users, source }` as JSON. */
  filter?: string;
  pageSize?: number;
}

/** REST: `portaladmin/logs/query` (Query Logs). */
export async function queryLogs(
  session: Session,
  params: QueryLogsParams,
): Promise<LogQueryResult> {
  return session.post<LogQueryResult>(`${portalAdminUrl(session)}/logs/query`, { ...params });
}

/** REST: `portaladmin/logs/clean` (Clean Logs). */
export async function cleanLogs(session: Session): Promise<StatusResponse> {
  return session.post(`${portalAdminUrl(session)}/logs/clean`);
}

/** REST: `portaladmin/logs/settings` (Log Settings). */
export async function getLogSettings(session: Session): Promise<LogSettings> {
  return session.get<LogSettings>(`${portalAdminUrl(session)}/logs/settings`);
}

/** REST: `portaladmin/logs/settings/edit` (Edit Log Settings). */
export async function editLogSettings(
  session: Session,
  settings: Record<string, string | number>,
): Promise<StatusResponse> {
  return session.post(`${portalAdminUrl(session)}/logs/settings/edit`, settings);
}

/** REST: `portaladmin/system/properties` (System Properties). */
export async function getSystemProperties(session: Session): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(`${portalAdminUrl(session)}/system/properties`);
}

/** REST: `portaladmin/system/properties/update` (Update System Properties). */
export async function updateSystemProperties(
  session: Session,
  properties: Record<string, unknown>,
): Promise<StatusResponse> {
  return session.post(`${portalAdminUrl(session)}/system/properties/update`, {
    properties: JSON.stringify(properties),
  });
}

/** REST: `portaladmin/system/directories` (Directories). */
export async function getDirectories(session: Session): Promise<{ directories?: DirectoryJSON[] }> {
  return session.get(`${portalAdminUrl(session)}/system/directories`);
}

/** REST: `portaladmin/system/webadaptors` (Web Adaptors). */
export async function getWebAdaptors(
  session: Session,
): Promise<{ webAdaptors?: Record<string, unknown>[] }> {
  return session.get(`${portalAdminUrl(session)}/system/webadaptors`);
}

/** REST: `portaladmin/system/licenses` (Licenses). */
export async function getSystemLicenses(session: Session): Promise<Record<string, unknown>> {
  return session.get<Record<string, unknown>>(`${portalAdminUrl(session)}/system/licenses`);
}

/** REST: `portaladmin/machines` (Machines). */
export async function getMachines(session: Session): Promise<{ machines?: MachineJSON[] }> {
  return session.get(`${portalAdminUrl(session)}/machines`);
}

/** REST: `portaladmin/machines/status/{machineName}` (Status): whether the machine is up. */
export async function getMachineStatus(
  session: Session,
  machineName: string,
): Promise<{ status: string; [field: string]: unknown }> {
  return session.get(
    `${portalAdminUrl(session)}/machines/status/${encodeURIComponent(machineName)}`,
  );
}

/** REST: `portaladmin/federation/servers` (Servers): the servers federated with the portal. */
export async function getFederatedServers(
  session: Session,
): Promise<{ servers?: FederatedServerJSON[] }> {
  return session.get(`${portalAdminUrl(session)}/federation/servers`);
}
