/**
 * The object constraints' keys (`oneOf`) of an object: beside its `fields`, or at the top level
 * beside `request` and `params`. Each constraint module reads its key (types/constraints/object-table.ts).
 */
import type { Field } from './model.js';
import type { FieldType } from './model.js';
import type { PathSegment } from './display.js';
import type { Entry, Reader } from './reader.js';
import type { ObjectTarget } from '../types/constraints/object-constraint.js';
import { OBJECT_CONSTRAINT_LIST } from '../types/constraints/object-table.js';

/**
 * Reads every object constraint key of an object. `fields` is undefined when the object has none
 * (or they could not be read); `type` is the owner's kind (undefined at the top level, or after an
 * error there).
 */
export function readObjectConstraints(
  r: Reader,
  get: (key: string) => Entry | undefined,
  fields: readonly Field[] | undefined,
  type: FieldType | undefined,
  path: readonly PathSegment[],
  target: ObjectTarget,
  topLevel = false,
): void {
  for (const c of OBJECT_CONSTRAINT_LIST) {
    const entry = get(c.key);
    if (!entry) continue;
    if (!topLevel && type !== undefined && type !== 'object') {
      r.report(entry.key, path, `${c.key} applies to object fields (or array items), this field is ${type}${type === 'array' ? ' (put it under items)' : ''}`);
    } else if (fields === undefined) {
      if (type === 'object') r.report(entry.key, path, `${c.key} names fields of the object, but it has no fields`);
    } else c.read({ r, entry, fields, path }, target);
  }
}
