/**
 * Test helper: writes a MethodSpec as spec YAML with the `yaml` Document API (independent of the
 * project's dumper), building nodes key by key so hostile wire names stay plain keys.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { EnumValue, Field, Items, MethodSpec, Shape } from '../../../generator/spec/model.js';

export function specToYaml(spec: MethodSpec): string {
  const doc = new Document();
  const root = new YAMLMap();
  add(root, 'method', spec.method);
  add(root, 'title', spec.title);
  add(root, 'description', spec.description);
  root.add(new Pair(new Scalar('request'), fieldMap(spec.request)));
  if (spec.params) root.add(new Pair(new Scalar('params'), fieldMap(spec.params)));
  add(root, 'oneOf', spec.oneOf);
  root.add(new Pair(new Scalar('response'), fieldMap(spec.response)));
  if (spec.errors.length > 0) {
    const errors = new YAMLSeq();
    for (const e of spec.errors) {
      const m = new YAMLMap();
      add(m, 'code', e.code);
      add(m, 'description', e.description);
      add(m, 'solution', e.solution);
      errors.add(m);
    }
    root.add(new Pair(new Scalar('errors'), errors));
  }
  if (spec.examples) root.add(new Pair(new Scalar('examples'), value(spec.examples)));
  if (spec.notes) root.add(new Pair(new Scalar('notes'), value(spec.notes)));
  add(root, 'deprecated', spec.deprecated);
  doc.contents = root;
  doc.commentBefore = ' yaml-language-server: $schema=../generator/spec/spec.schema.json';
  return doc.toString();
}

function fieldMap(fields: readonly Field[]): YAMLMap {
  const map = new YAMLMap();
  for (const f of fields) {
    const m = new YAMLMap();
    add(m, 'type', f.type);
    add(m, 'required', f.required);
    if (f.requiredIf) {
      const ri = new YAMLMap();
      add(ri, 'field', f.requiredIf.field);
      add(ri, 'equals', f.requiredIf.equals);
      m.add(new Pair(new Scalar('requiredIf'), ri));
    }
    add(m, 'description', f.description);
    add(m, 'example', f.example);
    add(m, 'deprecated', f.deprecated);
    shape(m, f);
    map.add(new Pair(new Scalar(f.name), m));
  }
  return map;
}

function shape(m: YAMLMap, s: Shape): void {
  add(m, 'model', s.model);
  add(m, 'maxLength', s.maxLength);
  if (s.enum) m.add(new Pair(new Scalar('enum'), enumList(s.enum)));
  add(m, 'enumOpen', s.enumOpen);
  if (s.fields) m.add(new Pair(new Scalar('fields'), fieldMap(s.fields)));
  add(m, 'oneOf', s.oneOf);
  if (s.items) {
    const items = new YAMLMap();
    add(items, 'type', (s.items as Items).type);
    shape(items, s.items);
    m.add(new Pair(new Scalar('items'), items));
  }
}

function enumList(values: readonly EnumValue[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const e of values) {
    const m = new YAMLMap();
    add(m, 'value', e.value);
    add(m, 'description', e.description);
    seq.add(m);
  }
  return seq;
}

/** JSON-like data to nodes, reading own keys (so `__proto__` data is written as a key). */
function value(v: unknown): unknown {
  if (Array.isArray(v)) {
    const seq = new YAMLSeq();
    for (const item of v) seq.add(value(item));
    return seq;
  }
  if (typeof v === 'object' && v !== null) {
    const map = new YAMLMap();
    for (const k of Object.keys(v)) map.add(new Pair(new Scalar(k), value((v as Record<string, unknown>)[k])));
    return map;
  }
  return new Scalar(v);
}

function add(map: YAMLMap, key: string, v: unknown): void {
  if (v !== undefined) map.add(new Pair(new Scalar(key), value(v)));
}
