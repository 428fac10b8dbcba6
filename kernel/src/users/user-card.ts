import { escapeHtml } from "../jupyter/escape-html";
import type { UserJSON } from "./user";

/** An HTML card for a user in a notebook: thumbnail, full name, username, role, last login. */
export function userCardHtml(portalUrl: string, json: UserJSON, homepage: string): string {
  const thumbnail = json.thumbnail
    ? `${portalUrl}/sharing/rest/community/users/${encodeURIComponent(json.username)}/info/${encodeURI(json.thumbnail)}`
    : null;
  const image = thumbnail
    ? `<img src="${escapeHtml(thumbnail)}" width="66" height="66" alt="" style="border-radius:50%;object-fit:cover">`
    : `<div style="width:66px;height:66px;border-radius:50%;background:#e0e0e0"></div>`;
  const role = json.role ? ` · ${escapeHtml(json.role)}` : "";
  return (
    `<div class="tsgis-user" style="display:flex;gap:12px;align-items:center;font-family:sans-serif">` +
    `${image}<div><a href="${escapeHtml(homepage)}" target="_blank"><b>${escapeHtml(json.fullName ?? json.username)}</b></a>` +
    `<br><small>${escapeHtml(json.username)}${role}</small></div></div>`
  );
}
