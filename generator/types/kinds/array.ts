/** `array`: a JSON array; its items are checked by the item's kind. */
import { describeValue, type ArrayKindModule } from '../kind.js';

export const arrayKind: ArrayKindModule = {
  kind: 'array',
  category: 'array',
  // The docs write arrays as `Item[]`, never with a type name of their own.
  aliases: [],
  mismatch: (value) => (Array.isArray(value) ? undefined : `is ${describeValue(value)}, not an array`),
  validator: { mismatch: (expr) => `!Array.isArray(${expr})`, message: 'expected an array' },
  jsonSchema: () => ({ type: 'array' }),
  maxLength: 'note',
};
