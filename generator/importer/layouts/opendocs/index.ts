/**
 * The current doc site (opendocs) as a markdown scrape (../shared/docs-samples/*.opendocs.md).
 * Sections are `## 业务请求参数`-style headings; a field is a `**name**必选string(64)` line
 * followed by 【描述】, 【枚举值】, 【注意事项】, 【必选条件】 and 【示例值】 paragraphs; a model's
 * children, when the page shows them, follow it quoted with one `>` per level (explicit nesting).
 * The method name is not in a header: it is read from the examples (`method=...` in a URL, the
 * `*_response` key, or the SDK request class). Examples sit at the end of the parameter sections,
 * after the labels 常见请求示例 / 响应示例.
 */
import type { Diagnostic } from '../../../diagnostics.js';
import { splitLines, type Line } from '../../lines.js';
import type { ErrorRow, OneOfRows, PageExamples, PageModel, PageSection, ParamRow, Position, SectionName } from '../../page-model.js';
import { extractBizContent } from '../java.js';
import { matchingBrace } from '../json-scan.js';
import { notAPage, type LayoutResult } from '../layout.js';
import { parseFieldHead, parsePlainFieldHead } from './field-head.js';
import { isMethodChar, methodFromClass } from './method.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

/** The site's headings, as the page model names the sections. */
const HEADINGS: Readonly<Record<string, SectionName>> = {
  公共请求参数: '公共参数',
  业务请求参数: '请求参数',
  公共响应参数: '公共响应参数',
  业务响应参数: '响应参数',
  业务错误码: '业务错误码',
  公共错误码: '公共错误码',
};

/** Whether the text is an opendocs scrape: it has one of the site's parameter headings (`##` lost in a browser copy). */
export function looksLikeOpendocs(text: string): boolean {
  return /^## (业务请求参数|业务响应参数|公共请求参数)[ \t]*$/m.test(text) || (/^(业务请求参数|业务响应参数)[ \t]*$/m.test(text) && /^【描述】/m.test(text));
}

/** Headings a browser copy shows without `##`: recognised by their words alone. */
const PLAIN_HEADINGS = new Set([...Object.keys(HEADINGS), '接口说明', '触发通知类型', '触发通知示例', '通知参数', '异步通知参数']);

/** A browser copy of the page: no field head is bold. */
function isBrowserText(lines: readonly Line[]): boolean {
  return !lines.some((l) => /^(\s*>)*\s*\*\*/.test(l.text));
}

interface Block {
  name: string;
  heading: Line;
  lines: Line[];
}

export function parseOpendocs(text: string): LayoutResult {
  const diagnostics: LocalDiagnostic[] = [];
  const lines = splitLines(text);
  const end = [...lines].reverse().find((l) => l.text.trim() !== '');
  const notPage = notAPage(text, end !== undefined);
  if (!end || notPage !== undefined) return { diagnostics: [{ severity: 'error', line: 1, col: 1, message: notPage ?? 'the file is empty' }] };

  const browser = isBrowserText(lines);
  const { preamble, blocks } = splitHeadings(lines, browser);
  const block = (name: string) => blocks.find((b) => b.name === name);
  const sections: PageSection[] = [];
  for (const b of blocks) {
    const name = HEADINGS[b.name];
    if (name === undefined) continue;
    if (sections.some((s) => s.name === name)) diagnostics.push({ severity: 'error', line: b.heading.no, col: 1, message: `section ${b.heading.text.trim()} appears twice` });
    else sections.push({ name, pos: at(b.heading) });
  }

  const request = splitAtLabel(block('业务请求参数')?.lines ?? [], '常见请求示例');
  const response = splitAtLabel(block('业务响应参数')?.lines ?? [], '响应示例');
  if (request.label) sections.push({ name: '请求示例', pos: at(request.label) });
  if (response.label) sections.push({ name: '响应示例', pos: at(response.label) });
  const errorLabel = response.example.find((l) => l.text.trim() === '异常示例');
  if (errorLabel) sections.push({ name: '异常示例', pos: at(errorLabel) });
  sections.sort((a, b) => a.pos.line - b.pos.line);

  const examples = readExamples(request.example, response.example, diagnostics);
  const method = findMethod(lines);
  if (!method) {
    return { diagnostics: [...diagnostics, { severity: 'error', line: 1, col: 1, message: 'no method name on the page: expected `method=...` in an example URL, a `*_response` key or an SDK request class (is this a method doc page?)' }] };
  }

  const requestFields = parseFields(request.fields, browser, diagnostics);
  const responseFields = parseFields(response.fields, browser, diagnostics);
  const page: PageModel = {
    layout: 'opendocs',
    method: method.name,
    header: method.pos,
    sections,
    end: at(end),
    request: requestFields.rows,
    response: responseFields.rows,
    examples,
    errors: parseErrorTable(block('业务错误码')?.lines ?? []),
  };
  if (requestFields.oneOf.length > 0) page.requestOneOf = requestFields.oneOf;
  if (responseFields.oneOf.length > 0) page.responseOneOf = responseFields.oneOf;
  const description = paragraphs([...preamble, ...(block('接口说明')?.lines ?? [])]);
  if (description) page.description = description;
  return { page, diagnostics };
}

function splitHeadings(lines: readonly Line[], browser: boolean): { preamble: Line[]; blocks: Block[] } {
  const preamble: Line[] = [];
  const blocks: Block[] = [];
  let inCode = false;
  for (const line of lines) {
    if (line.text.trim().startsWith('```')) inCode = !inCode;
    if (!inCode && (line.text.startsWith('## ') || (browser && PLAIN_HEADINGS.has(line.text.trim())))) {
      blocks.push({ name: line.text.replace(/^## /, '').trim(), heading: line, lines: [] });
      continue;
    }
    (blocks[blocks.length - 1]?.lines ?? preamble).push(line);
  }
  return { preamble, blocks };
}

/** A parameter section's field lines, and its example part from the label line on. */
function splitAtLabel(lines: readonly Line[], label: string): { fields: Line[]; label?: Line; example: Line[] } {
  const i = lines.findIndex((l) => l.text.trim() === label);
  if (i < 0) return { fields: [...lines], example: [] };
  return { fields: lines.slice(0, i), label: lines[i]!, example: lines.slice(i + 1) };
}

/** Non-blank lines, trimmed, one per line; UI labels left out. */
function paragraphs(lines: readonly Line[]): string | undefined {
  const text = lines.map((l) => l.text.trim()).filter((t) => t !== '' && !UI_LABELS.has(t));
  return text.length > 0 ? text.join('\n') : undefined;
}

/** Words of the site's interface that the scrape keeps as text. */
const UI_LABELS = new Set(['展开所有属性', '默认示例', '正常示例', '异常示例', 'cURLJavaC#PHPNode.js', 'JavaC#PHPNode.js', '说明：本示例仅供参考。']);

const PARAGRAPHS = ['描述', '枚举值', '注意事项', '必选条件', '示例值'] as const;
type ParagraphName = (typeof PARAGRAPHS)[number];

interface OpenField {
  row: ParamRow;
  depth: number;
  paragraphs: Map<ParagraphName, string[]>;
  current?: ParagraphName;
}

/**
 * The field blocks of a parameter section, nested by their `>` quote depth. A browser copy has
 * lost the bold marks (field heads read by parsePlainFieldHead) and the quotes (an expanded
 * model's children come out as top-level fields: the depth is not on the page any more).
 */
function parseFields(lines: readonly Line[], browser: boolean, diagnostics: LocalDiagnostic[]): { rows: ParamRow[]; oneOf: OneOfRows[] } {
  const roots: ParamRow[] = [];
  const rootGroups: OneOfRows[] = [];
  const open: OpenField[] = [];
  // The one-of group being read: its label's depth and the rows without a required marker that follow it there.
  let group: { rows: OneOfRows; depth: number; into: OneOfRows[] } | undefined;
  const endGroup = () => {
    if (group && group.rows.names.length >= 2) group.into.push(group.rows);
    else if (group) diagnostics.push({ severity: 'warning', ...group.rows.pos, message: `a one-of group (${group.rows.names.length === 0 ? 'no field' : `only \`${group.rows.names[0]}\``} without a required marker follows it): not kept, check the page` });
    group = undefined;
  };
  const close = (f: OpenField) => finish(f, diagnostics);

  for (const line of lines) {
    const { depth, text } = unquote(line.text);
    if (text === '') continue;
    if (text.startsWith('以下参数') && text.includes('选一')) {
      endGroup();
      while (open.length > 0 && open[open.length - 1]!.depth >= depth) close(open.pop()!);
      const parent = open[open.length - 1];
      group = { rows: { names: [], pos: { line: line.no, col: 1 + line.text.indexOf('以下参数') } }, depth, into: parent ? (parent.row.oneOf ??= []) : rootGroups };
      continue;
    }
    const head = browser ? parsePlainFieldHead(text) : parseFieldHead(text);
    if (head) {
      // A group covers the unmarked rows right after its label, at its depth (their children aside).
      if (group && depth < group.depth) endGroup();
      if (group && depth === group.depth && head.required !== undefined) endGroup();
      const member = group !== undefined && depth === group.depth;
      const row: ParamRow = {
        name: head.name,
        pos: { line: line.no, col: 1 + Math.max(0, line.text.indexOf(browser ? head.name : '**')) },
        type: head.type,
        required: head.required ?? (member ? 'conditional' : false),
        maxLength: head.maxLength,
        text: { kind: 'separate' },
        nested: { kind: 'tree', children: [] },
      };
      if (member) group!.rows.names.push(head.name);
      if (head.required === undefined && !member) diagnostics.push({ severity: 'warning', line: line.no, col: row.pos.col, message: `field \`${head.name}\` has no required marker (必选/可选): taken as optional` });
      while (open.length > 0 && open[open.length - 1]!.depth >= depth) close(open.pop()!);
      const parent = open[open.length - 1];
      if (depth > 0 && !parent) diagnostics.push({ severity: 'warning', line: line.no, col: 1, message: `field \`${head.name}\` is quoted (nested) but follows no parent field: read as a top-level field` });
      if (parent && depth > parent.depth + 1) diagnostics.push({ severity: 'warning', line: line.no, col: 1, message: `field \`${head.name}\` is nested ${depth - parent.depth} levels below \`${parent.row.name}\`: read as its child` });
      if (parent && parent.row.nested.kind === 'tree') parent.row.nested.children.push(row);
      else roots.push(row);
      open.push({ row, depth, paragraphs: new Map() });
      continue;
    }
    const field = open[open.length - 1];
    if (!field || UI_LABELS.has(text)) continue;
    const paragraph = PARAGRAPHS.find((p) => text.startsWith(`【${p}】`));
    if (paragraph) {
      field.current = paragraph;
      const first = text.slice(paragraph.length + 2).trim();
      if (first !== '') paragraphOf(field, paragraph).push(first);
      else paragraphOf(field, paragraph);
    } else {
      paragraphOf(field, field.current ?? '描述').push(text);
    }
  }
  endGroup();
  while (open.length > 0) close(open.pop()!);
  return { rows: roots, oneOf: rootGroups };
}

/** The lines of a paragraph of the field (created empty on first use). */
function paragraphOf(f: OpenField, name: ParagraphName): string[] {
  let lines = f.paragraphs.get(name);
  if (!lines) f.paragraphs.set(name, (lines = []));
  return lines;
}

/** A field's paragraphs -> its description, example and enum. */
function finish(f: OpenField, diagnostics: LocalDiagnostic[]): void {
  const get = (p: ParagraphName) => f.paragraphs.get(p) ?? [];
  const description = [...get('描述')];
  for (const note of get('注意事项')) description.push(`注意事项：${note}`);
  const conditions = get('必选条件');
  for (const condition of conditions) description.push(`必选条件：${condition}`);
  // A stated condition makes an optional field conditionally required (to-spec reads a simple one as requiredIf).
  if (conditions.length > 0 && f.row.required === false) f.row.required = 'conditional';
  const enumLines = get('枚举值');
  if (enumLines.length > 0) {
    const cut = enumLines[enumLines.length - 1] === '更多';
    const values = (cut ? enumLines.slice(0, -1) : enumLines).map(enumLine);
    if (values.some((v) => v === undefined) || values.length === 0) {
      diagnostics.push({ severity: 'warning', line: f.row.pos.line, col: f.row.pos.col, message: `field \`${f.row.name}\`: an enum line is not \`label: value\`; kept the values in the description, no enum — check the spec` });
      description.push(`枚举值：${enumLines.join('；')}`);
    } else {
      f.row.enum = values as { value: string; description: string }[];
      if (cut) {
        f.row.enumOpen = true;
        diagnostics.push({ severity: 'warning', line: f.row.pos.line, col: f.row.pos.col, message: `field \`${f.row.name}\`: the enum list is cut short (更多): kept the ${values.length} listed values as an open enum (enumOpen: true) — add the others from the doc site if it shows them` });
      }
    }
  }
  const example = get('示例值').join('\n');
  f.row.text = { kind: 'separate', ...(description.length > 0 && { description: description.join('\n') }), ...(example !== '' && { example }) };
}

/** `交易结算信息: trade_settle_info` (label first, the value after the last colon). */
function enumLine(text: string): { value: string; description: string } | undefined {
  const i = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
  if (i <= 0) return undefined;
  const value = text.slice(i + 1).trim();
  const label = text.slice(0, i).trim();
  return value === '' || label === '' ? undefined : { value, description: label };
}

/** `> > text` -> depth 2 and `text`. */
function unquote(line: string): { depth: number; text: string } {
  let depth = 0;
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] !== '>') break;
    depth++;
    i++;
  }
  return { depth, text: line.slice(i).trim() };
}

/** The request's biz_content (cURL `-F 'biz_content={...}'` or Java setBizContent) and the response bodies. */
function readExamples(request: readonly Line[], response: readonly Line[], diagnostics: LocalDiagnostic[]): PageExamples {
  const examples: PageExamples = {};
  const req = joined(request);
  const form = req.text.indexOf('biz_content=');
  if (form >= 0) {
    const start = req.text.indexOf('{', form);
    const close = start < 0 ? -1 : matchingBrace(req.text, start);
    if (close < 0) diagnostics.push({ severity: 'warning', ...req.pos(form), message: 'request example: biz_content= is not followed by a closed JSON object (is the page cut off?)' });
    else examples.request = { text: req.text.slice(start, close + 1), pos: req.pos(start), verbatim: true };
  } else {
    const call = extractBizContent(req.text);
    if (call?.ok) examples.request = { text: call.text, pos: req.pos(call.offset), verbatim: false };
    else if (call) diagnostics.push({ severity: 'warning', ...req.pos(call.offset), message: `request example: ${call.message}` });
  }
  const bodies = jsonBlocks(response);
  for (const [i, key] of (['response', 'error'] as const).entries()) {
    const b = bodies[i];
    if (!b) continue;
    const res = joined(b.lines);
    const start = res.text.indexOf('{');
    if (start < 0) {
      diagnostics.push({ severity: 'warning', line: b.fence.no, col: 1, message: `${key} example: the code block holds no JSON object (a signed string or other text): no example taken` });
      continue;
    }
    examples[key] = { text: res.text.slice(start), pos: res.pos(start), verbatim: true };
  }
  return examples;
}

/** The bodies of the ```json code blocks, in page order. */
function jsonBlocks(lines: readonly Line[]): { fence: Line; lines: Line[] }[] {
  const blocks: { fence: Line; lines: Line[] }[] = [];
  let current: { fence: Line; lines: Line[] } | undefined;
  let inOther = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (current) {
      if (t === '```') {
        blocks.push(current);
        current = undefined;
      } else current.lines.push(line);
    } else if (inOther) {
      if (t === '```') inOther = false;
    } else if (t.startsWith('```')) {
      if (t === '```json') current = { fence: line, lines: [] };
      else inOther = true;
    }
  }
  // A block the scrape cut off still counts: its JSON is then reported as broken.
  if (current) blocks.push(current);
  return blocks;
}

/** Lines as one text, with a way back from an offset to the doc position. */
function joined(lines: readonly Line[]): { text: string; pos: (offset: number) => Position } {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += `${l.text}\n`;
  }
  const pos = (offset: number): Position => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return lines[i] ? { line: lines[i]!.no, col: offset - starts[i]! + 1 } : { line: 1, col: 1 };
  };
  return { text, pos };
}

/** `method=alipay.trade.query` in a URL, else the `*_response` key, else an SDK request class. */
function findMethod(lines: readonly Line[]): { name: string; pos: Position } | undefined {
  for (const line of lines) {
    let from = 0;
    for (;;) {
      const i = line.text.indexOf('method=', from);
      if (i < 0) break;
      let j = i + 'method='.length;
      while (j < line.text.length && isMethodChar(line.text[j]!)) j++;
      const name = line.text.slice(i + 'method='.length, j);
      if (name.includes('.') && !name.startsWith('.') && !name.endsWith('.')) return { name, pos: { line: line.no, col: i + 8 } };
      from = j;
    }
  }
  for (const line of lines) {
    const i = line.text.indexOf('_response"');
    if (i < 0) continue;
    let start = i;
    while (start > 0 && (isMethodChar(line.text[start - 1]!) && line.text[start - 1] !== '.')) start--;
    if (line.text[start - 1] !== '"') continue;
    const key = line.text.slice(start, i);
    if (key.includes('_')) return { name: key.replaceAll('_', '.'), pos: { line: line.no, col: start + 1 } };
  }
  for (const line of lines) {
    const name = methodFromClass(line.text);
    if (name) return { name, pos: { line: line.no, col: 1 } };
  }
  return undefined;
}

/** `|code|description|solution|` rows (header and `|---|` rows skipped). */
function parseErrorTable(lines: readonly Line[]): ErrorRow[] {
  const errors: ErrorRow[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    if (!t.startsWith('|')) continue;
    const cells = t.slice(1, t.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
    const [code, description, ...solution] = cells;
    if (!code || code === '错误码' || [...code].every((c) => c === '-' || c === ':')) continue;
    const row: ErrorRow = { code, pos: at(line) };
    if (description) row.description = description;
    if (solution.join('|').trim() !== '') row.solution = solution.join('|').trim();
    errors.push(row);
  }
  return errors;
}

function at(line: Line): Position {
  return { line: line.no, col: 1 };
}
