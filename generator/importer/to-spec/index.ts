/**
 * Any page model -> MethodSpec plus diagnostics. Errors mean the page cannot be imported (cut
 * off before or inside its request parameters, unreadable rows); warnings mark places the
 * reviewer must check but do not stop the import. Whatever the page contradicts itself on is
 * dropped with a warning (consistency.ts), so a spec returned here is one `validate` accepts.
 */
import { MAX_METHOD_NAME_LENGTH } from '../../spec/read-spec.js';
import type { Diagnostic } from '../../diagnostics.js';
import { responseNodeKey } from '../../../templates/runtime/index.js';
import { PARAM_TYPES, type Examples, type Field, type MethodSpec } from '../../spec/model.js';
import type { PageModel, RawText, SectionName } from '../page-model.js';
import { isRecord, reconcileExample, reconcileFields } from './consistency.js';
import { jsonWarning, parseExampleJson } from './examples.js';
import { buildFields, type FieldPositions } from './fields.js';
import { paramsExample } from './params.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

export interface ToSpecResult {
  /** Absent when there are errors. */
  spec?: MethodSpec;
  diagnostics: LocalDiagnostic[];
}

/** Sections every complete method page has after its request parameters. */
const EXPECTED_LATER: readonly SectionName[] = ['响应参数', '请求示例', '响应示例', '异常示例', '业务错误码'];

/** Keys of a response node that belong to the gateway protocol, not to the response table. */
const COMMON_RESPONSE_KEYS = ['code', 'msg', 'sub_code', 'sub_msg'];

export function toSpec(page: PageModel): ToSpecResult {
  const diagnostics: LocalDiagnostic[] = [];
  const fail = (message: string): ToSpecResult => {
    diagnostics.push({ severity: 'error', line: page.end.line, col: page.end.col, message });
    return { diagnostics };
  };

  // The spec's file names come from the method: a longer name could not be written (the loader's limit).
  if (page.method.length > MAX_METHOD_NAME_LENGTH) {
    diagnostics.push({
      severity: 'error',
      line: page.header.line,
      col: page.header.col,
      message: `method name is ${page.method.length} characters long; at most ${MAX_METHOD_NAME_LENGTH} (it names the spec and generated files)`,
    });
    return { diagnostics };
  }

  const names = page.sections.map((s) => s.name);
  const requestIndex = names.indexOf('请求参数');
  if (requestIndex < 0) return fail('no 请求参数 section: the page is cut off before its request parameters, or is not a method page');
  if (requestIndex === names.length - 1) return fail('the page ends inside its request parameters (no section follows 请求参数): it is cut off');
  const missing = EXPECTED_LATER.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    diagnostics.push({ severity: 'warning', line: page.end.line, col: page.end.col, message: `no ${missing.join(', ')} section: the page may be cut off` });
  }

  const json = (raw: RawText | undefined, what: string): unknown => {
    if (!raw) return undefined;
    const parsed = parseExampleJson(raw, what);
    if (parsed.ok) return parsed.value;
    diagnostics.push(jsonWarning(parsed));
    return undefined;
  };
  const request = json(page.examples.request, 'request example (setBizContent)');
  const response = json(page.examples.response, 'response example');
  const error = json(page.examples.error, 'error example');

  const where: FieldPositions = new Map();
  // A request example with param setters and no biz_content: the rows are top-level form params.
  const setters = page.examples.params ?? [];
  const setterStyle = setters.length > 0;
  const params = setterStyle ? paramsExample(page.request.map((r) => r.name), setters) : undefined;
  const requestFields = buildFields(page.request, setterStyle ? params : request, where, { stated: page.requestOneOf, what: 'in the request' });
  diagnostics.push(...requestFields.diagnostics);
  // An upload (a file row) sends every param top-level, as multipart fields beside the file (Java's AlipayUploadRequest).
  const upload = requestFields.fields.some((f) => f.type === 'file');
  const nonScalar = setterStyle || upload ? requestFields.fields.find((f) => !PARAM_TYPES.includes(f.type)) : undefined;
  const requestSection = page.sections[requestIndex]!.pos;
  if (nonScalar) {
    const why = setterStyle ? 'the request example uses setters' : 'the method uploads a file';
    diagnostics.push({ severity: 'warning', line: requestSection.line, col: requestSection.col, message: `${why}, but \`${nonScalar.name}\` is ${nonScalar.type}: the params are kept in biz_content, review them` });
  }
  const asParams = (setterStyle || upload) && !nonScalar;

  const responseFields = buildFields(page.response, responseNode(response, page.method), where);
  diagnostics.push(...responseFields.diagnostics);
  // The format holds one-of groups for requests and objects; a response's own level has none.
  for (const g of page.responseOneOf ?? []) {
    warnAt(diagnostics, g.pos, `one-of group (${g.names.map((n) => `\`${n}\``).join(', ')}) in the response: not kept (a response has no one-of groups at its top level); its fields stay conditional`);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  reconcileFields(requestFields.fields, asParams ? 'params' : 'request', where, diagnostics);
  reconcileFields(responseFields.fields, 'response', where, diagnostics);

  const spec: MethodSpec = {
    method: page.method,
    request: asParams ? [] : requestFields.fields,
    ...(asParams && { params: requestFields.fields }),
    ...(requestFields.oneOf.length > 0 && { oneOf: requestFields.oneOf }),
    response: responseFields.fields,
    errors: page.errors.map(({ code, description, solution }) => ({ code, ...(description !== undefined && { description }), ...(solution !== undefined && { solution }) })),
  };
  if (page.title) spec.title = page.title;
  if (page.description) spec.description = page.description;

  const examples: Examples = {};
  if (request !== undefined) {
    const pos = page.examples.request!.pos;
    if (!isRecord(request)) warnAt(diagnostics, pos, 'request example (setBizContent): biz_content is not a JSON object: dropped the example');
    else examples.request = asParams ? request : reconcileExample(request, requestFields.fields, 'request example', pos, diagnostics);
  }
  if (asParams && params !== undefined && Object.keys(params).length > 0) {
    examples.params = reconcileExample(params, requestFields.fields, 'request example (params)', setters[0]!.pos, diagnostics, { reading: 'text' });
  }
  for (const [key, body] of [['response', response], ['error', error]] as const) {
    if (body === undefined) continue;
    const pos = page.examples[key]!.pos;
    if (!isRecord(body)) {
      warnAt(diagnostics, pos, `${key} example: the response body is not a JSON object: dropped the example`);
      continue;
    }
    examples[key] = reconcileBody(body, page.method, responseFields.fields, `${key} example`, pos, diagnostics);
  }
  if (Object.keys(examples).length > 0) spec.examples = examples;
  return { spec, diagnostics };
}

/** The business object of a response body: `<method with _>_response`, else the one `*_response` key. */
export function responseNode(body: unknown, method: string): unknown {
  if (!isRecord(body)) return undefined;
  const key = responseNodeKey(method);
  if (Object.hasOwn(body, key)) return body[key];
  const keys = Object.keys(body).filter((k) => k.endsWith('_response'));
  return keys.length === 1 ? body[keys[0]!] : undefined;
}

/** The body with its `<method>_response` node fitted to the response fields (the node the loader checks). */
function reconcileBody(body: Record<string, unknown>, method: string, fields: readonly Field[], what: string, pos: RawText['pos'], diagnostics: LocalDiagnostic[]): Record<string, unknown> {
  const key = responseNodeKey(method);
  if (!Object.hasOwn(body, key)) return body;
  const node = body[key];
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(body)) {
    let value = body[k];
    if (k === key) {
      if (!isRecord(node)) {
        warnAt(diagnostics, pos, `${what}: \`${key}\` is not a JSON object: dropped it from the example`);
        continue;
      }
      value = reconcileExample(node, fields, what, pos, diagnostics, { extraKeys: COMMON_RESPONSE_KEYS });
    }
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function warnAt(diagnostics: LocalDiagnostic[], pos: RawText['pos'], message: string): void {
  diagnostics.push({ severity: 'warning', line: pos.line, col: pos.col, message });
}
