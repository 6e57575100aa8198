/**
 * THE table of object constraints (rules over the fields of one object), mapped over their names
 * like the other constraint tables: a new one is a module plus a row.
 */
import type { ObjectConstraint, ObjectConstraintName } from './object-constraint.js';
import { oneOf } from './one-of.js';

export const OBJECT_CONSTRAINTS: { readonly [N in ObjectConstraintName]: ObjectConstraint<N> } = {
  oneOf,
};

/** Object constraints in table order (the order of their checks in validators and lines in TSDoc). */
export const OBJECT_CONSTRAINT_LIST: readonly ObjectConstraint[] = Object.values(OBJECT_CONSTRAINTS);

/** The spec keys the object constraints read (beside `fields`, and at the top level beside `request`). */
export const OBJECT_CONSTRAINT_KEYS: readonly ObjectConstraintName[] = OBJECT_CONSTRAINT_LIST.map((c) => c.key);
