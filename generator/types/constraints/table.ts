/**
 * THE table of constraints, mapped over the constraint names like the kinds table: a new
 * constraint is one module plus one row, and every consumer iterates the lists below in their
 * fixed order (which is the order of checks in generated validators and of lines in TSDoc).
 */
import type { FieldConstraint, FieldConstraintName, ValueConstraint, ValueConstraintName } from './constraint.js';
import { enumConstraint } from './enum.js';
import { format } from './format.js';
import { maxLength } from './max-length.js';
import { requiredIf } from './required-if.js';
import { required } from './required.js';

export const VALUE_CONSTRAINTS: { readonly [N in ValueConstraintName]: ValueConstraint<N> } = {
  maxLength,
  format,
  enum: enumConstraint,
};

export const FIELD_CONSTRAINTS: { readonly [N in FieldConstraintName]: FieldConstraint<N> } = {
  required,
  requiredIf,
};

/** Value constraints in table order. */
export const VALUE_CONSTRAINT_LIST: readonly ValueConstraint[] = Object.values(VALUE_CONSTRAINTS);

/** Field constraints in table order (required is read first: requiredIf looks at it). */
export const FIELD_CONSTRAINT_LIST: readonly FieldConstraint[] = Object.values(FIELD_CONSTRAINTS);
