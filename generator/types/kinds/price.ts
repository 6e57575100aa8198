/** `price`: an amount in yuan as a decimal string, at most 2 decimals, no sign ("88.88"). */
import { PRICE_PATTERN, isPrice } from '../../../templates/runtime/formats.js';
import { describeValue, type ScalarKindModule } from '../kind.js';

export const priceKind: ScalarKindModule<'price'> = {
  kind: 'price',
  category: 'scalar',
  aliases: ['price'],
  mismatch: (value) => (typeof value === 'string' ? undefined : `is ${describeValue(value)}, not a price string (quote it)`),
  validator: { mismatch: (expr) => `typeof ${expr} !== "string"`, message: 'expected a string' },
  jsonSchema: () => ({ type: 'string' }),
  tsType: 'string',
  format: {
    helper: 'isPrice',
    test: isPrice,
    pattern: PRICE_PATTERN,
    message: 'expected a price in yuan with at most 2 decimals',
    problem: 'is not a price (digits with at most 2 decimal places, no sign)',
    docNote: 'Price: a decimal string in yuan, at most 2 decimals.',
  },
  maxLength: 'characters',
  enumerable: true,
  wireValue: (text) => text,
  sample: '0.01',
};
