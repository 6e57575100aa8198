/**
 * Small linear-time text helpers the parsers use instead of patterns that could backtrack: a
 * doc page is untrusted input, and one long line must cost time in proportion to its length.
 */

/** JavaScript's `\s`: the characters trim() removes (U+2028/U+2029 and U+3000 included). */
export function isSpace(c: string): boolean {
  return c.trim() === '';
}

export function isAsciiLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** `[A-Za-z0-9_]`: a character of an ASCII identifier (a wire name). */
export function isWordChar(c: string): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === '_';
}

/** The first whitespace-separated word of `text` (which starts with a non-space) and the rest, trimmed. */
export function splitWord(text: string): { word: string; rest: string } {
  let i = 0;
  while (i < text.length && !isSpace(text[i]!)) i++;
  return { word: text.slice(0, i), rest: text.slice(i).trim() };
}

/** Index of the first non-space character at or after `i`. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i]!)) i++;
  return i;
}

/**
 * One line of diagnostic text: line breaks (\r, \n, U+2028, U+2029) and other control characters
 * become spaces, so every diagnostic prints as exactly one `file:line:col: ...` line.
 */
export function oneLine(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    out += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0x80 && code < 0xa0) ? ' ' : c;
  }
  return out;
}

/** `text` without leading and trailing newlines. */
export function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end);
}
