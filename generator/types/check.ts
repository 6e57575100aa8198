/**
 * The loader's check of one example value against a scalar shape: the kind, then every value
 * constraint in table order. The same verdict as the generated validator and as JSON Schema
 * (test/types/agreement.property.test.ts holds the three to it).
 */
import type { ValueShape } from './constraints/constraint.js';
import { VALUE_CONSTRAINT_LIST } from './constraints/table.js';
import { scalarModule } from './table.js';

/**
 * Problems of `value` (a parsed JSON value) against the shape, each said after the shown value
 * (`is not a number`); empty when it fits. A value of the wrong kind gets that problem only.
 */
export function valueProblems(value: unknown, shape: ValueShape): string[] {
  const mismatch = scalarModule(shape.type).mismatch(value);
  if (mismatch !== undefined) return [mismatch];
  const problems: string[] = [];
  for (const c of VALUE_CONSTRAINT_LIST) {
    const problem = c.problem(value, shape);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
