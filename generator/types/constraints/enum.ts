/**
 * `enum`: the documented value set of a scalar. Spec values are strings; a value matches when
 * `String(value)` is one of them, which for a number field is exactly "the number the canonical
 * text stands for" (`wireValue`), the form JSON Schema and the TypeScript literal use. A
 * boolean's value set is not checked (the kind is not enumerable).
 */
import { isScalar } from 'yaml';
import type { EnumValue } from '../../spec/model.js';
import { readEntries, readList, readString, type Reader } from '../../spec/reader.js';
import type { PathSegment } from '../../spec/display.js';
import { showValue } from '../../spec/display.js';
import { kindOf } from '../../spec/yaml-ast.js';
import { isScalarKind, scalarModule } from '../table.js';
import type { DocContext, ValueConstraint, ValueShape } from './constraint.js';

function applies(shape: ValueShape): boolean {
  return shape.enum !== undefined && shape.enum.length > 0 && scalarModule(shape.type).enumerable;
}

export const enumConstraint: ValueConstraint<'enum'> = {
  name: 'enum',
  key: 'enum',
  read({ r, entry, path, type }, shape) {
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
    // Numeric literals only when every value is canonical (see the IR): then `v` itself matches.
    const subject = e.literal === 'string' && scalarModule(t.kind).tsType !== 'string' ? `String(${expr})` : expr;
    return [
      `switch (${subject}) {`,
      ...e.values.map((v) => `  case ${e.literal === 'number' ? v.value : ctx.literal(v.value)}:`),
      '    break;',
      '  default:',
      `    ${ctx.issue('enum', 'not one of the documented values')}`,
      '}',
    ];
  },
  jsonSchema(shape) {
    if (!applies(shape)) return {};
    const kind = scalarModule(shape.type);
    const schema: { enum: unknown[]; 'x-enum-descriptions'?: string[] } = { enum: shape.enum!.map((v) => kind.wireValue(v.value)) };
    if (shape.enum!.some((v) => v.description !== undefined)) schema['x-enum-descriptions'] = shape.enum!.map((v) => v.description ?? '');
    return schema;
  },
  doc(t, ctx) {
    if (t.enumId === undefined) return [];
    return enumLines(ctx.enums[t.enumId]!.values, ctx);
  },
};

/** `Values:` and one line per value, for a field's and an enum type's TSDoc. */
export function enumLines(values: readonly { value: string; description?: string }[], ctx: DocContext): string[] {
  return ['Values:', ...values.map((v) => `- ${ctx.code(v.value)}${v.description ? `: ${ctx.text(v.description).replace(/\n/g, ' ')}` : ''}`)];
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
