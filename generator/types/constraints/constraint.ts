/**
 * What a constraint is, as one interface: how it is read from the spec, checked on the doc's
 * examples, emitted in generated validators, in JSON Schema and in TSDoc. One module per
 * constraint (this folder), listed in table.ts; a new constraint (a pattern, a one-of group) is
 * one module plus one row.
 *
 * Value constraints (maxLength, enum, format) restrict one value of a scalar kind. Field
 * constraints (required, requiredIf) say when a field must be present, so they see the siblings.
 */
import type { EnumIR, FieldIR, ScalarTypeIR } from '../../ir/types.js';
import type { EnumValue, Field, Shape } from '../../spec/model.js';
import type { Entry, Reader } from '../../spec/reader.js';
import type { PathSegment } from '../../spec/display.js';
import type { JsonSchema, ScalarKind } from '../kind.js';

export type ValueConstraintName = 'maxLength' | 'format' | 'enum';
export type FieldConstraintName = 'required' | 'requiredIf';

/** What the spec says of one scalar value: its kind and value constraints. */
export interface ValueShape {
  readonly type: ScalarKind;
  readonly maxLength?: number;
  readonly enum?: readonly EnumValue[];
  /** The enum documents values without restricting them (`enumOpen: true`). */
  readonly enumOpen?: boolean;
}

/** The pieces of generated validator code a constraint builds its check from. */
export interface ValidatorContext {
  /** `issues.push(...)` of an issue at the checked value's path. */
  issue(rule: string, message: string): string;
  /** A JavaScript string literal of `text`. */
  literal(text: string): string;
  readonly enums: readonly EnumIR[];
}

/** Escaping of spec text in TSDoc (emit/escape's docCode and docText), and the method's enums. */
export interface DocContext {
  code(text: string): string;
  text(text: string): string;
  readonly enums: readonly EnumIR[];
}

/** Reading a constraint's spec key: where it is, and the shape it lands on. */
export interface ReadContext {
  readonly r: Reader;
  /** The field's (or items') own entry, for problems about the whole field. */
  readonly owner: Entry;
  /** The constraint key's entry; undefined when the spec does not have the key. */
  readonly entry: Entry | undefined;
  /** The display path of the field or items owning the key. */
  readonly path: readonly PathSegment[];
  /** The owner's kind when it was read; undefined after an error there. */
  readonly type: Shape['type'] | undefined;
  /** Another key of the same field or items (a constraint read from two keys: enum and enumOpen). */
  readonly sibling?: (key: string) => Entry | undefined;
}

export interface ValueConstraint<N extends ValueConstraintName = ValueConstraintName> {
  readonly name: N;
  /** The spec key it is read from; none when the kind implies it (format). */
  readonly key?: N;
  /** Reads the key into the shape, reporting problems (wrong value, a kind it does not apply to). */
  read?(ctx: ReadContext, shape: Shape): void;
  /** The loader's check of an example value already of the shape's kind: the problem, said after the shown value. */
  problem(value: unknown, shape: ValueShape): string | undefined;
  /** Validator lines checking `expr` (already of the kind) against the constraint; none when it does not apply. */
  validator(expr: string, t: ScalarTypeIR, ctx: ValidatorContext): string[];
  /** JSON Schema keywords for a value of the shape (empty when the constraint does not apply). */
  jsonSchema(shape: ValueShape): JsonSchema;
  /** TSDoc lines of a field whose value (or item) has this type. */
  doc(t: ScalarTypeIR, ctx: DocContext): string[];
}

export interface FieldConstraint<N extends FieldConstraintName = FieldConstraintName> {
  readonly name: N;
  readonly key: N;
  /** Reads the key of `field`; false when the field cannot be used (a required key missing or bad). */
  read(ctx: ReadContext, field: Field): boolean;
  /** Cross-field checks once every sibling is read (a requiredIf naming no sibling). */
  checkSiblings?(r: Reader, entries: readonly Entry[], fields: readonly Field[], path: readonly PathSegment[]): void;
  /**
   * Validator lines run when the field is absent (`v === undefined`): the issue when it is
   * required. `read(name)` is the expression reading a sibling of the checked object.
   */
  missing(field: FieldIR, siblings: readonly FieldIR[], ctx: ValidatorContext & { read(name: string): string }): string[];
  /** Keywords this constraint adds to the JSON Schema of an object with these fields. */
  objectSchema(fields: readonly FieldIR[]): JsonSchema;
  /** TSDoc lines of the field. */
  doc(field: FieldIR, ctx: DocContext): string[];
}
