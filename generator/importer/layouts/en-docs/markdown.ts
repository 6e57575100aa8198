/**
 * The markdown of the English doc site: pipe tables (outer pipes optional, `--- | ---` under the
 * header) and inline marks in cells (`**bold**`, `*italic*`, `<br>` for a line break in a cell).
 */
import type { Line } from '../../lines.js';

export interface MdTable {
  /** Header cells, lower-cased. */
  header: string[];
  headerLine: Line;
  rows: { line: Line; cells: string[] }[];
}

/** Cells of a table line: split at unescaped `|`, outer pipes dropped; undefined when not a table line. */
export function tableCells(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.includes('|')) return undefined;
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && t[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  if (t.startsWith('|')) cells.shift();
  if (t.endsWith('|') && !t.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

function isRule(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c));
}

/** The tables of a block of lines: a header line, a rule line, then the lines that are table lines. */
export function findTables(lines: readonly Line[]): MdTable[] {
  const tables: MdTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = tableCells(lines[i]!.text);
    const rule = tableCells(lines[i + 1]!.text);
    if (!header || !rule || !isRule(rule)) continue;
    const table: MdTable = { header: header.map((h) => h.toLowerCase()), headerLine: lines[i]!, rows: [] };
    let j = i + 2;
    for (; j < lines.length; j++) {
      const cells = tableCells(lines[j]!.text);
      if (!cells) break;
      table.rows.push({ line: lines[j]!, cells });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** A cell's plain text: `<br>` as a line break, emphasis marks and backticks around words removed, spaces collapsed. */
export function plainText(cell: string): string {
  return cell
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w`])`([^`\n]+)`(?![\w`])/g, '$1$2')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();
}

/**
 * A name cell's marks: `**name**` bold (a parent row), `*name*` / `_name_` italic (a child row),
 * `***name***` both (a child that is itself a parent); the name without its marks.
 */
export function emphasis(cell: string): { name: string; bold: boolean; italic: boolean } {
  let t = cell.trim();
  let bold = false;
  let italic = false;
  for (;;) {
    const strong = /^(\*\*|__)(.+)\1$/.exec(t);
    if (strong) {
      bold = true;
      t = strong[2]!.trim();
      continue;
    }
    const em = /^([*_])(.+)\1$/.exec(t);
    if (em) {
      italic = true;
      t = em[2]!.trim();
      continue;
    }
    return { name: t, bold, italic };
  }
}
