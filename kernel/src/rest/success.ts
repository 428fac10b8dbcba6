/** What most Sharing API operations answer: `{ "success": true }`, sometimes with more keys. */
export interface SuccessResponse {
  success?: boolean;
}
