/** Longest query text, most terms and operators, and deepest parentheses a search accepts. */
export const QUERY_LIMITS = { maxLength: 16 * 1024, maxTokens: 400, maxDepth: 32 } as const;

/**
 * Refuses a query too complex to answer safely: thousands of ORs or ids (a statement larger than
 * the database allows) or parentheses nested deep enough to exhaust the parser's stack. Returns
 * the reason, or null when the query is within the limits.
 */
export function queryTooComplex(
  length: number,
  tokens: readonly { readonly type: string }[],
): string | null {
  if (length > QUERY_LIMITS.maxLength)
    return `must be at most ${QUERY_LIMITS.maxLength} characters.`;
  if (tokens.length > QUERY_LIMITS.maxTokens)
    return `may hold at most ${QUERY_LIMITS.maxTokens} terms and operators.`;
  let depth = 0;
  for (const token of tokens) {
    if (token.type === "open") depth++;
    else if (token.type === "close") depth--;
    if (depth > QUERY_LIMITS.maxDepth)
      return `may nest parentheses at most ${QUERY_LIMITS.maxDepth} deep.`;
  }
  return null;
}
