const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Any value made safe to place in HTML, as element content or inside a quoted attribute: every
 * card, table and page the kernel builds passes server-supplied values through this one place,
 * numbers included, because a portal answers JSON and a "number" field may hold markup.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
