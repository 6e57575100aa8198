/**
 * The page header: `method.name (title)` on the first non-blank line, then the method
 * description up to the first section heading.
 */
import type { Line } from './lines.js';
import { trimBlankLines } from './lines.js';

export interface Header {
  method: string;
  title?: string;
  description?: string;
  line: number;
}

export type HeaderResult = { ok: true; header: Header } | { ok: false; line: number; message: string };

/** Method names are dotted lower-case words (`alipay.marketing.card.query`). */
const HEADER = /^([a-z][a-z0-9]*(?:\.[a-z0-9_]+)+)(?:\s*[(（]\s*(.*?)\s*[)）])?$/;

export function parseHeader(preamble: readonly Line[]): HeaderResult {
  const lines = trimBlankLines(preamble);
  const first = lines[0];
  if (!first) return { ok: false, line: 1, message: 'not an Alipay method doc page: no header line `method.name (title)` before the first section' };
  const match = HEADER.exec(first.text.trim());
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
  const header: Header = { method: match[1]!, line: first.no };
  if (match[2]) header.title = match[2];
  if (description) header.description = description;
  return { ok: true, header };
}

function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return JSON.stringify(shown);
}
