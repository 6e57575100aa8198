/**
 * Field maps (wire name -> field) become `Field[]` in doc order, with every structural problem
 * reported: unknown keys, wrong types, keys that do not apply to the field's type, examples that
 * contradict their field, requiredIf naming no sibling.
 */
import { isMap } from 'yaml';
import type { ReadContext } from '../types/constraints/constraint.js';
import { FIELD_CONSTRAINT_LIST, VALUE_CONSTRAINT_LIST } from '../types/constraints/table.js';
import { readObjectConstraints } from './read-object.js';
import { ITEM_KINDS, isScalarKind } from '../types/table.js';
import { FIELD_TYPES } from './model.js';
import type { Field, FieldType, Items, ItemType } from './model.js';
import { ITEMS, type PathSegment } from './display.js';
import { readDeprecated, readEntries, readScalarValue, readString, type Entry, type Reader } from './reader.js';
import { didYouMean } from './suggest.js';
import { textValueProblems } from './values.js';
import { MAX_FIELDS, MAX_FIELD_DEPTH } from './limits.js';

export const FIELD_KEYS = [
  'type', 'required', 'requiredIf', 'maxLength', 'description', 'example', 'enum', 'model', 'fields', 'items', 'deprecated',
  'enumOpen', 'oneOf',
] as const;
export const ITEM_KEYS = ['type', 'model', 'fields', 'enum', 'maxLength', 'enumOpen', 'oneOf'] as const;

/** Reads a field map. `path` is the display path of the map's owner (`request`, `request.card_info`). */
export function readFieldMap(r: Reader, node: unknown, path: readonly PathSegment[]): Field[] | undefined {
  // `path` is the owner's: its fields sit one level below it (a top-level field is level 1).
  if (path.length > MAX_FIELD_DEPTH) {
    r.report(node, path, `fields nested more than ${MAX_FIELD_DEPTH} levels deep (the documented limit)`);
    return undefined;
  }
  const entries = readEntries(r, node, path);
  if (!entries) return undefined;
  if (r.fieldCount <= MAX_FIELDS && r.fieldCount + entries.length > MAX_FIELDS) {
    r.report(node, path, `more than ${MAX_FIELDS} fields in one spec (the documented limit)`);
  }
  r.fieldCount += entries.length;
  if (r.fieldCount > MAX_FIELDS) return undefined;
  const fields: Field[] = [];
  for (const entry of entries) {
    const field = readField(r, entry, [...path, entry.name]);
    if (field) fields.push(field);
    else r.incomplete.add(fields);
  }
  if (fields.length < countKeys(node)) r.incomplete.add(fields);
  for (const c of FIELD_CONSTRAINT_LIST) c.checkSiblings?.(r, entries, fields, path);
  return fields;
}

function readField(r: Reader, entry: Entry, path: readonly PathSegment[]): Field | undefined {
  const entries = readEntries(r, entry.value, path, FIELD_KEYS);
  if (!entries) return undefined;
  const get = (k: string) => entries.find((e) => e.name === k);
  const type = readType(r, get('type'), entry, path, FIELD_TYPES);
  const field: Field = { name: entry.name, type: type ?? 'string', required: false };
  let constraintsOk = true;
  for (const c of FIELD_CONSTRAINT_LIST) {
    const ctx: ReadContext = { r, owner: entry, entry: get(c.key), path, type };
    if (!c.read(ctx, field)) constraintsOk = false;
  }
  const shapeOk = readShape(r, entries, field, type, path, entry) && fileIsTopLevelParam(r, get('type'), type, path);

  const description = get('description');
  if (description) field.description = readString(r, description.value, [...path, 'description']);
  const deprecated = get('deprecated');
  if (deprecated) field.deprecated = readDeprecated(r, deprecated.value, [...path, 'deprecated']);

  const example = get('example');
  if (example) {
    const value = readScalarValue(r, example.value, [...path, 'example']);
    if (value !== undefined) {
      field.example = value;
      if (type !== undefined && isScalarKind(type)) {
        for (const problem of textValueProblems(value, { ...field, type })) r.report(example.value, path, `example ${problem}`);
      }
      if (type === 'object') r.report(example.key, path, 'an object field takes no scalar example');
    }
  }
  removeUndefined(field);
  return type === undefined || !constraintsOk || !shapeOk ? undefined : field;
}

/**
 * A file travels as a multipart part beside the text params, so it is only a top-level param
 * (`params.<name>`): biz_content and answers are JSON text and cannot hold bytes.
 */
function fileIsTopLevelParam(r: Reader, typeEntry: Entry | undefined, type: FieldType | undefined, path: readonly PathSegment[]): boolean {
  if (type !== 'file' || (path.length === 2 && path[0] === 'params')) return true;
  r.report(typeEntry?.value, path, 'a file is only a top-level param: put it under params (biz_content and answers are JSON and cannot hold bytes)');
  return false;
}

/** Reads the keys shared by fields and array items: model, fields, items, enum, maxLength. */
function readShape(
  r: Reader,
  entries: Entry[],
  shape: Field | Items,
  type: FieldType | undefined,
  path: readonly PathSegment[],
  owner: Entry,
): boolean {
  const ownerKey = owner.key;
  let ok = true;
  const get = (k: string) => entries.find((e) => e.name === k);
  const model = get('model');
  if (model) {
    shape.model = readString(r, model.value, [...path, 'model']);
    if (type && type !== 'object') {
      r.report(model.key, path, `model applies to object fields, not ${type}${type === 'array' ? ' (put it under items)' : ''}`);
    }
  }
  const fields = get('fields');
  if (fields) {
    if (type && type !== 'object') {
      r.report(fields.key, path, `fields applies to object fields only, this field is ${type}`);
      ok = false;
    } else {
      const list = readFieldMap(r, fields.value, path);
      if (list) shape.fields = list;
      else ok = false;
    }
  } else if (type === 'object') {
    r.report(ownerKey, path, 'object without fields: the page does not show them, so any object is accepted (an open object); add fields: {} for an object documented as empty', 'warning');
  }
  readObjectConstraints(r, get, shape.fields, type, path, shape);
  const items = get('items');
  if (items) {
    if (type && type !== 'array') {
      r.report(items.key, path, `items applies to array fields only, this field is ${type}`);
      ok = false;
    } else {
      const item = readItems(r, items, [...path, ITEMS]);
      if (item) shape.items = item;
      else ok = false;
    }
  } else if (type === 'array') {
    r.report(ownerKey, path, 'an array field needs items (e.g. items: { type: string })');
    ok = false;
  }
  for (const c of VALUE_CONSTRAINT_LIST) {
    if (c.key !== undefined) c.read?.({ r, owner, entry: get(c.key), path, type, sibling: get }, shape);
  }
  return ok;
}

function readItems(r: Reader, entry: Entry, path: readonly PathSegment[]): Items | undefined {
  const entries = readEntries(r, entry.value, path, ITEM_KEYS);
  if (!entries) return undefined;
  const type = readType(r, entries.find((e) => e.name === 'type'), entry, path, ITEM_KINDS) as ItemType | undefined;
  const items: Items = { type: type ?? 'string' };
  const ok = readShape(r, entries, items, type, path, entry);
  removeUndefined(items);
  return type === undefined || !ok ? undefined : items;
}

function readType(
  r: Reader,
  entry: Entry | undefined,
  owner: Entry,
  path: readonly PathSegment[],
  allowed: readonly FieldType[],
): FieldType | undefined {
  if (!entry) {
    r.report(owner.key, path, 'missing required key "type"');
    return undefined;
  }
  const name = readString(r, entry.value, [...path, 'type']);
  if (name === undefined) return undefined;
  if ((allowed as readonly string[]).includes(name)) return name as FieldType;
  const hint = name === 'array' ? ' (arrays of arrays are not supported)' : didYouMean(name, allowed);
  r.report(entry.value, [...path, 'type'], `unknown type "${name}", expected one of ${allowed.join(', ')}${hint}`);
  return undefined;
}

function countKeys(node: unknown): number {
  return isMap(node) ? node.items.length : 0;
}

function removeUndefined(o: object): void {
  for (const [k, v] of Object.entries(o)) if (v === undefined) delete (o as Record<string, unknown>)[k];
}
