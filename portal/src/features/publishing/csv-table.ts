/** A table read from a file: column names and rows of cell values (null for empty cells). */
export interface Table {
  columns: string[];
  rows: (string | number | null)[][];
}

/** Parses RFC 4180 CSV: quoted cells may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string, delimiter = ","): Table {
  const records: string[][] = [];
  let cell = "";
  let record: string[] = [];
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === delimiter) {
      record.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  const nonEmpty = records.filter((row) => row.some((value) => value.trim() !== ""));
  const [header = [], ...body] = nonEmpty;
  const columns = uniqueNames(header);
  return {
    columns,
    rows: body.map((row) => columns.map((_, column) => (row[column] ?? "").trim() || null)),
  };
}

/** Column names that are valid, distinct field names (letters, digits, underscores). */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, index) => {
    let name =
      raw
        .trim()
        .replace(/[^A-Za-z0-9_]+/g, "_")
        .replace(/^_+|_+$/g, "") || `Field${index + 1}`;
    if (/^\d/.test(name)) name = `F${name}`;
    // Field names are at most 64 characters; leave room for a numeric suffix.
    name = name.slice(0, 60);
    let unique = name;
    for (let suffix = 1; seen.has(unique.toLowerCase()); suffix += 1) unique = `${name}_${suffix}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

/** Writes rows as CSV, quoting only where needed. */
export function writeCsv(columns: readonly string[], rows: readonly unknown[][]): string {
  const quote = (value: unknown): string => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.map(quote).join(","), ...rows.map((row) => row.map(quote).join(","))].join("\r\n") +
    "\r\n"
  );
}
