// The Sharing API's group operations (`community/groups/...`, `community/createGroup`), one
// typed function each; the Group, GroupManager and GroupApplication facades call these.
import type { GroupJSON } from "../groups/group";
import type { GroupApplicationJSON } from "../groups/group-application";
import type { FilePart } from "../session/files";
import type { RequestParams } from "../session/params";
import type { Session } from "../session/session";
import type { SuccessResponse } from "./success";

/** Where the Group Search operation lives (`community/groups`). */
export const GROUP_SEARCH_URL = "community/groups";

/** `community/groups/{groupId}`: the group resource, the base of its operations. */
export function groupUrl(groupId: string): string {
  return `${GROUP_SEARCH_URL}/${encodeURIComponent(groupId)}`;
}

/** `community/groups/{groupId}/applications/{username}`: one application to join. */
export function groupApplicationUrl(groupId: string, username: string): string {
  return `${groupUrl(groupId)}/applications/${encodeURIComponent(username)}`;
}

/** `community/groups/{groupId}/info`: the folder of the group's thumbnail. */
export function groupInfoUrl(groupId: string): string {
  return `${groupUrl(groupId)}/info`;
}

/** `content/groups/{groupId}/search`: Group Content Search. */
export function groupContentSearchUrl(groupId: string): string {
  return `content/groups/${encodeURIComponent(groupId)}/search`;
}

/** REST: `community/groups/{groupId}` (Group). */
export async function getGroup(session: Session, groupId: string): Promise<GroupJSON> {
  return session.get<GroupJSON>(groupUrl(groupId));
}

/** REST: `community/createGroup` (Create Group), with the thumbnail as an upload part. */
export async function createGroup(
  session: Session,
  params: RequestParams,
  files?: Record<string, FilePart>,
): Promise<SuccessResponse & { group?: GroupJSON }> {
  return session.request("community/createGroup", params, { method: "POST", files });
}

/** REST: `community/groups/{groupId}/update` (Update Group). */
export async function updateGroup(
  session: Session,
  groupId: string,
  params: RequestParams,
  files?: Record<string, FilePart>,
): Promise<SuccessResponse> {
  return session.request(`${groupUrl(groupId)}/update`, params, { method: "POST", files });
}

/** REST: `community/groups/{groupId}/delete` (Delete Group). */
export async function deleteGroup(session: Session, groupId: string): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/delete`);
}

/** REST: `community/groups/{groupId}/protect` or `/unprotect`. */
export async function protectGroup(
  session: Session,
  groupId: string,
  enabled: boolean,
): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/${enabled ? "protect" : "unprotect"}`);
}

/** REST: `community/groups/{groupId}/addUsers` (Add Users to Group). */
export async function addUsersToGroup(
  session: Session,
  groupId: string,
  users: string[],
): Promise<{ notAdded?: string[] }> {
  return session.post(`${groupUrl(groupId)}/addUsers`, { users });
}

/** REST: `community/groups/{groupId}/removeUsers` (Remove Users from Group). */
export async function removeUsersFromGroup(
  session: Session,
  groupId: string,
  users: string[],
): Promise<{ notRemoved?: string[] }> {
  return session.post(`${groupUrl(groupId)}/removeUsers`, { users });
}

/** Parameters of Invite to Group. */
export interface GroupInviteParams {
  users: string[];
  role: string;
  /** Minutes the invitation stays open. */
  expiration: number;
}

/** REST: `community/groups/{groupId}/invite` (Invite to Group). */
export async function inviteToGroup(
  session: Session,
  groupId: string,
  params: GroupInviteParams,
): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/invite`, { ...params });
}

/** Parameters of the (deprecated) invitation by e-mail. */
export interface GroupEmailInviteParams {
  emails: string;
  message: string;
  role: string;
  expiration: string;
}

/** REST: `community/groups/{groupId}/inviteByEmail`. */
export async function inviteToGroupByEmail(
  session: Session,
  groupId: string,
  params: GroupEmailInviteParams,
): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/inviteByEmail`, { ...params });
}

/** REST: `community/groups/{groupId}/join` (Join Group). */
export async function joinGroup(session: Session, groupId: string): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/join`);
}

/** REST: `community/groups/{groupId}/leave` (Leave Group). */
export async function leaveGroup(session: Session, groupId: string): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/leave`);
}

/** REST: `community/groups/{groupId}/applications` (Group Applications). */
export async function getGroupApplications(
  session: Session,
  groupId: string,
): Promise<{ applications?: GroupApplicationJSON[] }> {
  return session.get(`${groupUrl(groupId)}/applications`);
}

/** REST: `.../applications/{username}/accept` or `/decline`, on the application's URL. */
export async function answerGroupApplication(
  session: Session,
  applicationUrl: string,
  answer: "accept" | "decline",
): Promise<SuccessResponse> {
  return session.post(`${applicationUrl}/${answer}`);
}

/** What Group Users answers. */
export interface GroupUsersResponse {
  owner?: string;
  admins?: string[];
  users?: string[];
}

/** REST: `community/groups/{groupId}/users` (Group Users). */
export async function getGroupUsers(
  session: Session,
  groupId: string,
): Promise<GroupUsersResponse> {
  return session.get(`${groupUrl(groupId)}/users`);
}

/** Parameters of Create Notification on a group. */
export interface GroupNotificationParams {
  users: string[];
  subject: string;
  message: string;
  notificationChannelType: string;
  clientId?: string;
}

/** REST: `community/groups/{groupId}/createNotification`. */
export async function notifyGroupMembers(
  session: Session,
  groupId: string,
  params: GroupNotificationParams,
): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/createNotification`, { ...params });
}

/** REST: `community/groups/{groupId}/reassign` (Reassign Group). */
export async function reassignGroup(
  session: Session,
  groupId: string,
  targetUsername: string,
): Promise<SuccessResponse> {
  return session.post(`${groupUrl(groupId)}/reassign`, { targetUsername });
}
