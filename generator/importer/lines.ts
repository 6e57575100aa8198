/**
 * Doc text -> numbered lines. Every later step works on these, so each diagnostic can name the
 * doc line it is about. Line ends are normalised and trailing blanks dropped (the dumps pad lines
 * inconsistently; trailing spaces never carry meaning in a doc page).
 */

export interface Line {
  /** 1-based line number in the doc file. */
  no: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((raw, i) => ({ no: i + 1, text: trimPadding(raw) }));
}

/** The line without trailing spaces, tabs and ideographic spaces (by hand: a pattern would rescan long runs). */
function trimPadding(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\u3000')) end--;
  return text.slice(0, end);
}

/** Lines without leading and trailing blank lines. */
export function trimBlankLines(lines: readonly Line[]): Line[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.text.trim() === '') start++;
  while (end > start && lines[end - 1]!.text.trim() === '') end--;
  return lines.slice(start, end);
}
