/**
 * The page header: `method.name (title)` on the first non-blank line, then the method
 * description up to the first section heading. Read by hand, not by a pattern: a title is
 * untrusted text of any length.
 */
import { isMethodName } from '../../../spec/read-spec.js';
import type { Line } from '../../lines.js';
import { trimBlankLines } from '../../lines.js';
import { isDigit } from '../../text.js';

export interface Header {
  method: string;
  title?: string;
  description?: string;
  line: number;
}

export type HeaderResult = { ok: true; header: Header } | { ok: false; line: number; message: string };

export function parseHeader(preamble: readonly Line[]): HeaderResult {
  const lines = trimBlankLines(preamble);
  const first = lines[0];
  if (!first) return { ok: false, line: 1, message: 'not an Alipay method doc page: no header line `method.name (title)` before the first section' };
  const match = headerLine(first.text.trim());
  if (!match) {
    return {
      ok: false,
      line: first.no,
      message: `not an Alipay method doc page: expected the header line \`method.name (title)\`, found ${quote(first.text)}`,
    };
  }
  const description = trimBlankLines(lines.slice(1))
    .map((l) => l.text.trim())
    .join('\n');
  const header: Header = { method: match.method, line: first.no };
  if (match.title) header.title = match.title;
  if (description) header.description = description;
  return { ok: true, header };
}

/** `method.name`, optionally followed by `(title)` or `（title）`; undefined when the line is not that. */
function headerLine(text: string): { method: string; title?: string } | undefined {
  let end = 0;
  while (end < text.length && isMethodChar(text[end]!)) end++;
  const method = text.slice(0, end);
  if (!isHeaderMethod(method)) return undefined;
  const rest = text.slice(end).trim();
  if (rest === '') return { method };
  const open = rest[0]!;
  const close = rest[rest.length - 1]!;
  if (rest.length < 2 || (open !== '(' && open !== '（') || (close !== ')' && close !== '）')) return undefined;
  const title = rest.slice(1, -1).trim();
  return title === '' ? { method } : { method, title };
}

function isMethodChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || isDigit(c) || c === '_' || c === '.';
}

/**
 * A header's method: a name the spec format accepts, and, to tell a header from prose, dotted
 * lower-case words whose first starts with a letter and has no `_` (`alipay.marketing.card.query`).
 */
function isHeaderMethod(name: string): boolean {
  const first = name.split('.')[0]!;
  return isMethodName(name) && first[0]! >= 'a' && first[0]! <= 'z' && !first.includes('_');
}

function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return JSON.stringify(shown);
}
