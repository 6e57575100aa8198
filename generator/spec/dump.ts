/**
 * MethodSpec -> the YAML text of `specs/<method>.yaml`. Deterministic (fixed key order, no line
 * folding) and built as a YAML AST, never from strings or a JS object keyed by wire name: names
 * such as `__proto__`, `1` or `a b` then round-trip exactly and stay in doc order, and the `yaml`
 * library quotes whatever would read back as another type ('0000001', 'true', '').
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, parse } from 'yaml';
import { UserError } from '../diagnostics.js';
import { specLimitProblem, specTooLarge } from './limits.js';
import type { EnumValue, ErrorCode, Field, Items, MethodSpec, Shape } from './model.js';
import { v3RouteNode } from './v3-route.js';

/** First line of every spec: lets editors complete and check specs against the JSON Schema. */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../generator/spec/spec.schema.json';

/**
 * The spec as YAML. Throws a UserError for a spec past the documented limits (spec/limits.ts):
 * the loader would refuse it, and the nesting limit keeps the recursive writer off the stack's end.
 */
export function dumpSpec(spec: MethodSpec): string {
  const problem = specLimitProblem(spec);
  if (problem !== undefined) throw new UserError(`${spec.method}: cannot write the spec: ${problem}`);
  const text = buildYaml(spec);
  const tooLarge = specTooLarge(text);
  if (tooLarge !== undefined) throw new UserError(`${spec.method}: cannot write the spec: ${tooLarge}`);
  return text;
}

function buildYaml(spec: MethodSpec): string {
  const root = new YAMLMap();
  add(root, 'method', str(spec.method));
  if (spec.kind !== undefined) add(root, 'kind', str(spec.kind));
  if (spec.title !== undefined) add(root, 'title', str(spec.title));
  if (spec.description !== undefined) add(root, 'description', str(spec.description));
  if (spec.deprecated !== undefined) add(root, 'deprecated', value(spec.deprecated));
  if (spec.v3 !== undefined) add(root, 'v3', v3RouteNode(spec.v3));
  add(root, 'request', fieldMap(spec.request));
  if (spec.params !== undefined) add(root, 'params', fieldMap(spec.params));
  if (spec.oneOf !== undefined && spec.oneOf.length > 0) add(root, 'oneOf', oneOfNode(spec.oneOf));
  add(root, 'response', fieldMap(spec.response));
  if (spec.notify !== undefined) add(root, 'notify', fieldMap(spec.notify));
  add(root, 'errors', seq(spec.errors.map(errorNode)));
  if (spec.examples) {
    const examples = new YAMLMap();
    for (const key of ['request', 'params', 'response', 'error'] as const) {
      if (spec.examples[key] !== undefined) add(examples, key, json(spec.examples[key]));
    }
    add(root, 'examples', examples);
  }
  if (spec.notes !== undefined) add(root, 'notes', seq(spec.notes.map(str)));
  const doc = new Document();
  doc.contents = root;
  return `${SCHEMA_COMMENT}\n${doc.toString({ lineWidth: 0, minContentWidth: 0, singleQuote: true, indent: 2 })}`;
}

function fieldMap(fields: readonly Field[]): YAMLMap {
  const map = new YAMLMap();
  if (fields.length === 0) map.flow = true;
  for (const field of fields) map.items.push(new Pair(str(field.name), fieldNode(field)));
  return map;
}

/** Key order: type, model, required, requiredIf, maxLength, description, example, enum, fields/items, extras. */
function fieldNode(field: Field): YAMLMap {
  const map = new YAMLMap();
  add(map, 'type', str(field.type));
  if (field.model !== undefined) add(map, 'model', str(field.model));
  add(map, 'required', value(field.required));
  if (field.requiredIf) {
    const r = new YAMLMap();
    r.flow = true;
    add(r, 'field', str(field.requiredIf.field));
    if (field.requiredIf.equals !== undefined) add(r, 'equals', str(field.requiredIf.equals));
    add(map, 'requiredIf', r);
  }
  if (field.maxLength !== undefined) add(map, 'maxLength', value(field.maxLength));
  if (field.description !== undefined) add(map, 'description', str(field.description));
  if (field.example !== undefined) add(map, 'example', value(field.example));
  shapeTail(map, field);
  if (field.deprecated !== undefined) add(map, 'deprecated', value(field.deprecated));
  return map;
}

function itemsNode(items: Items): YAMLMap {
  const map = new YAMLMap();
  add(map, 'type', str(items.type));
  if (items.model !== undefined) add(map, 'model', str(items.model));
  if (items.maxLength !== undefined) add(map, 'maxLength', value(items.maxLength));
  shapeTail(map, items);
  return map;
}

function shapeTail(map: YAMLMap, shape: Shape): void {
  if (shape.enum) add(map, 'enum', seq(shape.enum.map(enumNode)));
  if (shape.enumOpen === true) add(map, 'enumOpen', value(true));
  if (shape.fields) add(map, 'fields', fieldMap(shape.fields));
  if (shape.oneOf !== undefined && shape.oneOf.length > 0) add(map, 'oneOf', oneOfNode(shape.oneOf));
  if (shape.items) add(map, 'items', itemsNode(shape.items));
}

/** `[[a, b], [c, d]]`: one flow list of names per group. */
function oneOfNode(groups: readonly (readonly string[])[]): YAMLSeq {
  const s = seq(groups.map((g) => {
    const group = seq(g.map(str));
    group.flow = true;
    return group;
  }));
  s.flow = true;
  return s;
}

function enumNode(e: EnumValue): YAMLMap {
  const map = new YAMLMap();
  map.flow = true;
  add(map, 'value', str(e.value));
  if (e.description !== undefined) add(map, 'description', str(e.description));
  return map;
}

function errorNode(e: ErrorCode): YAMLMap {
  const map = new YAMLMap();
  map.flow = true;
  add(map, 'code', str(e.code));
  if (e.description !== undefined) add(map, 'description', str(e.description));
  if (e.solution !== undefined) add(map, 'solution', str(e.solution));
  return map;
}

/** A parsed JSON value (an example) as YAML nodes; object keys in insertion order. */
function json(v: unknown): Scalar | YAMLMap | YAMLSeq {
  if (Array.isArray(v)) return seq(v.map(json));
  if (typeof v === 'object' && v !== null) {
    const map = new YAMLMap();
    const entries = Object.keys(v);
    if (entries.length === 0) map.flow = true;
    for (const key of entries) map.items.push(new Pair(str(key), json((v as Record<string, unknown>)[key])));
    return map;
  }
  return typeof v === 'string' ? str(v) : value(v as number | boolean | null);
}

function seq(nodes: (Scalar | YAMLMap | YAMLSeq)[]): YAMLSeq {
  const s = new YAMLSeq();
  if (nodes.length === 0) s.flow = true;
  s.items.push(...nodes);
  return s;
}

/**
 * Multi-line text as a `|-` block scalar, the readable form for doc descriptions. Single-line text
 * that a YAML 1.1 reader would take for something else (`2014-02-20 21:20:46`, `yes`, `0x1F`) is
 * quoted too, so specs read the same in every editor and tool, not only in YAML 1.2 ones.
 */
function str(text: string): Scalar {
  const s = new Scalar(text);
  if (text.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
  else if (readsAsOtherIn11(text)) s.type = Scalar.QUOTE_SINGLE;
  return s;
}

/**
 * Flow collections nested this deep in a text are never a YAML 1.1 scalar, and the yaml library
 * parses them slowly (a deep `{{{...` is a flow map keyed by flow maps, which it stringifies level
 * by level: 400 levels took 26 s). Such a text is quoted without the 1.1 parse, as the parse would
 * have decided.
 */
const MAX_FLOW_OPENERS = 32;

function flowOpeners(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '{' || text[i] === '[') n++;
  return n;
}

function readsAsOtherIn11(text: string): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (flowOpeners(text) > MAX_FLOW_OPENERS) return true;
  try {
    return parse(text, { version: '1.1', logLevel: 'error' }) !== text;
  } catch {
    return false;
  }
}

function value(v: string | number | boolean | null): Scalar {
  return typeof v === 'string' ? str(v) : new Scalar(v);
}

function add(map: YAMLMap, key: string, node: Scalar | YAMLMap | YAMLSeq): void {
  map.items.push(new Pair(new Scalar(key), node));
}
