// The Sharing API's user operations (`community/users/...`, `community/signUp`), one typed
// function each; the User and UserManager facades call these.
import type { UserJSON } from "../users/user";
import type { FilePart } from "../session/files";
import type { RequestParams } from "../session/params";
import type { Session } from "../session/session";
import type { SearchPageJSON } from "./paged-search";
import type { SuccessResponse } from "./success";

/** Where the User Search operation lives (`community/users`). */
export const USER_SEARCH_URL = "community/users";

/** `community/users/{username}`: the user resource, the base of its operations. */
export function userUrl(username: string): string {
  return `${USER_SEARCH_URL}/${encodeURIComponent(username)}`;
}

/** `community/users/{username}/info`: the folder of the user's thumbnail. */
export function userInfoUrl(username: string): string {
  return `${userUrl(username)}/info`;
}

/** Parameters of one User Search page. */
export interface UserSearchParams {
  q: string;
  start?: number;
  num: number;
  sortField?: string;
  sortOrder?: string;
}

/** REST: `community/users` (User Search), one page. */
export async function searchUsers(
  session: Session,
  params: UserSearchParams,
): Promise<SearchPageJSON<UserJSON>> {
  return session.get<SearchPageJSON<UserJSON>>(USER_SEARCH_URL, { ...params });
}

/** REST: `community/self` (Self): the signed-in user. */
export async function getCommunitySelf(session: Session): Promise<UserJSON> {
  return session.get<UserJSON>("community/self");
}

/** REST: `community/users/{username}` (User). */
export async function getUser(session: Session, username: string): Promise<UserJSON> {
  return session.get<UserJSON>(userUrl(username));
}

/** REST: `community/users/{username}/update` (Update User), the thumbnail as an upload part. */
export async function updateUser(
  session: Session,
  username: string,
  params: RequestParams,
  files?: Record<string, FilePart>,
): Promise<SuccessResponse> {
  return session.request(`${userUrl(username)}/update`, params, { method: "POST", files });
}

/**
 * The user operations that take form parameters and answer `{ success }`: `reset`, `enable`,
 * `disable`, `delete`, `linkUser`, `unlinkUser` (and `update` without a file).
 */
export type UserOperation =
  "update" | "reset" | "enable" | "disable" | "delete" | "linkUser" | "unlinkUser";

/** REST: `community/users/{username}/{operation}` for the operations of `UserOperation`. */
export async function postUserOperation(
  session: Session,
  username: string,
  operation: UserOperation,
  params: RequestParams = {},
): Promise<SuccessResponse> {
  return session.post(`${userUrl(username)}/${operation}`, params);
}

/** REST: `community/users/{username}/userLicenseType` (the user type and its bundles). */
export async function getUserLicenseType(
  session: Session,
  username: string,
): Promise<Record<string, unknown>> {
  return session.get(`${userUrl(username)}/userLicenseType`);
}

/** REST: `community/users/{username}/provisionedListings`. */
export async function getProvisionedListings(
  session: Session,
  username: string,
): Promise<{ provisionedListings?: Record<string, unknown>[] }> {
  return session.get(`${userUrl(username)}/provisionedListings`);
}

/** REST: `community/users/{username}/notifications`. */
export async function getUserNotifications(
  session: Session,
  username: string,
): Promise<{ notifications?: Record<string, unknown>[] }> {
  return session.get(`${userUrl(username)}/notifications`);
}

/** REST: `community/users/{username}/linkedUsers`. */
export async function getLinkedUsers(
  session: Session,
  username: string,
): Promise<{ linkedUsers?: UserJSON[] }> {
  return session.get(`${userUrl(username)}/linkedUsers`);
}

/** Parameters of Sign Up (a public account on a portal that allows it). */
export interface SignUpParams {
  username: string;
  password: string;
  fullname: string;
  email: string;
}

/** REST: `community/signUp`, sent without a token. */
export async function signUp(
  session: Session,
  params: SignUpParams,
): Promise<SuccessResponse & { username?: string }> {
  return session.post("community/signUp", { ...params }, { authenticate: false });
}
