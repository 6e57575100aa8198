/**
 * A parameter table of a browser copy (请求参数 / 响应参数): a `参数 类型 是否必填 最大长度 描述 示例值`
 * header, then one row per field whose cells are tab-separated and whose multi-line cells carry
 * on over the next lines. A row starts at a line whose first cells are a field name and a type;
 * every other line continues the row above. Nested fields keep only the `└` mark of the seed
 * pages (leaves only), so they come out as a flat list under their top-level row; an unmarked
 * object row is nested when the examples show it inside that row and not at the top.
 */
import type { Diagnostic } from '../../../diagnostics.js';
import { isContainer, parseMaxLength, parseRequired, parseType } from '../../columns.js';
import type { Line } from '../../lines.js';
import type { FlatRow, ParamColumns, ParamRow, Position } from '../../page-model.js';
import { parseTable } from '../text-dump/table.js';
import { splitCells, usesDoubleTabs } from './cells.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

const WIDTH = 6;
const NAME = /^(└\s*)?([A-Za-z_][A-Za-z0-9_.]*)$/;

export function isTableHeader(text: string): boolean {
  const cells = text.split(/\t+/).map((c) => c.trim());
  return cells[0] === '参数' && cells[1] === '类型';
}

interface RawRow {
  first: Line;
  text: string;
  /** `• └ name` / `• String` / ... lines: nested fields copied as the seed's bullet groups. */
  bullets: Line[];
  /** `└ name` lines whose bullets the copy lost: the groups' cell boundaries are gone. */
  lostBullets?: Line;
}

/** Whether the examples show `name` inside top-level field `top` and not at the top level. */
export type NestedEvidence = (top: string, name: string) => boolean;

export function parseTsvTable(lines: readonly Line[], what: string, nestedHere: NestedEvidence = () => false): { rows: ParamRow[]; diagnostics: LocalDiagnostic[] } {
  const diagnostics: LocalDiagnostic[] = [];
  const header = lines.findIndex((l) => isTableHeader(l.text));
  if (header < 0) {
    const first = lines.find((l) => l.text.trim() !== '');
    if (first) diagnostics.push({ severity: 'warning', line: first.no, col: 1, message: `${what}: no table header (参数 类型 ...) in the section: its rows were not read` });
    return { rows: [], diagnostics };
  }
  const double = usesDoubleTabs(lines[header]!.text);
  const raw: RawRow[] = [];
  for (const line of lines.slice(header + 1)) {
    const last = raw[raw.length - 1];
    if (startsRow(line.text)) raw.push({ first: line, text: line.text, bullets: [] });
    else if (last && /^\s*•/.test(line.text)) last.bullets.push(line);
    else if (last && last.bullets.length > 0 && line.text.trim() !== '' && /^\s/.test(line.text)) last.bullets.push(line);
    else if (last && /^\s*└/.test(line.text) && !line.text.includes('\t')) last.lostBullets ??= line;
    else if (last && last.lostBullets) continue;
    else if (last) last.text += `\n${line.text}`;
    else if (line.text.trim() !== '') diagnostics.push({ severity: 'warning', line: line.no, col: 1, message: `${what}: text before the first row is not a parameter row: ignored` });
  }
  const rows: ParamRow[] = [];
  for (const r of raw) {
    const read = readRow(r, double, what, diagnostics);
    if (!read) continue;
    if (r.lostBullets) diagnostics.push({ severity: 'warning', line: r.lostBullets.no, col: 1, message: `${what}: the nested fields of \`${read.row.name}\` are a list whose bullets the copy lost (\`└ name\` alone on a line): they were not read — add them by hand` });
    if (r.bullets.length > 0) {
      const groups = bulletGroups(r, what, diagnostics);
      if (isContainer(read.row.type)) {
        const { marked: _m, ...top } = read.row;
        rows.push({ ...top, nested: { kind: 'flat', rows: groups } });
        continue;
      }
      diagnostics.push({ severity: 'error', line: r.bullets[0]!.no, col: 1, message: `${what}: nested fields under \`${read.row.name}\`, whose type is not an object type` });
    }
    const parent = rows[rows.length - 1];
    const list = parent?.nested.kind === 'flat' ? parent.nested.rows : undefined;
    // A nested object has no `└` (only leaves do): the examples tell it from a top-level row.
    if (list && (read.marked || (isContainer(read.row.type) && nestedHere(parent!.name, read.row.name)))) {
      list.push(read.row);
      continue;
    }
    if (read.marked) diagnostics.push({ severity: 'warning', line: r.first.no, col: 1, message: `${what}: nested field \`${read.row.name}\` (└) follows no top-level object: read as top-level` });
    const { marked: _marked, ...top } = read.row;
    rows.push({ ...top, nested: isContainer(top.type) ? { kind: 'flat', rows: [] } : { kind: 'tree', children: [] } });
  }
  return { rows, diagnostics };
}

/** The bullet groups below a row, read as the text dump reads them (under a stand-in row at the row's line). */
function bulletGroups(r: RawRow, what: string, diagnostics: LocalDiagnostic[]): FlatRow[] {
  const table = parseTable([{ no: r.first.no, text: '参数 类型 是否必填 最大长度 描述 示例值' }, { no: r.first.no, text: 'nested Object 必填 -' }, ...r.bullets]);
  for (const d of table.diagnostics) diagnostics.push({ ...d, message: `${what}: ${d.message}` });
  return (table.rows[0]?.bullets ?? []).map((b) => {
    const text: FlatRow['text'] = { kind: 'separate' };
    if (b.description !== undefined) text.description = b.description;
    if (b.example !== undefined) text.example = b.example;
    return { name: b.name, pos: { line: b.line, col: 1 }, type: b.type, required: b.required, maxLength: b.maxLength, text, marked: b.marker };
  });
}

/** Whether the line opens a row: `name<tab>Type<tab>...`. */
function startsRow(text: string): boolean {
  const cells = text.split(/\t+/);
  return cells.length >= 3 && NAME.test(cells[0]!.trim()) && parseType(cells[1]!) !== undefined;
}

function readRow(r: RawRow, double: boolean, what: string, diagnostics: LocalDiagnostic[]): { row: FlatRow; marked: boolean } | undefined {
  const pos: Position = { line: r.first.no, col: 1 };
  const warn = (message: string) => diagnostics.push({ severity: 'warning', line: pos.line, col: 1, message: `${what}: ${message}` });
  const split = splitCells(r.text, WIDTH, double);
  const [nameCell, typeCell, ...rest] = split.cells;
  const name = NAME.exec(nameCell!)!;
  const fieldName = name[2]!;
  const columns: ParamColumns = { type: parseType(typeCell!)!, required: false, maxLength: null };
  const required = parseRequired(rest[0] ?? '');
  if (required === undefined) {
    warn(`field \`${fieldName}\` has no required marker (是/否, 必选/可选, 必填/选填): taken as optional`);
    rest.unshift('');
  } else columns.required = required;
  rest.shift();
  const maxText = rest[0] ?? '';
  const max = maxText === '' ? null : parseMaxLength(maxText);
  if (max === undefined) {
    if (split.separator !== 'runs') warn(`field \`${fieldName}\`: max length ${JSON.stringify(maxText)} is not a number or -: taken as no limit, the text kept as description`);
    rest.unshift('');
  } else columns.maxLength = max;
  rest.shift();
  const [description, ...examples] = rest;
  if (split.separator === 'runs' && rest.length < 2) warn(`field \`${fieldName}\`: the row mixes one- and two-tab separators and has fewer cells than columns: its last cell read as the description, check the example`);
  if (examples.length > 1) warn(`field \`${fieldName}\`: more cells than columns: the extra cells kept in the example`);
  const example = examples.join('\t');
  const text: FlatRow['text'] = { kind: 'separate' };
  if (description) text.description = description;
  if (example !== '') text.example = example;
  return { row: { name: fieldName, pos, ...columns, text, marked: name[1] !== undefined }, marked: name[1] !== undefined };
}
