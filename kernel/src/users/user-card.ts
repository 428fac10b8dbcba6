import { escapeHtml } from "../jupyter/escape-html";
import { longDate } from "../jupyter/long-date";
import type { UserJSON } from "./user";

/**
 * A user's card for a notebook, with the fields Python's card shows: thumbnail, full name
 * (linking to the user's page), bio, first and last name, username and the date they joined.
 */
export function userCardHtml(portalUrl: string, json: UserJSON, homepage: string): string {
  const thumbnail = json.thumbnail
    ? `${portalUrl}/sharing/rest/community/users/${encodeURIComponent(json.username)}/info/${encodeURI(json.thumbnail)}`
    : null;
  const image = thumbnail
    ? `<img src="${escapeHtml(thumbnail)}" width="66" height="66" alt="" style="border-radius:50%;object-fit:cover">`
    : `<div style="width:66px;height:66px;border-radius:50%;background:#e0e0e0"></div>`;
  const line = (label: string, value: unknown): string =>
    `<br><b>${label}</b>: ${escapeHtml(value === undefined || value === null || value === "" ? "None" : String(value))}`;
  return (
    `<div class="tsgis-user" style="display:flex;gap:12px;align-items:flex-start;font-family:sans-serif">` +
    `${image}<div><a href="${escapeHtml(homepage)}" target="_blank"><b>${escapeHtml(json.fullName ?? json.username)}</b></a>` +
    `<br>${line("Bio", json.description)}` +
    line("First Name", json.firstName) +
    line("Last Name", json.lastName) +
    line("Username", json.username) +
    line("Joined", longDate(json.created)) +
    `</div></div>`
  );
}
