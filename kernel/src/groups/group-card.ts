import { escapeHtml } from "../jupyter/escape-html";
import { longDate } from "../jupyter/long-date";
import type { GroupJSON } from "./group";

/**
 * A group's card for a notebook, with the fields Python's card shows: thumbnail, title
 * (linking to the group's page), summary, description, owner and creation date.
 */
export function groupCardHtml(portalUrl: string, json: GroupJSON, homepage: string): string {
  const thumbnail = json.thumbnail
    ? `${portalUrl}/sharing/rest/community/groups/${encodeURIComponent(json.id)}/info/${encodeURI(json.thumbnail)}`
    : null;
  const image = thumbnail
    ? `<img src="${escapeHtml(thumbnail)}" width="100" height="66" alt="" style="object-fit:cover">`
    : `<div style="width:100px;height:66px;background:#e0e0e0"></div>`;
  const created = longDate(json.created);
  return (
    `<div class="tsgis-group" style="display:flex;gap:12px;align-items:flex-start;font-family:sans-serif">` +
    `${image}<div><a href="${escapeHtml(homepage)}" target="_blank"><b>${escapeHtml(json.title ?? json.id)}</b></a>` +
    `<br><br><b>Summary</b>: ${escapeHtml(json.snippet ?? "None")}` +
    `<br><b>Description</b>: ${escapeHtml(json.description ?? "None")}` +
    `<br><b>Owner</b>: ${escapeHtml(json.owner ?? "")}` +
    (created ? `<br><b>Created</b>: ${escapeHtml(created)}` : "") +
    `</div></div>`
  );
}
