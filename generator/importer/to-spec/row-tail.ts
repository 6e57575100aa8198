/**
 * Splits the text after a top-level row's columns into description and example. The doc puts the
 * example at the end: after a space on a one-line row, alone on the last line of a multi-line row,
 * and not at all for objects. The example JSON settles it when it shows the field's value; without
 * it, a last word (or a `yyyy-MM-dd HH:mm:ss` timestamp) that looks like a value is taken.
 */

import { trimNewlines } from '../text.js';

export interface TailSplit {
  description?: string;
  example?: string;
}

const DATETIME = /\d{4}-\d{2}-\d{2} +\d{2}:\d{2}(?::\d{2})?$/;
/** Prose ends with punctuation; a value rarely does. */
const PROSE_END = /[。；;：:，,、！!？?]$/;

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function valueLike(text: string): boolean {
  return DATETIME.test(text) ? DATETIME.exec(text)!.index === 0 : !/\s/.test(text) && !PROSE_END.test(text) && text.length <= 64;
}

/**
 * @param lines the tail, one string per doc line (blank lines kept inside)
 * @param shown the field's scalar values in the page's example JSON, as strings
 */
export function splitTail(lines: readonly string[], container: boolean, shown: readonly string[]): TailSplit {
  const texts = [...lines];
  while (texts.length > 0 && texts[texts.length - 1]!.trim() === '') texts.pop();
  while (texts.length > 0 && texts[0]!.trim() === '') texts.shift();
  if (texts.length === 0) return {};
  if (container) return { description: texts.join('\n') };
  const values = shown.map(normalize).filter((v) => v !== '');
  const last = normalize(texts[texts.length - 1]!);
  const before = texts.slice(0, -1);
  const multiLine = texts.length > 1;

  // The example alone on the (last) line.
  if (values.includes(last)) return withDescription(before, last);
  // The example after the description on the last line.
  const suffix = endsWithValue(last, values) ?? (multiLine ? undefined : heuristicSuffix(last));
  if (suffix !== undefined) return withDescription([...before, last.slice(0, last.length - suffix.length).trimEnd()], suffix);
  // No help from the JSON (or the doc shows another value than the JSON): a value-like last line.
  if (multiLine && valueLike(last)) return withDescription(before, last);
  return { description: texts.join('\n') };
}

function withDescription(lines: readonly string[], example: string): TailSplit {
  const description = trimNewlines(lines.join('\n'));
  return description ? { description, example } : { example };
}

/** The example value `line` ends with (after a space), if the JSON shows one. */
function endsWithValue(line: string, values: readonly string[]): string | undefined {
  return values.filter((v) => line.endsWith(` ${v}`)).sort((a, b) => b.length - a.length)[0];
}

function heuristicSuffix(line: string): string | undefined {
  const dt = DATETIME.exec(line);
  if (dt && dt.index > 0 && line[dt.index - 1] === ' ') return dt[0];
  const space = line.lastIndexOf(' ');
  if (space <= 0) return undefined;
  const word = line.slice(space + 1);
  return valueLike(word) ? word : undefined;
}
