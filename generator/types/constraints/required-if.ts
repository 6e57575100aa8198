/**
 * `requiredIf: { field, equals? }`: the field becomes required when the sibling `field` is
 * present, or, with `equals`, when the sibling's value is that text (`String(value) === equals`,
 * which JSON Schema says as a `const` of the sibling kind's wire value). Not checked on the doc's
 * examples, like `required`.
 */
import { isMap } from 'yaml';
import type { RequiredIf } from '../../spec/model.js';
import { readEntries, readString, type Entry, type Reader } from '../../spec/reader.js';
import type { PathSegment } from '../../spec/display.js';
import { showValue } from '../../spec/display.js';
import { didYouMean } from '../../spec/suggest.js';
import { findPair } from '../../spec/yaml-ast.js';
import type { JsonSchema } from '../kind.js';
import { isScalarKind, scalarModule } from '../table.js';
import type { FieldConstraint } from './constraint.js';

export const requiredIf: FieldConstraint<'requiredIf'> = {
  name: 'requiredIf',
  key: 'requiredIf',
  read({ r, entry, path }, field) {
    if (!entry) return true;
    const value = readRequiredIf(r, entry, path);
    if (value) field.requiredIf = value;
    if (field.required === true) r.report(entry.key, path, 'requiredIf has no effect on a field with required: true', 'warning');
    return true;
  },
  checkSiblings(r, entries, fields, path) {
    const names = fields.map((f) => f.name);
    for (const field of fields) {
      if (!field.requiredIf) continue;
      const { field: target, equals } = field.requiredIf;
      const at = [...path, field.name, 'requiredIf', 'field'];
      const node = requiredIfNode(entries, field.name);
      const sibling = fields.find((f) => f.name === target);
      if (target === field.name || !sibling) {
        const why = target === field.name ? 'a field cannot depend on itself' : `no sibling field "${target}"${didYouMean(target, names)}`;
        r.report(node?.field, at, why);
      } else if (equals !== undefined && sibling.enum && sibling.enumOpen !== true && !sibling.enum.some((e) => e.value === equals)) {
        r.report(node?.equals, [...path, field.name, 'requiredIf', 'equals'], `${showValue(equals)} is not in the enum of "${target}"`);
      }
    }
  },
  missing(field, siblings, ctx) {
    const cond = field.requiredIf;
    if (field.required === true || !cond || !siblings.some((s) => s.name === cond.field)) return [];
    const test = cond.equals === undefined ? 'item !== undefined' : `item !== undefined && String(item) === ${ctx.literal(cond.equals)}`;
    const why = cond.equals === undefined ? `required when ${cond.field} is present` : `required for this value of ${cond.field}`;
    return ['{', `  const item = ${ctx.read(cond.field)};`, `  if (${test}) ${ctx.issue('required', why)}`, '}'];
  },
  objectSchema(fields) {
    const dependent: JsonSchema = {};
    const rules: JsonSchema[] = [];
    for (const f of fields) {
      const cond = f.requiredIf;
      if (cond === undefined) continue;
      if (cond.equals === undefined) {
        const list = (Object.hasOwn(dependent, cond.field) ? dependent[cond.field] : undefined) as string[] | undefined;
        if (list !== undefined) list.push(f.name);
        else setOwn(dependent, cond.field, [f.name]);
      } else {
        const kind = fields.find((s) => s.name === cond.field)?.type.kind ?? 'string';
        const value = isScalarKind(kind) ? scalarModule(kind).wireValue(cond.equals) : cond.equals;
        const properties: JsonSchema = {};
        setOwn(properties, cond.field, { const: value });
        rules.push({ if: { properties, required: [cond.field] }, then: { required: [f.name] } });
      }
    }
    const schema: JsonSchema = {};
    if (Object.keys(dependent).length > 0) schema.dependentRequired = dependent;
    if (rules.length > 0) schema.allOf = rules;
    return schema;
  },
  doc(field, ctx) {
    const cond = field.requiredIf;
    if (!cond) return [];
    const what = cond.equals === undefined ? 'is present' : `is ${ctx.code(cond.equals)}`;
    return [`Required when ${ctx.code(cond.field)} ${what}.`];
  },
};

/** Adds an own data property (a wire name `__proto__` stays a plain key). */
function setOwn(target: JsonSchema, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function readRequiredIf(r: Reader, entry: Entry, path: readonly PathSegment[]): RequiredIf | undefined {
  const at = [...path, 'requiredIf'];
  const entries = readEntries(r, entry.value, at, ['field', 'equals']);
  if (!entries) return undefined;
  const field = entries.find((e) => e.name === 'field');
  const equals = entries.find((e) => e.name === 'equals');
  if (!field) {
    r.report(entry.key, at, 'missing required key "field"');
    return undefined;
  }
  const name = readString(r, field.value, [...at, 'field']);
  const value = equals ? readString(r, equals.value, [...at, 'equals']) : undefined;
  if (name === undefined || (equals && value === undefined)) return undefined;
  return value === undefined ? { field: name } : { field: name, equals: value };
}

function requiredIfNode(entries: readonly Entry[], name: string): { field?: unknown; equals?: unknown } | undefined {
  const fieldNode = entries.find((e) => e.name === name)?.value;
  const ri = isMap(fieldNode) ? findPair(fieldNode, 'requiredIf')?.value : undefined;
  if (!isMap(ri)) return undefined;
  return { field: findPair(ri, 'field')?.value, equals: findPair(ri, 'equals')?.value };
}

