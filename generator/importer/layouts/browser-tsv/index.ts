/**
 * The old doc site as copied from a browser (../shared/docs-samples/*.tsv.txt): the seed page's
 * content and section headings, but table cells separated by tabs, a cell's line breaks splitting
 * its row over several lines, and required markers that differ by table (是/否, 必选/可选,
 * 必填/选填). The tab widget labels `业务错误码` and `公共错误码` can stand next to each other, with
 * the business table after both. Header, sections and examples read as in the text dump.
 */
import type { Diagnostic } from '../../../diagnostics.js';
import { splitLines, type Line } from '../../lines.js';
import type { ErrorRow, PageModel } from '../../page-model.js';
import { notAPage, type LayoutResult } from '../layout.js';
import { readExamples } from '../text-dump/examples.js';
import { parseHeader } from '../text-dump/header.js';
import { findSection, splitSections, type SplitPage } from '../text-dump/sections.js';
import { parseTsvErrors } from './errors-table.js';
import { responseNode } from '../../to-spec/index.js';
import { isTableHeader, parseTsvTable, type NestedEvidence } from './table.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

/** A browser copy: a parameter table header whose cells are tab-separated. */
export function looksLikeBrowserTsv(text: string): boolean {
  return /^参数\t+类型\t/m.test(text);
}

export function parseBrowserTsv(text: string): LayoutResult {
  const diagnostics: LocalDiagnostic[] = [];
  const fail = (message: string, line = 1): LayoutResult => ({ diagnostics: [...diagnostics, { severity: 'error', line, col: 1, message }] });
  const lines = splitLines(text);
  const end = [...lines].reverse().find((l) => l.text.trim() !== '');
  const notPage = notAPage(text, end !== undefined);
  if (!end || notPage !== undefined) return fail(notPage ?? 'the file is empty');

  const split = splitSections(lines);
  const header = parseHeader(split.preamble);
  if (!header.ok) return fail(header.message, header.line);
  for (const dup of split.duplicates) diagnostics.push({ severity: 'error', line: dup.no, col: 1, message: `section ${dup.text} appears twice` });

  const examples = readExamples({ request: findSection(split, '请求示例'), response: findSection(split, '响应示例'), error: findSection(split, '异常示例') });
  diagnostics.push(...examples.diagnostics);
  const requestExample = parsed(examples.examples.request?.text);
  const responseExample = responseNode(parsed(examples.examples.response?.text), header.header.method);
  const request = parseTsvTable(findSection(split, '请求参数')?.lines ?? [], '请求参数', evidence(requestExample));
  const response = parseTsvTable(findSection(split, '响应参数')?.lines ?? [], '响应参数', evidence(responseExample));
  diagnostics.push(...request.diagnostics, ...response.diagnostics);
  const errors = readErrors(split, lines);
  diagnostics.push(...errors.diagnostics);

  const page: PageModel = {
    layout: 'browser-tsv',
    method: header.header.method,
    header: { line: header.header.line, col: 1 },
    sections: split.sections.map((s) => ({ name: s.name, pos: { line: s.line, col: 1 } })),
    end: { line: end.no, col: 1 },
    request: request.rows,
    response: response.rows,
    examples: examples.examples,
    errors: errors.errors,
  };
  if (header.header.title) page.title = header.header.title;
  if (header.header.description) page.description = header.header.description;
  return { page, diagnostics };
}

/**
 * The business error rows: under 业务错误码, or, when that label is directly followed by the
 * 公共错误码 label (the two tabs of the page), in the table after both.
 */
function readErrors(split: SplitPage, lines: readonly Line[]): { errors: ErrorRow[]; diagnostics: LocalDiagnostic[] } {
  const business = findSection(split, '业务错误码');
  if (!business) return { errors: [], diagnostics: [] };
  const heading = lines[business.line - 1]!;
  const empty = business.lines.every((l) => l.text.trim() === '');
  const next = split.sections[split.sections.indexOf(business) + 1];
  const body = empty && next?.name === '公共错误码' ? next.lines : business.lines;
  // A parameter table here would mean the page's sections are out of order: not error rows.
  if (body.some((l) => isTableHeader(l.text))) return { errors: [], diagnostics: [{ severity: 'warning', line: heading.no, col: 1, message: 'section 业务错误码 holds a parameter table, not an error table: no error codes taken' }] };
  return parseTsvErrors(body, heading);
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // to-spec reports the broken example; here it only is no evidence.
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `name` is a key somewhere below `root[top]` and not a key of `root`. */
function evidence(root: unknown): NestedEvidence {
  return (top, name) => isObject(root) && !Object.hasOwn(root, name) && Object.hasOwn(root, top) && hasKeyBelow(root[top], name);
}

function hasKeyBelow(value: unknown, name: string): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) {
      if (Object.hasOwn(v, name)) return true;
      stack.push(...Object.values(v));
    }
  }
  return false;
}
