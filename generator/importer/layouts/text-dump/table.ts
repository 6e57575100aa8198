/**
 * A parameter section (请求参数 / 响应参数) -> top-level rows, each with the flat list of bullet
 * groups that follow it. This step only reads the layout; which bullet nests under which (the
 * dump flattens levels below the first) is decided later by the tree resolver.
 *
 * Layouts understood:
 *   name Type Required MaxLength description [example]     top-level row
 *   description continuation line(s)                        (unindented)
 *   example                                                 (alone on the last line)
 *     • └ name / • Type / • 必填 / • 32 / • description / • example    nested field
 */
import type { Requiredness } from '../../../spec/model.js';
import type { Line } from '../../lines.js';
import { parseMaxLength, parseRequired, parseType, type ParsedType } from '../../columns.js';
import type { Diagnostic } from '../../../diagnostics.js';
import { isSpace, skipSpace, trimNewlines } from '../../text.js';

export interface Columns {
  type: ParsedType;
  required: Requiredness;
  /** null when the doc says '-'. */
  maxLength: number | null;
}

export interface TopRow extends Columns {
  line: number;
  name: string;
  /** Description and example text after the columns, one entry per doc line (blank lines kept inside). */
  tail: Line[];
  bullets: BulletGroup[];
}

export interface BulletGroup extends Columns {
  line: number;
  name: string;
  /** Whether the name had the `└` mark (the dump drops it on fields that have children). */
  marker: boolean;
  description?: string;
  descriptionLine?: number;
  example?: string;
}

export interface TableResult {
  rows: TopRow[];
  diagnostics: Omit<Diagnostic, 'file'>[];
}

const TABLE_HEADER = /^参数\s+类型/;

/**
 * Parses a `name Type Required MaxLength rest` row line; undefined when the line is not one.
 * Columns are separated by runs of spaces; the type may be written `Model []`.
 */
export function parseRowLine(text: string): { name: string; columns: Columns; rest: string } | undefined {
  if (text === '' || isSpace(text[0]!) || text.startsWith('•')) return undefined;
  const cells: string[] = [];
  let i = 0;
  for (let cell = 0; cell < 4; cell++) {
    if (cell > 0) {
      const after = skipSpaces(text, i);
      if (after === i) return undefined;
      i = after;
    }
    const start = i;
    i = wordEnd(text, i);
    if (i === start) return undefined;
    if (cell === 1) i = arraySuffixEnd(text, i);
    cells.push(text.slice(start, i));
  }
  let rest = '';
  if (i < text.length) {
    const after = skipSpaces(text, i);
    if (after === i) return undefined;
    rest = text.slice(after);
  }
  const type = parseType(cells[1]!);
  const required = parseRequired(cells[2]!);
  const maxLength = parseMaxLength(cells[3]!);
  if (!type || required === undefined || maxLength === undefined) return undefined;
  return { name: cells[0]!, columns: { type, required, maxLength }, rest };
}

/** End of the run of non-whitespace characters at `i`. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && !isSpace(text[i]!)) i++;
  return i;
}

/** End of the run of plain spaces (the dump's column separator) at `i`. */
function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}

/** After a type word at `i`, the end of an ` []` / ` [ ]` that follows it (else `i`). */
function arraySuffixEnd(text: string, i: number): number {
  const open = skipSpaces(text, i);
  if (text[open] !== '[') return i;
  const close = skipSpaces(text, open + 1);
  return text[close] === ']' ? close + 1 : i;
}

/** A bullet line `  • text`: the text after the bullet (and one space), or undefined. */
function bulletText(text: string): string | undefined {
  const at = skipSpace(text, 0);
  if (text[at] !== '•') return undefined;
  const start = at + 1 < text.length && isSpace(text[at + 1]!) ? at + 2 : at + 1;
  return text.slice(start);
}

interface BulletItem {
  line: number;
  lines: string[];
  /** Column where the bullet's text starts; continuation lines are indented to it. */
  contentCol: number;
}

export function parseTable(lines: readonly Line[]): TableResult {
  const rows: TopRow[] = [];
  const diagnostics: Omit<Diagnostic, 'file'>[] = [];
  let bullets: BulletItem[] = [];
  let pendingBlank: Line[] = [];

  const flushBullets = (): void => {
    const row = rows[rows.length - 1];
    if (row && bullets.length > 0) row.bullets = groupBullets(bullets, diagnostics);
    bullets = [];
  };

  for (const line of lines) {
    if (line.text.trim() === '') {
      pendingBlank.push(line);
      continue;
    }
    const blanks = pendingBlank;
    pendingBlank = [];
    const row = parseRowLine(line.text);
    if (row) {
      flushBullets();
      const tail = row.rest ? [{ no: line.no, text: row.rest }] : [];
      rows.push({ line: line.no, name: row.name, ...row.columns, tail, bullets: [] });
      continue;
    }
    const bullet = bulletText(line.text);
    if (bullet !== undefined) {
      if (rows.length === 0) {
        diagnostics.push(err(line.no, 'a nested field (bullet) before any parameter row'));
        continue;
      }
      bullets.push({ line: line.no, lines: [bullet], contentCol: line.text.length - bullet.length });
      continue;
    }
    const last = rows[rows.length - 1];
    if (!last) {
      if (TABLE_HEADER.test(line.text)) continue;
      diagnostics.push(err(line.no, `expected a parameter row \`name Type 必填 maxLength description example\`, found ${JSON.stringify(line.text.trim())}`));
      continue;
    }
    const openBullet = bullets[bullets.length - 1];
    if (openBullet) {
      // Continuation of the bullet's text: indented lines, blank lines inside kept.
      if (!isSpace(line.text[0]!)) {
        diagnostics.push(warn(line.no, 'unindented line inside a nested field: read as a continuation of the bullet above'));
      }
      for (const _ of blanks) openBullet.lines.push('');
      openBullet.lines.push(stripIndent(line.text, openBullet.contentCol));
      continue;
    }
    for (const b of blanks) last.tail.push({ no: b.no, text: '' });
    last.tail.push({ no: line.no, text: line.text.trim() });
  }
  flushBullets();
  return { rows, diagnostics };
}

function stripIndent(text: string, max: number): string {
  let i = Math.min(skipSpaces(text, 0), max);
  while (text[i] === '\t') i++;
  return text.slice(i);
}

/** Bullet items -> groups. A group starts where four bullets read as name, type, required marker, max length. */
function groupBullets(items: readonly BulletItem[], diagnostics: Omit<Diagnostic, 'file'>[]): BulletGroup[] {
  const groups: BulletGroup[] = [];
  const text = (i: number): string | undefined => (items[i] && items[i]!.lines.length === 1 ? items[i]!.lines[0]! : undefined);
  const isHead = (i: number): boolean =>
    nameOf(text(i)) !== undefined &&
    parseType(text(i + 1) ?? '') !== undefined &&
    parseRequired(text(i + 2) ?? '') !== undefined &&
    parseMaxLength(text(i + 3) ?? '') !== undefined;

  let i = 0;
  while (i < items.length) {
    if (!isHead(i)) {
      const name = nameOf(text(i));
      diagnostics.push(
        err(
          items[i]!.line,
          name !== undefined && i + 4 > items.length
            ? `nested field \`${name.name}\` is incomplete: expected bullets for name, type, required and max length (is the page cut off?)`
            : 'expected a nested field: bullets `└ name`, `Type`, `必填`/`可选`, `maxLength`',
        ),
      );
      return groups;
    }
    const { name, marker } = nameOf(text(i))!;
    const group: BulletGroup = {
      line: items[i]!.line,
      name,
      marker,
      type: parseType(text(i + 1)!)!,
      required: parseRequired(text(i + 2)!)!,
      maxLength: parseMaxLength(text(i + 3)!)!,
    };
    let j = i + 4;
    const trailing: BulletItem[] = [];
    while (j < items.length && !isHead(j)) trailing.push(items[j++]!);
    if (trailing.length > 2) {
      diagnostics.push(warn(trailing[2]!.line, `nested field \`${name}\` has ${trailing.length} text bullets; read all but the last as its description`));
    }
    const descItems = trailing.length > 2 ? trailing.slice(0, -1) : trailing.slice(0, 1);
    const exampleItem = trailing.length >= 2 ? trailing[trailing.length - 1] : undefined;
    if (descItems.length > 0) {
      group.description = trimNewlines(descItems.flatMap((b) => b.lines).join('\n'));
      group.descriptionLine = descItems[0]!.line;
    }
    if (exampleItem) group.example = exampleItem.lines.join('\n').trim();
    groups.push(group);
    i = j;
  }
  return groups;
}

/** `└ name` or `name`: the name bullet of a nested field (one word, not a required marker). */
function nameOf(text: string | undefined): { name: string; marker: boolean } | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  let i = 0;
  while (t[i] === '└') i = skipSpace(t, i + 1);
  const name = t.slice(i);
  if (name === '' || wordEnd(name, 0) !== name.length || parseRequired(name) !== undefined) return undefined;
  return { name, marker: i > 0 };
}

function err(line: number, message: string): Omit<Diagnostic, 'file'> {
  return { severity: 'error', line, col: 1, message };
}
function warn(line: number, message: string): Omit<Diagnostic, 'file'> {
  return { severity: 'warning', line, col: 1, message };
}
