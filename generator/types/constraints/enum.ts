/**
 * `enum`: the documented value set of a scalar. Spec values are strings; a value matches when
 * `String(value)` is one of them, which for a number field is exactly "the number the canonical
 * text stands for" (`wireValue`), the form JSON Schema and the TypeScript literal use. A
 * boolean's value set is not checked (the kind is not enumerable).
 *
 * `enumOpen: true` beside it: the values are documentation, not the whole set (a list the page
 * cuts short with `更多`, "包括但不限于", "such as"). Nothing rejects another value of the kind;
 * the type is the literals plus the kind (`"A" | "B" | (string & {})`), JSON Schema keeps the
 * values in an `anyOf` that also admits the kind, with `x-enum-open`.
 */
import { isScalar } from 'yaml';
import type { EnumIR } from '../../ir/types.js';
import type { EnumValue } from '../../spec/model.js';
import { readEntries, readList, readString, type Reader } from '../../spec/reader.js';
import type { PathSegment } from '../../spec/display.js';
import { showValue } from '../../spec/display.js';
import { kindOf } from '../../spec/yaml-ast.js';
import { isScalarKind, scalarModule } from '../table.js';
import type { JsonSchema } from '../kind.js';
import type { DocContext, ValueConstraint, ValueShape } from './constraint.js';

function documents(shape: ValueShape): boolean {
  return shape.enum !== undefined && shape.enum.length > 0 && scalarModule(shape.type).enumerable;
}

/** Whether the value set restricts the value (documented and closed). */
function applies(shape: ValueShape): boolean {
  return documents(shape) && shape.enumOpen !== true;
}

/** At most this many values are named in a validator message; the rest are counted. */
export const MESSAGE_VALUES = 10;
/** And at most this many characters of them. */
export const MESSAGE_VALUE_CHARS = 200;

/** `A, B, C` or `A, B, ... (12 more)`: the allowed values for a message (they are documentation, not personal data). */
export function allowedValues(values: readonly { value: string }[]): string {
  const shown: string[] = [];
  let chars = 0;
  for (const v of values) {
    if (shown.length === MESSAGE_VALUES || chars + v.value.length > MESSAGE_VALUE_CHARS) break;
    shown.push(v.value);
    chars += v.value.length + 2;
  }
  const rest = values.length - shown.length;
  return rest === 0 ? shown.join(', ') : `${shown.join(', ')}, ... (${rest} more)`;
}

/** The validator message of a closed enum. */
export function enumMessage(e: Pick<EnumIR, 'values'>): string {
  return `not one of the documented values: ${allowedValues(e.values)}`;
}

export const enumConstraint: ValueConstraint<'enum'> = {
  name: 'enum',
  key: 'enum',
  read(ctx, shape) {
    const { r, entry, path, type } = ctx;
    const open = ctx.sibling?.('enumOpen');
    if (open) {
      const flag = isScalar(open.value) ? open.value.value : undefined;
      if (typeof flag !== 'boolean') r.report(open.value, [...path, 'enumOpen'], `expected true or false, got ${flag === undefined ? kindOf(open.value) : showValue(flag)}`);
      else if (!entry) r.report(open.key, path, 'enumOpen needs the documented values in enum');
      else if (flag) shape.enumOpen = true;
    }
    if (!entry) return;
    shape.enum = readEnum(r, entry.value, [...path, 'enum']);
    if (type !== undefined && !isScalarKind(type)) r.report(entry.key, path, `enum applies to scalar fields, not ${type}`);
  },
  problem(value, shape) {
    if (!applies(shape)) return undefined;
    const text = String(value);
    return shape.enum!.some((e) => e.value === text) ? undefined : `is not in enum [${shape.enum!.map((e) => e.value).join(', ')}]`;
  },
  validator(expr, t, ctx) {
    if (t.enumId === undefined) return [];
    const e = ctx.enums[t.enumId]!;
    if (e.open) return [];
    // Numeric literals only when every value is canonical (see the IR): then `v` itself matches.
    const subject = e.literal === 'string' && scalarModule(t.kind).tsType !== 'string' ? `String(${expr})` : expr;
    return [
      `switch (${subject}) {`,
      ...e.values.map((v) => `  case ${e.literal === 'number' ? v.value : ctx.literal(v.value)}:`),
      '    break;',
      '  default:',
      `    ${ctx.issue('enum', enumMessage(e))}`,
      '}',
    ];
  },
  jsonSchema(shape) {
    if (!documents(shape)) return {};
    const kind = scalarModule(shape.type);
    const values = { enum: shape.enum!.map((v) => kind.wireValue(v.value)) };
    const schema: JsonSchema = applies(shape) ? values : { anyOf: [values, kind.jsonSchema()], 'x-enum-open': true };
    if (shape.enum!.some((v) => v.description !== undefined)) schema['x-enum-descriptions'] = shape.enum!.map((v) => v.description ?? '');
    return schema;
  },
  doc(t, ctx) {
    if (t.enumId === undefined) return [];
    const e = ctx.enums[t.enumId]!;
    return enumLines(e.values, ctx, e.open);
  },
};

/** `Values:` and one line per value, for a field's and an enum type's TSDoc. */
export function enumLines(values: readonly { value: string; description?: string }[], ctx: DocContext, open = false): string[] {
  return [open ? 'Values (documented, not all: others are accepted):' : 'Values:', ...values.map((v) => `- ${ctx.code(v.value)}${v.description ? `: ${ctx.text(v.description).replace(/\n/g, ' ')}` : ''}`)];
}

function readEnum(r: Reader, node: unknown, path: readonly PathSegment[]): EnumValue[] | undefined {
  const items = readList(r, node, path);
  if (!items) return undefined;
  const values: EnumValue[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const entries = readEntries(r, item, [...path, i], ['value', 'description']);
    if (!entries) return;
    const valueEntry = entries.find((e) => e.name === 'value');
    if (!valueEntry) {
      r.report(item, [...path, i], 'missing required key "value"');
      return;
    }
    const v = valueEntry.value;
    if (!(isScalar(v) && typeof v.value === 'string')) {
      const hint = isScalar(v) && v.value !== null ? `; quote it: value: '${v.source ?? String(v.value)}'` : '';
      r.report(v, [...path, i, 'value'], `enum values must be strings, got ${kindOf(v)}${hint}`);
      return;
    }
    if (seen.has(v.value)) r.report(v, [...path, i, 'value'], `duplicate enum value ${showValue(v.value)}`);
    seen.add(v.value);
    const value: EnumValue = { value: v.value };
    const description = entries.find((e) => e.name === 'description');
    if (description) {
      const text = readString(r, description.value, [...path, i, 'description']);
      if (text !== undefined) value.description = text;
    }
    values.push(value);
  });
  return values;
}
