/**
 * What an object constraint is: a rule over the fields of one object (a model, or the request's
 * root), as opposed to a field constraint (one field and its siblings) or a value constraint (one
 * scalar). One module per constraint, listed in object-table.ts; every consumer (loader, dumper
 * order, validators, JSON Schema, TypeScript types, TSDoc) iterates that table, so a new one is a
 * module plus a row and the compiler rejects the table until the module has every part.
 */
import type { FieldIR } from '../../ir/types.js';
import type { Field, OneOfGroup } from '../../spec/model.js';
import type { PathSegment } from '../../spec/display.js';
import type { Entry, Reader } from '../../spec/reader.js';
import type { JsonSchema } from '../kind.js';
import type { DocContext, ValidatorContext } from './constraint.js';

export type ObjectConstraintName = 'oneOf';

/** What object constraints see of an object in the IR: its fields and its one-of groups. */
export interface ObjectIR {
  readonly fields: readonly FieldIR[];
  readonly oneOf?: readonly (readonly string[])[];
}

/** The spec parts an object constraint is read into (an object shape, or the method spec for its request). */
export interface ObjectTarget {
  oneOf?: OneOfGroup[];
}

export interface ObjectReadContext {
  readonly r: Reader;
  /** The constraint key's entry; undefined when the object has no such key. */
  readonly entry: Entry | undefined;
  /** The object's fields as read (every sibling the key may name). */
  readonly fields: readonly Field[];
  /** The display path of the object's owner (`request`, `request.card_info`). */
  readonly path: readonly PathSegment[];
}

export interface ObjectTypeContext {
  /** The TypeScript type of a field's value. */
  typeOf(field: FieldIR): string;
  /** A property key as TypeScript writes it (escape.typeMemberKey). */
  key(name: string): string;
}

export interface ObjectConstraint<N extends ObjectConstraintName = ObjectConstraintName> {
  readonly name: N;
  readonly key: N;
  /** Reads the key into the target, reporting every problem with its position. */
  read(ctx: ObjectReadContext, target: ObjectTarget): void;
  /** Validator lines run after the object's field checks; `read(name)` reads a field of the object. */
  validator(obj: ObjectIR, ctx: ValidatorContext & { read(name: string): string }): string[];
  /** JSON Schema keywords of an object with this constraint (`allOf` entries are merged by the caller). */
  objectSchema(obj: ObjectIR): JsonSchema;
  /** A TypeScript type intersected with the object's member list; undefined when the constraint adds nothing. */
  tsType(obj: ObjectIR, ctx: ObjectTypeContext): string | undefined;
  /** TSDoc lines of the object's type. */
  doc(obj: ObjectIR, ctx: DocContext): string[];
}
