/**
 * The English doc site (../shared/docs-samples/*.en.md): `# method` title, `**Version x**`,
 * `## Request parameters`-style headings over markdown tables (outer pipes optional) with the
 * columns Parameter | Type | Nullable | Max-length | Description | Example. `Nullable` means
 * required (`Y` = required); a max length `-` or `~` means none. A model's children are italic
 * rows after its bold row; like the text dump they keep "nested", not the depth, and to-spec
 * places them (with the examples as evidence). Enum values and one-of rules are prose in the description: an enum is
 * taken only where the description lists `VALUE: text` lines (to-spec reads them) or a
 * `values:` lead lists codes (prose-enum.ts), prose that seems to list values is warned about, and `a and b can't be both empty` makes both conditional.
 */
import type { Diagnostic } from '../../../diagnostics.js';
import { isContainer, parseMaxLength, parseType } from '../../columns.js';
import { splitLines, trimBlankLines, type Line } from '../../lines.js';
import type { ErrorRow, PageExamples, PageModel, PageSection, ParamRow, Position, SectionName } from '../../page-model.js';
import { parseEnum } from '../../to-spec/enum.js';
import { extractBizContent, extractSetters } from '../java.js';
import { matchingBrace } from '../json-scan.js';
import { notAPage, type LayoutResult } from '../layout.js';
import { emphasis, findTables, plainText, type MdTable } from './markdown.js';
import { proseEnum, proseKeys } from './prose-enum.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

/** The site's headings (lower-cased, plural `s` dropped) as the page model names the sections. */
const HEADINGS: Readonly<Record<string, SectionName>> = {
  'common request parameter': '公共参数',
  'common parameter': '公共参数',
  'request parameter': '请求参数',
  'business request parameter': '请求参数',
  'common response parameter': '公共响应参数',
  'response parameter': '响应参数',
  'business response parameter': '响应参数',
  'request sample': '请求示例',
  'request example': '请求示例',
  'response sample': '响应示例',
  'response example': '响应示例',
  'abnormal sample': '异常示例',
  'abnormal example': '异常示例',
  'error sample': '异常示例',
  'business error code': '业务错误码',
  'common error code': '公共错误码',
  'public error code': '公共错误码',
};

const METHOD = /^#\s+([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\s*$/;

/** An English doc page: a `# method.name` title and a `## ... parameters` heading. */
export function looksLikeEnDocs(text: string): boolean {
  return /^#\s+[a-z][a-z0-9_]*(\.[a-z0-9_]+)+\s*$/m.test(text) && /^##\s+(request|response|common request) parameters?\s*$/im.test(text);
}

interface Block {
  key: string;
  heading: Line;
  lines: Line[];
}

export function parseEnDocs(text: string): LayoutResult {
  const diagnostics: LocalDiagnostic[] = [];
  const fail = (message: string, line = 1): LayoutResult => ({ diagnostics: [...diagnostics, { severity: 'error', line, col: 1, message }] });
  const lines = splitLines(text);
  const end = [...lines].reverse().find((l) => l.text.trim() !== '');
  const notPage = notAPage(text, end !== undefined);
  if (!end || notPage !== undefined) return fail(notPage ?? 'the file is empty');
  const titleLine = lines.find((l) => l.text.startsWith('# '));
  const method = titleLine ? METHOD.exec(titleLine.text)?.[1] : undefined;
  if (!titleLine || !method) return fail('not an Alipay method doc page: expected a title line `# method.name`', titleLine?.no ?? 1);

  const blocks = splitBlocks(lines);
  const sections: PageSection[] = [];
  for (const b of blocks) {
    const name = HEADINGS[b.key];
    if (name === undefined) continue;
    const seen = sections.find((s) => s.name === name);
    // `Common parameter` (the gateway URI) and `Common request parameter` are both the public part.
    if (seen && name === '公共参数') continue;
    if (seen) diagnostics.push({ severity: 'error', line: b.heading.no, col: 1, message: `section ${b.heading.text.trim()} appears twice` });
    else sections.push({ name, pos: at(b.heading) });
  }
  const block = (name: SectionName) => blocks.find((b) => HEADINGS[b.key] === name);

  const request = readParams(block('请求参数'), 'request parameters', diagnostics);
  const response = readParams(block('响应参数'), 'response parameters', diagnostics);
  markOneOf(request, diagnostics);
  const page: PageModel = {
    layout: 'en-docs',
    method,
    header: at(titleLine),
    sections,
    end: at(end),
    request,
    response,
    examples: readExamples(block('请求示例'), block('响应示例'), block('异常示例'), diagnostics),
    errors: readErrors(block('业务错误码'), diagnostics),
  };
  const scenario = blocks.find((b) => b.key === 'business scenario' || b.key === 'description' || b.key === 'api description');
  const description = scenario && paragraphs(scenario.lines);
  if (description) page.description = description;
  return { page, diagnostics };
}

function splitBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let inCode = false;
  for (const line of lines) {
    if (line.text.trim().startsWith('```')) inCode = !inCode;
    const heading = !inCode && /^##\s+(.+)$/.exec(line.text);
    if (heading) {
      blocks.push({ key: heading[1]!.trim().replace(/[:：]$/, '').toLowerCase().replace(/s$/, ''), heading: line, lines: [] });
      continue;
    }
    blocks[blocks.length - 1]?.lines.push(line);
  }
  return blocks;
}

/** The prose of a block, marks removed, paragraph breaks (blank lines) kept inside. */
function paragraphs(lines: readonly Line[]): string | undefined {
  const text = trimBlankLines(lines).map((l) => plainText(l.text));
  return text.length > 0 ? text.join('\n') : undefined;
}

type Column = 'name' | 'type' | 'required' | 'maxLength' | 'description' | 'example';

/** Header words -> column; `nullable` is the site's word for "required" (Y = required). */
function columnOf(header: string): Column | undefined {
  const h = header.replace(/[\s_-]+/g, ' ').trim();
  if (h === 'parameter' || h === 'name' || h === 'field' || h === 'parameter name') return 'name';
  if (h === 'type' || h === 'data type') return 'type';
  if (h === 'nullable' || h === 'required' || h === 'mandatory' || h === 'is required') return 'required';
  if (h === 'max length' || h === 'maxlength' || h === 'length' || h === 'max len') return 'maxLength';
  if (h === 'description') return 'description';
  if (h === 'example' || h === 'sample' || h === 'example value') return 'example';
  return undefined;
}

/** The parameter table of a section -> rows; italic rows nest under the bold row before them. */
function readParams(block: Block | undefined, what: string, diagnostics: LocalDiagnostic[]): ParamRow[] {
  if (!block) return [];
  const tables = findTables(block.lines);
  const table = tables.find((t) => t.header.some((h) => columnOf(h) === 'name') && t.header.some((h) => columnOf(h) === 'type'));
  if (!table) {
    if (block.lines.some((l) => l.text.trim() !== '')) diagnostics.push({ severity: 'warning', line: block.heading.no, col: 1, message: `${what}: no parameter table (Parameter | Type | ...) in the section: its rows were not read` });
    return [];
  }
  const columns = table.header.map(columnOf);
  const roots: ParamRow[] = [];
  let parent: ParamRow | undefined;
  for (const { line, cells } of table.rows) {
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i < 0 ? undefined : cells[i];
    };
    const pos: Position = { line: line.no, col: 1 };
    const warn = (message: string) => diagnostics.push({ severity: 'warning', line: line.no, col: 1, message: `${what}: ${message}` });
    if (cells.length !== columns.length) warn(`the row has ${cells.length} cells, the header ${columns.length}: read by position, check it`);
    const { name, italic } = emphasis(cell('name') ?? '');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      if (name !== '') warn(`\`${name}\` is not a parameter name: row ignored`);
      continue;
    }
    const typeText = plainText(cell('type') ?? '');
    // `String(64)`: the length in the type cell when the page has no max length column of its own.
    const sized = /^(.+?)\s*\(\s*(\d+)\s*\)$/.exec(typeText);
    const type = parseType(sized && !columns.includes('maxLength') ? sized[1]! : typeText);
    if (!type) {
      diagnostics.push({ severity: 'error', line: line.no, col: 1, message: `${what}: field \`${name}\` has no type the importer knows (${JSON.stringify(typeText)})` });
      continue;
    }
    const length = sized && !columns.includes('maxLength') ? Number(sized[2]) : maxLength(cell('maxLength'), name, warn);
    const row: ParamRow = { name, pos, type, required: required(cell('required'), name, warn), maxLength: length, text: { kind: 'separate' }, nested: { kind: 'tree', children: [] } };
    const description = plainText(cell('description') ?? '');
    const example = plainText(cell('example') ?? '');
    row.text = { kind: 'separate', ...(description !== '' && { description }), ...(example !== '' && example !== '-' && { example }) };
    if (description !== '') proseEnumOf(row, description, example, warn);
    if (italic) {
      if (parent && parent.nested.kind === 'flat') {
        // Italic rows keep "nested", not the depth: the dump's rule (only leaves marked) lets to-spec place them.
        parent.nested.rows.push({ ...row, marked: !isContainer(row.type) });
        continue;
      }
      warn(`field \`${name}\` is italic (a child row) but follows no object row: read as top-level`);
    }
    if (isContainer(row.type)) row.nested = { kind: 'flat', rows: [] };
    roots.push(row);
    parent = row;
  }
  return roots;
}

function required(text: string | undefined, name: string, warn: (m: string) => void): ParamRow['required'] {
  const shown = plainText(text ?? '');
  const t = shown.toLowerCase();
  if (t === 'y' || t === 'yes' || t === 'true' || t === 'required') return true;
  if (t === 'n' || t === 'no' || t === 'false' || t === 'optional') return false;
  warn(`field \`${name}\` has no Y/N in the Nullable (required) column (${JSON.stringify(shown)}): taken as optional`);
  return false;
}

function maxLength(text: string | undefined, name: string, warn: (m: string) => void): number | null {
  const t = plainText(text ?? '');
  if (t === '' || t === '-' || t === '~' || t === '/' || t === '—') return null;
  const n = parseMaxLength(t);
  if (typeof n === 'number') return n;
  warn(`field \`${name}\`: max length ${JSON.stringify(t)} is not a number, - or ~: taken as no limit`);
  return null;
}

/**
 * Values listed unambiguously in prose (prose-enum.ts) become the row's enum; `Close: text.
 * Unfreeze: text.` in running prose may be an enum or may be prose: not taken, warned (the
 * reviewer decides). `VALUE: text` lines (`<br>`) are left to to-spec, as on every layout.
 */
function proseEnumOf(row: ParamRow, description: string, example: string, warn: (m: string) => void): void {
  if (parseEnum(description, example === '' ? undefined : example).values) return;
  const listed = proseEnum(description);
  if (listed) {
    row.enum = listed;
    return;
  }
  const keys = proseKeys(description);
  if (keys.length >= 2) warn(`field \`${row.name}\`: the description may list values (${keys.join(', ')}) in prose: kept in the description, no enum — check the spec`);
}

/** `*a* and *b* can't be both empty` (or `cannot both be empty`, `either a or b`): both optional fields become conditional. */
function markOneOf(rows: readonly ParamRow[], diagnostics: LocalDiagnostic[]): void {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const pattern = /\b([a-z][a-z0-9_]*)\b\s+(?:and|or)\s+\b([a-z][a-z0-9_]*)\b\s+(?:can['’]?t|cannot|can not|must not|may not)\s+(?:be\s+both|both\s+be)\s+(?:empty|null|blank)|\beither\s+([a-z][a-z0-9_]*)\s+or\s+([a-z][a-z0-9_]*)\b/gi;
  for (const row of rows) {
    const description = row.text.kind === 'separate' ? row.text.description : undefined;
    if (!description) continue;
    for (const m of description.matchAll(pattern)) {
      const names = [m[1] ?? m[3], m[2] ?? m[4]].filter((n): n is string => n !== undefined);
      const group = names.map((n) => byName.get(n));
      if (group.some((r) => r === undefined)) continue;
      for (const r of group as ParamRow[]) {
        if (r.required === false) r.required = 'conditional';
        else if (r.required === true) diagnostics.push({ severity: 'warning', line: r.pos.line, col: 1, message: `field \`${r.name}\` is marked required, but the description of \`${row.name}\` says one of ${names.join(', ')} may be empty: kept required, check it` });
      }
    }
  }
}

/** The request's biz_content (Java setBizContent, else an HTTP `biz_content=` URL) and the response bodies. */
function readExamples(request: Block | undefined, response: Block | undefined, error: Block | undefined, diagnostics: LocalDiagnostic[]): PageExamples {
  const examples: PageExamples = {};
  const requestBlocks = request ? codeBlocks(request.lines) : [];
  const java = requestBlocks.map((b) => ({ b, call: extractBizContent(b.text) })).find((x) => x.call !== undefined);
  if (java?.call?.ok) examples.request = { text: java.call.text, pos: java.b.pos(java.call.offset), verbatim: false };
  else {
    if (java?.call && !java.call.ok) diagnostics.push({ severity: 'warning', ...java.b.pos(java.call.offset), message: `request example: ${java.call.message}` });
    const http = requestBlocks.find((b) => b.text.includes('biz_content='));
    const setterBlock = java ? undefined : requestBlocks.find((b) => extractSetters(b.text).length > 0);
    if (setterBlock) {
      const setters = extractSetters(setterBlock.text);
      for (const s of setters) if (s.value === undefined) diagnostics.push({ severity: 'warning', ...setterBlock.pos(s.offset), message: `request example: set${s.name}(...) is not a string literal; no example taken` });
      examples.params = setters.map((s) => ({ name: s.name, ...(s.value !== undefined && { value: s.value }), pos: setterBlock.pos(s.offset) }));
    } else if (http) {
      const start = http.text.indexOf('{', http.text.indexOf('biz_content='));
      const close = start < 0 ? -1 : matchingBrace(http.text, start);
      if (close >= 0) examples.request = { text: http.text.slice(start, close + 1), pos: http.pos(start), verbatim: true };
    }
  }
  for (const [key, block] of [['response', response], ['error', error]] as const) {
    if (!block) continue;
    const json = codeBlocks(block.lines).find((b) => b.text.includes('{'));
    if (!json) {
      diagnostics.push({ severity: 'warning', line: block.heading.no, col: 1, message: `${key} example: no code block with a JSON object in the section: no example taken` });
      continue;
    }
    const start = json.text.indexOf('{');
    const close = matchingBrace(json.text, start);
    if (close < 0) diagnostics.push({ severity: 'warning', ...json.pos(start), message: `${key} example: the JSON example is not closed (is the page cut off?)` });
    else examples[key] = { text: json.text.slice(start, close + 1), pos: json.pos(start), verbatim: true };
  }
  return examples;
}

interface CodeBlock {
  text: string;
  pos: (offset: number) => Position;
}

/** The fenced code blocks of a section (a block cut off at the end still counts). */
function codeBlocks(lines: readonly Line[]): CodeBlock[] {
  const blocks: Line[][] = [];
  let current: Line[] | undefined;
  for (const line of lines) {
    if (line.text.trim().startsWith('```')) {
      if (current) {
        blocks.push(current);
        current = undefined;
      } else current = [];
    } else current?.push(line);
  }
  if (current) blocks.push(current);
  return blocks.map((ls) => {
    const starts: number[] = [];
    let text = '';
    for (const l of ls) {
      starts.push(text.length);
      text += `${l.text}\n`;
    }
    const pos = (offset: number): Position => {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
      return ls[i] ? { line: ls[i]!.no, col: offset - starts[i]! + 1 } : { line: 1, col: 1 };
    };
    return { text, pos };
  });
}

/** `Error code | Description | Solution` rows; a code the page broke with a space is joined, with a warning. */
function readErrors(block: Block | undefined, diagnostics: LocalDiagnostic[]): ErrorRow[] {
  if (!block) return [];
  const table = findTables(block.lines).find((t: MdTable) => /error\s*code|^code$/.test(t.header[0] ?? ''));
  if (!table) {
    diagnostics.push({ severity: 'warning', line: block.heading.no, col: 1, message: 'section Business error code has no readable error table (Error code | Description | Solution): no error codes taken, check the page' });
    return [];
  }
  const errors: ErrorRow[] = [];
  for (const { line, cells } of table.rows) {
    const [codeCell = '', description = '', ...solution] = cells.map(plainText);
    if (codeCell === '') continue;
    let code = codeCell;
    if (/\s/.test(code)) {
      code = code.replace(/\s+/g, '');
      diagnostics.push({ severity: 'warning', line: line.no, col: 1, message: `error code ${JSON.stringify(codeCell)} has a space in it: read as ${code}, check it` });
    }
    const row: ErrorRow = { code, pos: at(line) };
    if (description !== '') row.description = description;
    const rest = solution.filter((s) => s !== '').join(' | ');
    if (rest !== '') row.solution = rest;
    errors.push(row);
  }
  return errors;
}

function at(line: Line): Position {
  return { line: line.no, col: 1 };
}
