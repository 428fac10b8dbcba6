/** What most Sharing API operations answer: `{ "success": true }`, sometimes with more keys. */
export interface SuccessResponse {
  success?: boolean;
}

/** What the Administrator APIs (portal's and server's) answer: `{ "status": "success" }`. */
export interface StatusResponse {
  status?: string;
}
