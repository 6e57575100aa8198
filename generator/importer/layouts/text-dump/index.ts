/**
 * The text-dump layout: the doc site's pages as plain text (the seeds, ../shared/seeds/*.txt).
 * Section headings are whole lines, parameter tables are `name Type 必填 32 description example`
 * rows, and nested fields are bullet groups that keep only a `└` mark, not their depth, so the
 * rows below a top-level row come out flat (to-spec rebuilds the tree).
 */
import type { Diagnostic } from '../../../diagnostics.js';
import { splitLines, type Line } from '../../lines.js';
import type { FlatRow, PageModel, ParamRow, Position } from '../../page-model.js';
import { notAPage, type LayoutResult } from '../layout.js';
import { parseErrorTable } from './errors-table.js';
import { readExamples } from './examples.js';
import { parseHeader } from './header.js';
import { findSection, sectionBody, splitSections } from './sections.js';
import { parseTable, type BulletGroup, type TopRow } from './table.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

export function parseTextDump(text: string): LayoutResult {
  const diagnostics: LocalDiagnostic[] = [];
  const fail = (line: number, message: string): LayoutResult => {
    diagnostics.push({ severity: 'error', line, col: 1, message });
    return { diagnostics };
  };

  const lines = splitLines(text);
  const end = lastNonBlank(lines);
  const notPage = notAPage(text, end !== 0);
  if (notPage !== undefined) return fail(1, notPage);

  const split = splitSections(lines);
  const header = parseHeader(split.preamble);
  if (!header.ok) return fail(header.line, header.message);
  for (const dup of split.duplicates) diagnostics.push({ severity: 'error', line: dup.no, col: 1, message: `section ${dup.text} appears twice` });

  const examples = readExamples({
    request: findSection(split, '请求示例'),
    response: findSection(split, '响应示例'),
    error: findSection(split, '异常示例'),
  });
  diagnostics.push(...examples.diagnostics);
  const request = parseTable(sectionBody(findSection(split, '请求参数')));
  diagnostics.push(...request.diagnostics);
  const response = parseTable(sectionBody(findSection(split, '响应参数')));
  diagnostics.push(...response.diagnostics);

  const page: PageModel = {
    layout: 'text-dump',
    method: header.header.method,
    header: { line: header.header.line, col: 1 },
    sections: split.sections.map((s) => ({ name: s.name, pos: { line: s.line, col: 1 } })),
    end: { line: end, col: 1 },
    request: request.rows.map(toParamRow),
    response: response.rows.map(toParamRow),
    examples: examples.examples,
    errors: parseErrorTable(sectionBody(findSection(split, '业务错误码'))),
  };
  if (header.header.title) page.title = header.header.title;
  if (header.header.description) page.description = header.header.description;
  return { page, diagnostics };
}

function toParamRow(row: TopRow): ParamRow {
  const { type, required, maxLength } = row;
  return {
    name: row.name,
    pos: at(row.line),
    type,
    required,
    maxLength,
    text: { kind: 'joined', lines: row.tail.map((l) => ({ line: l.no, text: l.text })) },
    nested: row.bullets.length > 0 ? { kind: 'flat', rows: row.bullets.map(toFlatRow) } : { kind: 'tree', children: [] },
  };
}

function toFlatRow(b: BulletGroup): FlatRow {
  const text: FlatRow['text'] = { kind: 'separate' };
  if (b.description !== undefined) text.description = b.description;
  if (b.example !== undefined) text.example = b.example;
  return { name: b.name, pos: at(b.line), type: b.type, required: b.required, maxLength: b.maxLength, text, marked: b.marker };
}

function at(line: number): Position {
  return { line, col: 1 };
}

function lastNonBlank(lines: readonly Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.text.trim() !== '') return lines[i]!.no;
  return 0;
}
