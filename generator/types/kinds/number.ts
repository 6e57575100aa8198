/**
 * `number`: a finite JSON number. The docs' Number, long, int, double and float are all this
 * kind; a number quoted as a string is not one (the runtime's validator rejects it, and the
 * gateway would serve a string where the type says number).
 */
import { describeValue, type ScalarKindModule } from '../kind.js';

/**
 * Text that is exactly how JavaScript writes a finite number (`1`, `-2.5`, `1e+21`; not `01`,
 * `1.50`, `1e3`): what `String(value)` gives, so comparing that text is comparing the number.
 */
function isCanonicalNumber(text: string): boolean {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text;
}

export const numberKind: ScalarKindModule<'number'> = {
  kind: 'number',
  category: 'scalar',
  aliases: ['number', 'long', 'integer', 'int', 'double', 'float'],
  mismatch: (value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'is not a finite number';
    if (typeof value !== 'string') return `is ${describeValue(value)}, not a number`;
    return value.trim() !== '' && Number.isFinite(Number(value)) ? 'is a string, not a number (unquote it)' : 'is not a number';
  },
  validator: { mismatch: (expr) => `typeof ${expr} !== "number" || !Number.isFinite(${expr})`, message: 'expected a finite number' },
  jsonSchema: () => ({ type: 'number' }),
  tsType: 'number',
  maxLength: 'digits',
  enumerable: true,
  // Only canonical text: "01" is no number value a validator comparing String(value) would match.
  wireValue: (text) => (isCanonicalNumber(text) ? Number(text) : text),
  sample: 1,
};
