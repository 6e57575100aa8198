/**
 * Field maps (wire name -> field) become `Field[]` in doc order, with every structural problem
 * reported: unknown keys, wrong types, keys that do not apply to the field's type, examples that
 * contradict their field, requiredIf naming no sibling.
 */
import { isMap, isScalar } from 'yaml';
import { FIELD_TYPES } from './model.js';
import type { EnumValue, Field, FieldType, Items, ItemType, Requiredness, RequiredIf } from './model.js';
import { ITEMS, showValue, type PathSegment } from './display.js';
import {
  readBoolean,
  readDeprecated,
  readEntries,
  readList,
  readPositiveInt,
  readScalarValue,
  readString,
  type Entry,
  type Reader,
} from './reader.js';
import { didYouMean } from './suggest.js';
import { scalarProblems } from './values.js';
import { findPair, kindOf } from './yaml-ast.js';

export const FIELD_KEYS = [
  'type', 'required', 'requiredIf', 'maxLength', 'description', 'example', 'enum', 'model', 'fields', 'items', 'deprecated',
] as const;
export const ITEM_KEYS = ['type', 'model', 'fields', 'enum', 'maxLength'] as const;
const ITEM_TYPES = FIELD_TYPES.filter((t) => t !== 'array');
const SCALAR_TYPES: readonly FieldType[] = ['string', 'number', 'boolean', 'date', 'price'];

/** Reads a field map. `path` is the display path of the map's owner (`request`, `request.card_info`). */
export function readFieldMap(r: Reader, node: unknown, path: readonly PathSegment[]): Field[] | undefined {
  const entries = readEntries(r, node, path);
  if (!entries) return undefined;
  const fields: Field[] = [];
  for (const entry of entries) {
    const field = readField(r, entry, [...path, entry.name]);
    if (field) fields.push(field);
    else r.incomplete.add(fields);
  }
  if (fields.length < countKeys(node)) r.incomplete.add(fields);
  checkRequiredIf(r, entries, fields, path);
  return fields;
}

function readField(r: Reader, entry: Entry, path: readonly PathSegment[]): Field | undefined {
  const entries = readEntries(r, entry.value, path, FIELD_KEYS);
  if (!entries) return undefined;
  const get = (k: string) => entries.find((e) => e.name === k);
  const type = readType(r, get('type'), entry, path, FIELD_TYPES);
  const required = readRequired(r, get('required'), entry, path);
  const field: Field = { name: entry.name, type: type ?? 'string', required: required ?? false };
  const shapeOk = readShape(r, entries, field, type, path, entry.key);

  const description = get('description');
  if (description) field.description = readString(r, description.value, [...path, 'description']);
  const deprecated = get('deprecated');
  if (deprecated) field.deprecated = readDeprecated(r, deprecated.value, [...path, 'deprecated']);
  const requiredIf = get('requiredIf');
  if (requiredIf) field.requiredIf = readRequiredIf(r, requiredIf, path);
  if (requiredIf && required === true) r.report(requiredIf.key, path, 'requiredIf has no effect on a field with required: true', 'warning');

  const example = get('example');
  if (example) {
    const value = readScalarValue(r, example.value, [...path, 'example']);
    if (value !== undefined) {
      field.example = value;
      if (type && SCALAR_TYPES.includes(type)) {
        for (const problem of scalarProblems(value, field)) r.report(example.value, path, `example ${problem}`);
      }
      if (type === 'object') r.report(example.key, path, 'an object field takes no scalar example');
    }
  }
  removeUndefined(field);
  return type === undefined || required === undefined || !shapeOk ? undefined : field;
}

/** Reads the keys shared by fields and array items: model, fields, items, enum, maxLength. */
function readShape(
  r: Reader,
  entries: Entry[],
  shape: Field | Items,
  type: FieldType | undefined,
  path: readonly PathSegment[],
  ownerKey: unknown,
): boolean {
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
    r.report(ownerKey, path, 'object without fields: it will be typed as an open object', 'warning');
  }
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
  const enumEntry = get('enum');
  if (enumEntry) {
    shape.enum = readEnum(r, enumEntry.value, [...path, 'enum']);
    if (type && !SCALAR_TYPES.includes(type)) r.report(enumEntry.key, path, `enum applies to scalar fields, not ${type}`);
  }
  const maxLength = get('maxLength');
  if (maxLength) {
    shape.maxLength = readPositiveInt(r, maxLength.value, [...path, 'maxLength']);
    // Docs do give lengths for objects (serialised size), so only a boolean's is surely a slip.
    if (type === 'boolean') r.report(maxLength.key, path, 'maxLength has no meaning on a boolean field', 'warning');
  }
  return ok;
}

function readItems(r: Reader, entry: Entry, path: readonly PathSegment[]): Items | undefined {
  const entries = readEntries(r, entry.value, path, ITEM_KEYS);
  if (!entries) return undefined;
  const type = readType(r, entries.find((e) => e.name === 'type'), entry, path, ITEM_TYPES) as ItemType | undefined;
  const items: Items = { type: type ?? 'string' };
  const ok = readShape(r, entries, items, type, path, entry.key);
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

function readRequired(r: Reader, entry: Entry | undefined, owner: Entry, path: readonly PathSegment[]): Requiredness | undefined {
  if (!entry) {
    r.report(owner.key, path, 'missing required key "required"');
    return undefined;
  }
  const v = isScalar(entry.value) ? entry.value.value : undefined;
  if (v === true || v === false || v === 'conditional') return v;
  r.report(entry.value, [...path, 'required'], `expected true, false or conditional, got ${v === undefined ? kindOf(entry.value) : showValue(v)}`);
  return undefined;
}

function readRequiredIf(r: Reader, entry: Entry, path: readonly PathSegment[]): RequiredIf | undefined {
  const at = [...path, 'requiredIf'];
  const entries = readEntries(r, entry.value, at, ['field', 'equals']);
  if (!entries) return undefined;
  const field = entries.find((e) => e.name === 'field');
  const equals = entries.find((e) => e.name === 'equals');
  if (!field) {
    r.report(entry.key, at, 'missing required key "field"');
    return undefined;
  }
  const name = readString(r, field.value, [...at, 'field']);
  const value = equals ? readString(r, equals.value, [...at, 'equals']) : undefined;
  if (name === undefined || (equals && value === undefined)) return undefined;
  return value === undefined ? { field: name } : { field: name, equals: value };
}

/** requiredIf.field must name another field of the same map; `equals` must fit that sibling. */
function checkRequiredIf(r: Reader, entries: Entry[], fields: Field[], path: readonly PathSegment[]): void {
  const names = fields.map((f) => f.name);
  for (const field of fields) {
    if (!field.requiredIf) continue;
    const { field: target, equals } = field.requiredIf;
    const at = [...path, field.name, 'requiredIf', 'field'];
    const node = requiredIfNode(entries, field.name);
    const sibling = fields.find((f) => f.name === target);
    if (target === field.name || !sibling) {
      const why = target === field.name ? 'a field cannot depend on itself' : `no sibling field "${target}"${didYouMean(target, names)}`;
      r.report(node?.field, at, why);
    } else if (equals !== undefined && sibling.enum && !sibling.enum.some((e) => e.value === equals)) {
      r.report(node?.equals, [...path, field.name, 'requiredIf', 'equals'], `${showValue(equals)} is not in the enum of "${target}"`);
    }
  }
}

function requiredIfNode(entries: Entry[], name: string): { field?: unknown; equals?: unknown } | undefined {
  const fieldNode = entries.find((e) => e.name === name)?.value;
  const ri = isMap(fieldNode) ? findPair(fieldNode, 'requiredIf')?.value : undefined;
  if (!isMap(ri)) return undefined;
  return { field: findPair(ri, 'field')?.value, equals: findPair(ri, 'equals')?.value };
}

function readEnum(r: Reader, node: unknown, path: readonly PathSegment[]): EnumValue[] | undefined {
  const items = readList(r, node, path);
  if (!items) return undefined;
  const values: EnumValue[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const entries = readEntries(r, item, [...path, i], ['value', 'description']);
    if (!entries) return;
    const valueEntry = entries.find((e) => e.name === 'value');
    if (!valueEntry) {
      r.report(item, [...path, i], 'missing required key "value"');
      return;
    }
    const v = valueEntry.value;
    if (!(isScalar(v) && typeof v.value === 'string')) {
      const hint = isScalar(v) && v.value !== null ? `; quote it: value: '${v.source ?? String(v.value)}'` : '';
      r.report(v, [...path, i, 'value'], `enum values must be strings, got ${kindOf(v)}${hint}`);
      return;
    }
    if (seen.has(v.value)) r.report(v, [...path, i, 'value'], `duplicate enum value ${showValue(v.value)}`);
    seen.add(v.value);
    const value: EnumValue = { value: v.value };
    const description = entries.find((e) => e.name === 'description');
    if (description) {
      const text = readString(r, description.value, [...path, i, 'description']);
      if (text !== undefined) value.description = text;
    }
    values.push(value);
  });
  return values;
}

function countKeys(node: unknown): number {
  return isMap(node) ? node.items.length : 0;
}

function removeUndefined(o: object): void {
  for (const [k, v] of Object.entries(o)) if (v === undefined) delete (o as Record<string, unknown>)[k];
}
