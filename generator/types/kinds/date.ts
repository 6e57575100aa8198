/** `date`: a `yyyy-MM-dd HH:mm:ss` string (UTC+8) with a real calendar date. */
import { DATE_TIME_PATTERN, isDateTime } from '../../../templates/runtime/formats.js';
import { describeValue, type ScalarKindModule } from '../kind.js';

const DATE_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export const dateKind: ScalarKindModule<'date'> = {
  kind: 'date',
  category: 'scalar',
  aliases: ['date'],
  mismatch: (value) => (typeof value === 'string' ? undefined : `is ${describeValue(value)}, not a date string (quote it)`),
  validator: { mismatch: (expr) => `typeof ${expr} !== "string"`, message: 'expected a string' },
  jsonSchema: () => ({ type: 'string' }),
  tsType: 'string',
  format: {
    helper: 'isDateTime',
    test: isDateTime,
    pattern: DATE_TIME_PATTERN,
    message: `expected ${DATE_FORMAT}`,
    problem: `is not a date in the format ${DATE_FORMAT} (a real calendar date)`,
    docNote: `Format: \`${DATE_FORMAT}\` (UTC+8).`,
  },
  maxLength: 'characters',
  enumerable: true,
  wireValue: (text) => text,
  sample: '2024-01-01 12:00:00',
};
