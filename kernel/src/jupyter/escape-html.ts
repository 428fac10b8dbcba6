/**
 * Escapes any value for HTML text or a quoted attribute. Cards pass every field through it,
 * numbers included: a portal answers JSON, and a "number" field may hold a string of markup.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
