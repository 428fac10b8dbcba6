// Reading committed .ipynb files and finding secrets in them, for the notebook tests.

/** The parts of an nbformat 4 notebook the tests look at. */
export interface NotebookJSON {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: { name: string; display_name: string; language?: string } };
  cells: NotebookCell[];
}

export interface NotebookCell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  metadata: Record<string, unknown>;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

export function parseNotebook(text: string): NotebookJSON {
  const notebook = JSON.parse(text) as NotebookJSON;
  if (notebook.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw new TypeError("not an nbformat 4 notebook");
  }
  return notebook;
}

export function cellSource(cell: NotebookCell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

const PASSWORD_LITERAL = /password\s*[:=]\s*(["'`])((?:(?!\1).)*)\1/gi;
const TOKEN_OPTION = /\btoken\s*[:=]\s*["'`]/gi;
// Tokens are long runs of base64url characters; nothing a tutorial writes by hand is that long.
const TOKEN_LIKE = /[A-Za-z0-9_-]{48,}/g;

/**
 * Where a notebook holds a password other than the allowed (demo) ones, passes a token, or
 * carries something shaped like a token. Each finding names the cell, never the secret itself.
 */
export function secretsIn(notebook: NotebookJSON, allowedPasswords: readonly string[]): string[] {
  const findings: string[] = [];
  notebook.cells.forEach((cell, index) => {
    const source = cellSource(cell);
    for (const match of source.matchAll(PASSWORD_LITERAL)) {
      if (!allowedPasswords.includes(match[2])) findings.push(`cell ${index}: a password literal`);
    }
    if (TOKEN_OPTION.test(source)) findings.push(`cell ${index}: a token option`);
    TOKEN_OPTION.lastIndex = 0;
    if (TOKEN_LIKE.test(source)) findings.push(`cell ${index}: a token-like string`);
    TOKEN_LIKE.lastIndex = 0;
  });
  return findings;
}
