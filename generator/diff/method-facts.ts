/**
 * The table of method facts: one comparator per property of MethodSpec (and of its error codes
 * and examples). Mapped types over the properties: a property added to the spec model does not
 * compile until it has an entry here.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ErrorCode, Examples, Field, MethodSpec } from '../spec/model.js';
import { change, child, matchBy, type At, type Change } from './change.js';
import { compareField, compareOneOf, fieldAdded, fieldRemoved } from './field-facts.js';

type MethodFacts = { readonly [K in keyof MethodSpec]-?: (a: MethodSpec, b: MethodSpec, at: At) => Change[] };
type ErrorFacts = { readonly [K in keyof ErrorCode]-?: (a: ErrorCode, b: ErrorCode, at: At) => Change[] };
type ExampleFacts = { readonly [K in keyof Examples]-?: (a: Examples, b: Examples, at: At) => Change[] };

function docs(fact: string, what: string, a: unknown, b: unknown, at: At): Change[] {
  if (isDeepStrictEqual(a, b)) return [];
  const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  return [change(at, fact, kind, 'docs', `${what} ${kind}`, { before: a, after: b })];
}

const ERROR_FACTS: ErrorFacts = {
  code: () => [], // error codes are matched by code
  description: (a, b, at) => docs('errors', 'error description', a.description, b.description, at),
  solution: (a, b, at) => docs('errors', 'error solution', a.solution, b.solution, at),
};

function compareErrors(a: MethodSpec, b: MethodSpec, at: At): Change[] {
  const { both, removed, added } = matchBy(a.errors, b.errors, (e) => e.code);
  const out: Change[] = [];
  // The generated `<Method>ErrorCode` is a union of the documented codes.
  for (const e of removed) {
    out.push(change(child(at, `errors.${e.code}`), 'errors', 'removed', 'breaking', `error code removed: code comparing sub_code with it no longer compiles`, { before: e.code }));
  }
  for (const e of added) out.push(change(child(at, `errors.${e.code}`), 'errors', 'added', 'feature', 'error code added', { after: e.code }));
  for (const [x, y] of both) for (const compare of Object.values(ERROR_FACTS)) out.push(...compare(x, y, child(at, `errors.${x.code}`)));
  return out;
}

const exampleFact = (key: keyof Examples) => (a: Examples, b: Examples, at: At) => docs('examples', `${key} example`, a[key], b[key], child(at, `examples.${key}`));
const EXAMPLE_FACTS: ExampleFacts = {
  request: exampleFact('request'),
  params: exampleFact('params'),
  response: exampleFact('response'),
  error: exampleFact('error'),
};

interface InputField {
  readonly field: Field;
  readonly side: 'request' | 'params';
}

const inputsOf = (s: MethodSpec): InputField[] => [
  ...s.request.map((field) => ({ field, side: 'request' as const })),
  ...(s.params ?? []).map((field) => ({ field, side: 'params' as const })),
];

/**
 * Request and params fields together: the generated Request type holds both in one object, so a
 * field moving between biz_content and the form params changes the wire, not the callers' code.
 */
function compareInputs(a: MethodSpec, b: MethodSpec, at: At): Change[] {
  const input = { ...at, flow: 'input' as const };
  const { both, removed, added } = matchBy(inputsOf(a), inputsOf(b), (f) => f.field.name);
  const out: Change[] = [];
  for (const f of removed) out.push(fieldRemoved(f.field, child(input, `${f.side}.${f.field.name}`)));
  for (const [x, y] of both) {
    const here = child(input, `${y.side}.${y.field.name}`);
    if (x.side !== y.side) out.push(change(here, 'field', 'moved', 'fix', `moved from ${x.side} to ${y.side} (same Request property)`, { before: x.side, after: y.side }));
    out.push(...compareField(x.field, y.field, here));
  }
  for (const f of added) out.push(fieldAdded(f.field, child(input, `${f.side}.${f.field.name}`)));
  return out;
}

function compareResponse(a: MethodSpec, b: MethodSpec, at: At): Change[] {
  const output = { ...at, flow: 'output' as const };
  const { both, removed, added } = matchBy(a.response, b.response, (f) => f.name);
  const out: Change[] = [];
  for (const f of removed) out.push(fieldRemoved(f, child(output, `response.${f.name}`)));
  for (const [x, y] of both) out.push(...compareField(x, y, child(output, `response.${x.name}`)));
  for (const f of added) out.push(fieldAdded(f, child(output, `response.${f.name}`)));
  return out;
}

/** Notification fields are read by the app's handler, like response fields. */
function compareNotify(a: MethodSpec, b: MethodSpec, at: At): Change[] {
  const output = { ...at, flow: 'output' as const };
  const { both, removed, added } = matchBy(a.notify ?? [], b.notify ?? [], (f) => f.name);
  const out: Change[] = [];
  for (const f of removed) out.push(fieldRemoved(f, child(output, `notify.${f.name}`)));
  for (const [x, y] of both) out.push(...compareField(x, y, child(output, `notify.${x.name}`)));
  for (const f of added) out.push(fieldAdded(f, child(output, `notify.${f.name}`)));
  return out;
}

/** The method kind decides what the generated function returns (a CallResult, a page request, an order string). */
function compareKind(a: MethodSpec, b: MethodSpec, at: At): Change[] {
  const before = a.kind ?? 'call';
  const after = b.kind ?? 'call';
  if (before === after) return [];
  return [change(child(at, 'kind'), 'kind', 'changed', 'breaking', `kind ${before} -> ${after}: the function's return type changes`, { before, after })];
}

export const METHOD_FACTS: MethodFacts = {
  kind: compareKind,
  notify: compareNotify,
  method: () => [], // methods are matched by name
  title: (a, b, at) => docs('title', 'title', a.title, b.title, at),
  description: (a, b, at) => docs('description', 'description', a.description, b.description, at),
  request: compareInputs,
  params: () => [], // compared with request (one Request type)
  response: compareResponse,
  errors: compareErrors,
  examples: (a, b, at) => Object.values(EXAMPLE_FACTS).flatMap((compare) => compare(a.examples ?? {}, b.examples ?? {}, at)),
  notes: (a, b, at) => docs('notes', 'notes', a.notes, b.notes, at),
  deprecated: (a, b, at) => docs('deprecated', 'deprecation note', a.deprecated, b.deprecated, at),
  oneOf: (a, b, at) => compareOneOf(a.oneOf, b.oneOf, { ...at, flow: 'input' }),
  // The v3 route changes the wire, not the callers' code (a method without one is called over v2).
  v3: (a, b, at) => (isDeepStrictEqual(a.v3, b.v3) ? [] : [change(child(at, 'v3'), 'v3', a.v3 === undefined ? 'added' : b.v3 === undefined ? 'removed' : 'changed', 'fix', 'v3 route changed', { before: a.v3, after: b.v3 })]),
};

export function compareMethod(a: MethodSpec, b: MethodSpec): Change[] {
  const at: At = { method: a.method, path: '', flow: 'input' };
  return Object.values(METHOD_FACTS).flatMap((compare) => compare(a, b, at));
}
