/** `string`: any text. */
import { describeValue, type ScalarKindModule } from '../kind.js';

export const stringKind: ScalarKindModule<'string'> = {
  kind: 'string',
  category: 'scalar',
  aliases: ['string'],
  mismatch: (value) => (typeof value === 'string' ? undefined : `is ${describeValue(value)}, not a string (quote it)`),
  validator: { mismatch: (expr) => `typeof ${expr} !== "string"`, message: 'expected a string' },
  jsonSchema: () => ({ type: 'string' }),
  tsType: 'string',
  maxLength: 'characters',
  enumerable: true,
  wireValue: (text) => text,
  sample: 'x',
};
