/**
 * Does a scalar value fit a field? Used for a field's own `example` and for the leaves of the
 * request/response examples. The verdict is the kinds table's (generator/types/check.ts), the
 * same as the generated validator's: a number is a JSON number, not a quoted one; a date and a
 * price are strings in the runtime's formats.
 */
import type { ValueShape } from '../types/constraints/constraint.js';
import { valueProblems } from '../types/check.js';
import { scalarModule } from '../types/table.js';
import { showValue } from './display.js';

/** Problems of `value` (a parsed JSON value) against the shape's kind and constraints (empty when it fits). */
export function scalarProblems(value: unknown, shape: ValueShape): string[] {
  return valueProblems(value, shape).map((problem) => `${showValue(value)} ${problem}`);
}

/**
 * Problems of a value written as text: a field's own `example` (the doc's text) and a value of
 * examples.params (the form carries text only). A number or boolean field's value may then be
 * quoted ('3', 'true') and stands for the value it writes (kinds' `wireValue`, the gateway's
 * reading of a form value).
 */
export function textValueProblems(example: unknown, shape: ValueShape): string[] {
  const kind = scalarModule(shape.type);
  const value = typeof example === 'string' && kind.tsType !== 'string' ? kind.wireValue(example) : example;
  return valueProblems(value, shape).map((problem) => `${showValue(example)} ${problem}`);
}
