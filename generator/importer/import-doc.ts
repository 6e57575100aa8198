/**
 * One doc page -> MethodSpec plus diagnostics. Errors mean the page cannot be imported (not a
 * method page, cut off before or inside its request parameters, unreadable rows); warnings mark
 * places the reviewer must check but do not stop the import.
 */
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { PARAM_TYPES, type MethodSpec } from '../spec/model.js';
import { setterKey, type JavaSetter } from './java.js';
import { parseErrorTable } from './errors-table.js';
import { parseExamples } from './examples.js';
import { buildFields } from './fields.js';
import { parseHeader } from './header.js';
import { splitLines } from './lines.js';
import { findSection, sectionBody, splitSections, type SectionName } from './sections.js';
import { parseTable } from './table.js';

export interface ImportResult {
  /** Absent when there are errors. */
  spec?: MethodSpec;
  diagnostics: Diagnostic[];
}

/** Sections every complete method page has after its request parameters. */
const EXPECTED_LATER: readonly SectionName[] = ['响应参数', '请求示例', '响应示例', '异常示例', '业务错误码'];

export function importDoc(text: string, file: string): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const add = (d: Omit<Diagnostic, 'file'>): void => void diagnostics.push({ file, ...d });
  const fail = (line: number, message: string): ImportResult => {
    add({ severity: 'error', line, col: 1, message });
    return { diagnostics: sortDiagnostics(diagnostics) };
  };

  const lines = splitLines(text);
  const lastLine = lastNonBlank(lines);
  if (lastLine === 0) return fail(1, 'the file is empty: expected an Alipay method doc page');
  if (text.includes('\u0000')) return fail(1, 'not an Alipay method doc page: the file is binary');

  const page = splitSections(lines);
  const header = parseHeader(page.preamble);
  if (!header.ok) return fail(header.line, header.message);
  for (const dup of page.duplicates) add({ severity: 'error', line: dup.no, col: 1, message: `section ${dup.text} appears twice` });

  const request = findSection(page, '请求参数');
  if (!request) return fail(lastLine, 'no 请求参数 section: the page is cut off before its request parameters, or is not a method page');
  const requestIndex = page.sections.indexOf(request);
  if (requestIndex === page.sections.length - 1) {
    return fail(lastLine, 'the page ends inside its request parameters (no section follows 请求参数): it is cut off');
  }
  const missing = EXPECTED_LATER.filter((name) => !findSection(page, name));
  if (missing.length > 0) {
    add({ severity: 'warning', line: lastLine, col: 1, message: `no ${missing.join(', ')} section: the page may be cut off` });
  }

  const examples = parseExamples({
    request: findSection(page, '请求示例'),
    response: findSection(page, '响应示例'),
    error: findSection(page, '异常示例'),
  });
  examples.diagnostics.forEach(add);

  const method = header.header.method;
  const requestTable = parseTable(sectionBody(request));
  requestTable.diagnostics.forEach(add);
  // A Java example with param setters and no setBizContent: the rows are top-level form params.
  const setterStyle = examples.setters.length > 0;
  const paramsExample = setterStyle ? setterExample(requestTable.rows.map((r) => r.name), examples.setters) : undefined;
  const requestFields = buildFields(requestTable.rows, setterStyle ? paramsExample : examples.examples.request);
  requestFields.diagnostics.forEach(add);
  const nonScalar = setterStyle ? requestFields.fields.find((f) => !PARAM_TYPES.includes(f.type)) : undefined;
  if (nonScalar) {
    add({ severity: 'warning', line: request.line, col: 1, message: `the request example uses setters, but \`${nonScalar.name}\` is ${nonScalar.type}: the params are kept in biz_content, review them` });
  }
  const asParams = setterStyle && !nonScalar;

  const responseTable = parseTable(sectionBody(findSection(page, '响应参数')));
  responseTable.diagnostics.forEach(add);
  const responseFields = buildFields(responseTable.rows, responseObject(examples.examples.response, method));
  responseFields.diagnostics.forEach(add);

  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };

  const spec: MethodSpec = {
    method,
    request: asParams ? [] : requestFields.fields,
    ...(asParams && { params: requestFields.fields }),
    response: responseFields.fields,
    errors: parseErrorTable(sectionBody(findSection(page, '业务错误码'))),
  };
  if (header.header.title) spec.title = header.header.title;
  if (header.header.description) spec.description = header.header.description;
  if (asParams && paramsExample !== undefined && Object.keys(paramsExample).length > 0) examples.examples.params = paramsExample;
  if (Object.keys(examples.examples).length > 0) spec.examples = examples.examples;
  return { spec, diagnostics: sortDiagnostics(diagnostics) };
}

/** The business object of a response body: `<method with _>_response`, else the one `*_response` key. */
export function responseObject(body: unknown, method: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const key = `${method.replace(/\./g, '_')}_response`;
  if (Object.hasOwn(record, key)) return record[key];
  const keys = Object.keys(record).filter((k) => k.endsWith('_response'));
  return keys.length === 1 ? record[keys[0]!] : undefined;
}

/**
 * The example of the top-level params: each row's value from its setter (`grant_type` from
 * `setGrantType("...")`), in row order. A setter matching no row, or several, gives nothing.
 */
function setterExample(rowNames: readonly string[], setters: readonly JavaSetter[]): Record<string, string> {
  const example: Record<string, string> = {};
  for (const name of rowNames) {
    const key = setterKey(name);
    if (rowNames.filter((n) => setterKey(n) === key).length > 1) continue;
    const setter = setters.find((s) => setterKey(s.name) === key);
    if (setter?.value !== undefined) Object.defineProperty(example, name, { value: setter.value, enumerable: true, writable: true, configurable: true });
  }
  return example;
}

function lastNonBlank(lines: readonly { no: number; text: string }[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.text.trim() !== '') return lines[i]!.no;
  return 0;
}
