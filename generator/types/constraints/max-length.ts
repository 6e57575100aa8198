/**
 * `maxLength`: the doc's length column. Strings, dates and prices count characters; a number
 * counts its digits (the docs give a long's width in digits); a boolean's length means nothing.
 * Kept as `x-alipay-max-length` in JSON Schema where the schema has no such keyword (numbers,
 * arrays, booleans).
 */
import { readPositiveInt } from '../../spec/reader.js';
import type { LengthMeasure } from '../kind.js';
import { KINDS, isScalarKind } from '../table.js';
import type { ValueConstraint } from './constraint.js';

/** The length of a value as the kind measures it; undefined when the kind has no length. */
function measuredLength(value: unknown, measure: LengthMeasure): number | undefined {
  switch (measure) {
    case 'characters':
      return String(value).length;
    case 'digits':
      return String(value).replace(/[^0-9]/g, '').length;
    // A file's bytes are not a JSON value: its size check is the file kind's own (kinds/file.ts).
    case 'bytes':
    case 'note':
    case 'ignored':
      return undefined;
  }
}

export const maxLength: ValueConstraint<'maxLength'> = {
  name: 'maxLength',
  key: 'maxLength',
  read({ r, entry, path, type }, shape) {
    if (!entry) return;
    shape.maxLength = readPositiveInt(r, entry.value, [...path, 'maxLength']);
    // Docs do give lengths for objects (serialised size), so only a boolean's is surely a slip.
    if (type !== undefined && KINDS[type].maxLength === 'note' && isScalarKind(type)) {
      r.report(entry.key, path, `maxLength has no meaning on a ${type} field`, 'warning');
    }
  },
  problem(value, shape) {
    if (shape.maxLength === undefined) return undefined;
    const measure = KINDS[shape.type].maxLength;
    const length = measuredLength(value, measure);
    if (length === undefined || length <= shape.maxLength) return undefined;
    return measure === 'digits'
      ? `has more than maxLength ${shape.maxLength} digits (${length})`
      : `is longer than maxLength ${shape.maxLength} (${length})`;
  },
  validator(expr, t, ctx) {
    if (t.maxLength === undefined) return [];
    const measure = KINDS[t.kind].maxLength;
    switch (measure) {
      case 'characters':
        return [`if (${expr}.length > ${t.maxLength}) ${ctx.issue('maxLength', `longer than ${t.maxLength} characters`)}`];
      case 'digits':
        return [`if (String(${expr}).replace(/[^0-9]/g, "").length > ${t.maxLength}) ${ctx.issue('maxLength', `more than ${t.maxLength} digits`)}`];
      case 'bytes':
      case 'note':
      case 'ignored':
        return [];
    }
  },
  jsonSchema(shape) {
    if (shape.maxLength === undefined) return {};
    // JSON Schema's maxLength counts a string's characters only; other lengths are kept as a note.
    return KINDS[shape.type].maxLength === 'characters' ? { maxLength: shape.maxLength } : { 'x-alipay-max-length': shape.maxLength };
  },
  doc: (t) => (t.maxLength === undefined ? [] : [`Max length: ${t.maxLength}.`]),
};
