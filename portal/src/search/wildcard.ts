/**
 * Matches `text` against a pattern with `*` (any run) and `?` (any one character) without
 * regular expressions or backtracking: the pattern is cut at its stars and each piece is found
 * at its leftmost place after the previous one, which is correct for globs and keeps the work
 * within text length × pattern length, however many stars a query holds.
 */
export function wildcardMatches(pattern: string, text: string): boolean {
  const pieces = pattern.split("*");
  if (pieces.length === 1) return text.length === pattern.length && pieceAt(pattern, text, 0);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first.length + last.length > text.length) return false;
  if (!pieceAt(first, text, 0) || !pieceAt(last, text, text.length - last.length)) return false;
  let from = first.length;
  const end = text.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    if (piece === "") continue;
    const at = findPiece(piece, text, from, end);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

function pieceAt(piece: string, text: string, at: number): boolean {
  for (let i = 0; i < piece.length; i++) {
    if (piece[i] !== "?" && piece[i] !== text[at + i]) return false;
  }
  return true;
}

function findPiece(piece: string, text: string, from: number, end: number): number {
  for (let at = from; at + piece.length <= end; at++) if (pieceAt(piece, text, at)) return at;
  return -1;
}
