// JupyterLab 4.6 lays out only the cells near the screen by default (windowing mode
// "contentVisibility": cells scrolled away get `content-visibility: auto` inline). A map in
// such a cell has no size, and an @arcgis/core view without a size never becomes ready:
// after Run All has scrolled past a map cell, that map would stay blank and deaf to the
// kernel's changes. Cells holding a map therefore stay laid out, whatever the windowing mode.
const STYLE_ID = "tsgis-map-cells-laid-out";

/** Adds, once per page, the rule that keeps every cell with a map laid out. */
export function keepMapCellsLaidOut(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  // `!important` because JupyterLab writes these two properties inline on each cell.
  style.textContent =
    ".jp-Notebook-cell:has(.tsgis-map) { content-visibility: visible !important; contain: style !important; }";
  document.head.appendChild(style);
}
