import { escapeHtml } from "../jupyter/escape-html";
import { longDate } from "../jupyter/long-date";
import { shownTypeName } from "./item-type-names";
import type { ItemJSON } from "./item-json";

/** The item's card for a notebook: thumbnail, title (linking to its page), type, owner, date. */
export function itemCardHtml(restUrl: string, json: ItemJSON, homepage: string): string {
  const thumbnail = json.thumbnail
    ? `${restUrl}/content/items/${encodeURIComponent(json.id)}/info/${encodeURI(json.thumbnail)}`
    : null;
  const image = thumbnail
    ? `<img src="${escapeHtml(thumbnail)}" width="200" height="133" alt="" style="object-fit:cover">`
    : `<div style="width:200px;height:133px;background:#e0e0e0"></div>`;
  const modified = longDate(json.modified);
  return (
    `<div class="tsgis-item" style="display:flex;gap:12px;align-items:flex-start;font-family:sans-serif">` +
    `${image}<div>` +
    `<a href="${escapeHtml(homepage)}" target="_blank"><b>${escapeHtml(json.title ?? json.id)}</b></a>` +
    `<br>${escapeHtml(json.snippet ?? "")}` +
    `<br><small>${escapeHtml(shownTypeName(json.type) || "Item")} by ${escapeHtml(json.owner ?? "")}` +
    `${modified ? `<br>Last Modified: ${escapeHtml(modified)}` : ""}` +
    `<br>${escapeHtml(json.numComments ?? 0)} comments, ${escapeHtml(json.numViews ?? 0)} views</small>` +
    `</div></div>`
  );
}
