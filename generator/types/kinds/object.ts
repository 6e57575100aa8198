/** `object`: a JSON object; its fields are checked by their own kinds. */
import { describeValue, type ObjectKindModule } from '../kind.js';

export const objectKind: ObjectKindModule = {
  kind: 'object',
  category: 'object',
  aliases: ['object', 'jsonobject', 'map'],
  mismatch: (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : `is ${describeValue(value)}, not an object`,
  validator: {
    mismatch: (expr) => `typeof ${expr} !== "object" || ${expr} === null || Array.isArray(${expr})`,
    message: 'expected an object',
  },
  jsonSchema: () => ({ type: 'object' }),
  maxLength: 'ignored',
  open: {
    tsType: 'Record<string, unknown>',
    doc: 'The doc page does not show its fields: any object is accepted.',
    sample: {},
  },
};
