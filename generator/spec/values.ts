/**
 * Does a scalar value fit a field? Used for a field's own `example` and for the leaves of the
 * request/response examples. The rules follow what the gateway accepts: numbers and booleans
 * may be written as strings ("88", "true"), a price may be a JSON number or a string.
 */
import type { FieldType, Shape } from './model.js';
import { showValue } from './display.js';

export const DATE_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const PRICE = /^-?\d+(\.\d{1,2})?$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Problems of `value` against the shape's type, enum and maxLength (empty when it fits). */
export function scalarProblems(value: unknown, shape: Shape): string[] {
  const typeProblem = typeMismatch(value, shape.type);
  if (typeProblem) return [typeProblem];
  const problems: string[] = [];
  const text = String(value);
  if (shape.enum && shape.enum.length > 0 && !shape.enum.some((e) => e.value === text)) {
    problems.push(`${showValue(value)} is not in enum [${shape.enum.map((e) => e.value).join(', ')}]`);
  }
  if (shape.maxLength !== undefined && text.length > shape.maxLength) {
    problems.push(`${showValue(value)} is longer than maxLength ${shape.maxLength} (${text.length})`);
  }
  return problems;
}

function typeMismatch(value: unknown, type: FieldType): string | undefined {
  const shown = showValue(value);
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : `${shown} is ${article(value)}, not a string (quote it)`;
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${shown} is not a finite number`;
      return typeof value === 'string' && NUMBER.test(value) ? undefined : `${shown} is not a number`;
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : `${shown} is not a boolean`;
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? undefined : `${shown} is not a date in the format ${DATE_FORMAT}`;
    case 'price':
      return (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) && PRICE.test(String(value))
        ? undefined
        : `${shown} is not a price (a decimal with at most 2 decimal places)`;
    case 'object':
    case 'array':
      return `${shown} is a scalar, not ${type === 'object' ? 'an object' : 'an array'}`;
  }
}

function article(value: unknown): string {
  if (value === null) return 'null';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}
