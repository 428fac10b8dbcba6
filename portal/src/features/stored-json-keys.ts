const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether the JSON object in `text` has exactly the keys `quotedKeys` (each as JSON.stringify
 * spells it, quotes included), in that order, read from the text without parsing it. A query
 * page asks this of each of its 2,000 rows: parsing each row's attributes only to look at their
 * keys made 2,000 objects and their strings a page. The text is expected as JSON.stringify
 * writes it; anything else (whitespace between tokens, say) answers false, never a wrong true.
 */
export function hasKeysInOrder(text: string, quotedKeys: readonly string[]): boolean {
  if (text.charCodeAt(0) !== OPEN_BRACE) return false;
  if (text.length === 2 && text.charCodeAt(1) === CLOSE_BRACE) return quotedKeys.length === 0;
  let index = 1;
  for (let keyIndex = 0; ;) {
    const key = quotedKeys[keyIndex];
    if (
      key === undefined ||
      !text.startsWith(key, index) ||
      text.charCodeAt(index + key.length) !== COLON
    ) {
      return false;
    }
    index = endOfValue(text, index + key.length + 1);
    keyIndex++;
    const next = text.charCodeAt(index);
    if (next === COMMA) {
      index++;
      continue;
    }
    return next === CLOSE_BRACE && index === text.length - 1 && keyIndex === quotedKeys.length;
  }
}

/** The index just past the value that starts at `index`: a string, a scalar, an object or an array. */
function endOfValue(text: string, index: number): number {
  let depth = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = endOfString(text, index);
      if (depth === 0) return index;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      // At depth 0 this closes the object the scalar was in: the scalar ends here.
      if (depth === 0) return index;
      depth--;
      if (depth === 0) return index + 1;
    } else if (code === COMMA && depth === 0) {
      return index;
    }
    index++;
  }
  return index;
}

/** The index just past the string whose opening quote is at `index`. */
function endOfString(text: string, index: number): number {
  for (index++; index < text.length;) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index += 2;
    else if (code === QUOTE) return index + 1;
    else index++;
  }
  return index;
}
