import type Database from "better-sqlite3";

/**
 * The English stop words ArcGIS Online's search leaves out of its index and of queries (the
 * standard English analyser's list), so `owner:x and description:y` reads the lower-case `and`
 * as a stop word rather than a required term. Only upper-case AND/OR/NOT are operators.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "but",
  "by",
  "for",
  "if",
  "in",
  "into",
  "is",
  "it",
  "no",
  "not",
  "of",
  "on",
  "or",
  "such",
  "that",
  "the",
  "their",
  "then",
  "there",
  "these",
  "they",
  "this",
  "to",
  "was",
  "will",
  "with",
]);

/** Letters and digits make words; everything else (spaces, punctuation, markup) splits them. */
const WORD = /[\p{L}\p{N}]+/gu;

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/**
 * Text as the full-text index holds it: its words without the stop words (case and diacritics
 * are folded by the index's own tokenizer).
 */
export function indexedText(text: string | null): string | null {
  if (text === null) return null;
  return (text.match(WORD) ?? []).filter((word) => !isStopWord(word)).join(" ");
}

/** SQL function name the full-text triggers call to analyse a column. */
export const INDEXED_TEXT_FUNCTION = "tsgis_indexed_text";

/** Makes `tsgis_indexed_text(text)` callable in SQL on this connection (triggers use it). */
export function registerTextAnalysis(db: Database.Database): void {
  db.function(INDEXED_TEXT_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? indexedText(value) : null,
  );
}
