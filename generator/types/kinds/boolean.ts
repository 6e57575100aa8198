/** `boolean`: JSON true or false (the docs' Boolean and bool). */
import { describeValue, type ScalarKindModule } from '../kind.js';

export const booleanKind: ScalarKindModule<'boolean'> = {
  kind: 'boolean',
  category: 'scalar',
  aliases: ['boolean', 'bool'],
  mismatch: (value) => {
    if (typeof value === 'boolean') return undefined;
    if (value === 'true' || value === 'false') return 'is a string, not a boolean (unquote it)';
    return typeof value === 'string' ? 'is not a boolean' : `is ${describeValue(value)}, not a boolean`;
  },
  validator: { mismatch: (expr) => `typeof ${expr} !== "boolean"`, message: 'expected a boolean' },
  jsonSchema: () => ({ type: 'boolean' }),
  tsType: 'boolean',
  maxLength: 'note',
  // Two values need no type of their own.
  enumerable: false,
  wireValue: (text) => (text === 'true' ? true : text === 'false' ? false : text),
  sample: true,
};
