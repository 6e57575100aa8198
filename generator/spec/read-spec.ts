/**
 * The top level of a spec file: method, title, description, request, response, errors,
 * examples, notes, deprecated. Builds the MethodSpec and reports every problem it meets.
 */
import { isMap, type Document } from 'yaml';
import { PARAM_TYPES, type ErrorCode, type Examples, type Field, type MethodSpec } from './model.js';
import { checkRequestExample, checkResponseExample } from './check-examples.js';
import { readFieldMap } from './read-fields.js';
import { readObjectConstraints } from './read-object.js';
import { readKind, readNotify } from './read-kind.js';
import { readDeprecated, readEntries, readList, readString, type Entry, type Reader } from './reader.js';
import { findPair, toPlain } from './yaml-ast.js';
import { readV3Route } from './v3-route.js';

export const TOP_KEYS = ['method', 'kind', 'title', 'description', 'request', 'params', 'oneOf', 'response', 'notify', 'errors', 'examples', 'notes', 'deprecated', 'v3'] as const;
const ERROR_KEYS = ['code', 'description', 'solution'] as const;
const EXAMPLE_KEYS = ['request', 'params', 'response', 'error'] as const;

/** Method names are dot-separated words; they also name the file and the generated modules. */
const METHOD_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+$/;

/** A gateway method's wire name as the spec format accepts it: dotted words of `[A-Za-z0-9_]`. The one definition. */
export function isMethodName(name: string): boolean {
  return METHOD_NAME.test(name);
}

/**
 * The longest method name (ASCII, so bytes = characters). It names files: the longest one
 * generate writes is `dist/methods/<name><_n>.d.ts`, through the temp file
 * `.<file>.<pid>.<counter>.alipay-codegen-tmp` (generator/write/temp.ts), and a file name has at
 * most 255 bytes (NAME_MAX). Budget: 255 - 1 (`.`) - 4 (`_n` of a case clash, up to `_999`)
 * - 5 (`.d.ts`) - 8 (`.` pid, 7 digits) - 11 (`.` counter, 10 digits) - 19 (`.alipay-codegen-tmp`)
 * = 207; 200 leaves room. The longest name in the method catalogue has far fewer characters.
 */
export const MAX_METHOD_NAME_LENGTH = 200;

/** Returns the spec when its required parts could be read (problems are in `r.diagnostics`). */
export function readSpec(r: Reader, doc: Document.Parsed): MethodSpec | undefined {
  if (doc.contents === null) {
    r.report(undefined, [], 'empty spec: expected a map with method, request and response');
    return undefined;
  }
  const entries = readEntries(r, doc.contents, [], TOP_KEYS);
  if (!entries) return undefined;
  const get = (k: string) => entries.find((e) => e.name === k);
  const missing = (k: string) => r.report(doc.contents, [], `missing required key "${k}"`);

  const methodEntry = get('method');
  let method: string | undefined;
  if (!methodEntry) missing('method');
  else {
    method = readString(r, methodEntry.value, ['method']);
    if (method !== undefined && method.length > MAX_METHOD_NAME_LENGTH) {
      r.report(methodEntry.value, ['method'], `method name is ${method.length} characters long; at most ${MAX_METHOD_NAME_LENGTH} (it names the generated files)`);
      method = undefined;
    } else if (method !== undefined && !isMethodName(method)) {
      r.report(methodEntry.value, ['method'], `"${method}" is not a method name such as alipay.trade.query`);
      method = undefined;
    }
  }
  const request = readFields(r, get('request'), 'request', missing);
  const paramsEntry = get('params');
  const params = paramsEntry ? readParams(r, paramsEntry, request) : undefined;
  const response = readFields(r, get('response'), 'response', missing);

  const kindEntry = get('kind');
  const kind = kindEntry ? readKind(r, kindEntry) : undefined;
  const notifyEntry = get('notify');
  const notify = notifyEntry ? readNotify(r, notifyEntry) : undefined;

  const spec: MethodSpec = { method: method ?? '', request: request ?? [], response: response ?? [], errors: [] };
  if (params) spec.params = params;
  // One-of groups of the request name fields of biz_content and top-level params alike (one Request object).
  if (request) readObjectConstraints(r, get, [...request, ...(params ?? [])], undefined, [], spec, true);
  if (kind) spec.kind = kind;
  if (notify) spec.notify = notify;
  const title = get('title');
  if (title) spec.title = readString(r, title.value, ['title']);
  const description = get('description');
  if (description) spec.description = readString(r, description.value, ['description']);
  const errors = get('errors');
  if (errors) spec.errors = readErrors(r, errors.value);
  const notes = get('notes');
  if (notes) spec.notes = readList(r, notes.value, ['notes'])?.map((n, i) => readString(r, n, ['notes', i]) ?? '');
  const deprecated = get('deprecated');
  if (deprecated) spec.deprecated = readDeprecated(r, deprecated.value, ['deprecated']);
  const v3 = get('v3');
  if (v3) spec.v3 = readV3Route(r, v3, method, [...(request ?? []), ...(params ?? [])]);
  const examples = get('examples');
  if (examples) spec.examples = readExamples(r, examples, method, request, params ?? [], response);

  for (const [k, v] of Object.entries(spec)) if (v === undefined) delete (spec as unknown as Record<string, unknown>)[k];
  return method !== undefined && request && response && (!paramsEntry || params) && (!kindEntry || kind) && (!notifyEntry || notify) ? spec : undefined;
}

/**
 * Top-level form params: scalars only (the form carries strings; an object there has no wire
 * form), and no name shared with `request` (the runtime could not tell where to send it).
 */
function readParams(r: Reader, entry: Entry, request: Field[] | undefined): Field[] | undefined {
  const params = readFieldMap(r, entry.value, ['params']);
  if (!params) return undefined;
  let ok = true;
  for (const p of params) {
    const node = isMap(entry.value) ? findPair(entry.value, p.name) : undefined;
    if (!PARAM_TYPES.includes(p.type)) {
      const typeNode = isMap(node?.value) ? findPair(node.value, 'type')?.value : undefined;
      r.report(typeNode ?? node?.key, ['params', p.name, 'type'], `a top-level param must be a scalar or a file (${PARAM_TYPES.join(', ')}), not ${p.type}`);
      ok = false;
    }
    if (request?.some((f) => f.name === p.name)) {
      r.report(node?.key, ['params', p.name], `"${p.name}" is both a request field (biz_content) and a top-level param`);
      ok = false;
    }
  }
  return ok ? params : undefined;
}

function readFields(r: Reader, entry: Entry | undefined, key: string, missing: (k: string) => void): Field[] | undefined {
  if (!entry) {
    missing(key);
    return undefined;
  }
  // `request: {}` is a method without business params; `request:` alone is almost surely a slip.
  return readFieldMap(r, entry.value, [key]);
}

function readErrors(r: Reader, node: unknown): ErrorCode[] {
  const items = readList(r, node, ['errors']) ?? [];
  const errors: ErrorCode[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const entries = readEntries(r, item, ['errors', i], ERROR_KEYS);
    if (!entries) return;
    const code = entries.find((e) => e.name === 'code');
    if (!code) {
      r.report(item, ['errors', i], 'missing required key "code"');
      return;
    }
    const error: ErrorCode = { code: readString(r, code.value, ['errors', i, 'code']) ?? '' };
    if (seen.has(error.code)) r.report(code.value, ['errors', i, 'code'], `duplicate error code "${error.code}"`, 'warning');
    seen.add(error.code);
    for (const k of ['description', 'solution'] as const) {
      const e = entries.find((x) => x.name === k);
      const text = e ? readString(r, e.value, ['errors', i, k]) : undefined;
      if (text !== undefined) error[k] = text;
    }
    errors.push(error);
  });
  return errors;
}

function readExamples(
  r: Reader,
  entry: Entry,
  method: string | undefined,
  request: Field[] | undefined,
  params: Field[],
  response: Field[] | undefined,
): Examples | undefined {
  const entries = readEntries(r, entry.value, ['examples'], EXAMPLE_KEYS);
  if (!entries) return undefined;
  const examples: Examples = {};
  for (const e of entries) {
    examples[e.name as keyof Examples] = toPlain(e.value);
    if (e.name === 'request' && request) checkRequestExample(r, e.value, request);
    if (e.name === 'params') checkRequestExample(r, e.value, params, 'params');
    if ((e.name === 'response' || e.name === 'error') && method !== undefined && response) {
      checkResponseExample(r, e.value, method, response, e.name as 'response' | 'error');
    }
  }
  return examples;
}
