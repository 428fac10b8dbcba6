import { escapeHtml } from "../jupyter/escape-html";
import type { GroupJSON } from "./group";

/** An HTML card for a group in a notebook: thumbnail, title (linking home), snippet, owner. */
export function groupCardHtml(portalUrl: string, json: GroupJSON, homepage: string): string {
  const thumbnail = json.thumbnail
    ? `${portalUrl}/sharing/rest/community/groups/${encodeURIComponent(json.id)}/info/${encodeURI(json.thumbnail)}`
    : null;
  const image = thumbnail
    ? `<img src="${escapeHtml(thumbnail)}" width="100" height="66" alt="" style="object-fit:cover">`
    : `<div style="width:100px;height:66px;background:#e0e0e0"></div>`;
  const modified =
    typeof json.modified === "number" ? new Date(json.modified).toISOString().slice(0, 10) : "";
  return (
    `<div class="tsgis-group" style="display:flex;gap:12px;align-items:flex-start;font-family:sans-serif">` +
    `${image}<div><a href="${escapeHtml(homepage)}" target="_blank"><b>${escapeHtml(json.title ?? json.id)}</b></a>` +
    `<br>${escapeHtml(json.snippet ?? "")}` +
    `<br><small>Group owned by ${escapeHtml(json.owner ?? "")}${modified ? ` · modified ${modified}` : ""}</small>` +
    `</div></div>`
  );
}
