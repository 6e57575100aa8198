/**
 * Where a page contradicts itself, the importer keeps the part the spec format can hold and says
 * what it dropped, so the spec it writes is valid and the reviewer sees every place to check:
 *  - a field name twice in one object (the second row is dropped);
 *  - a value twice in an enum list (the repeat is dropped);
 *  - a field's example outside its type, enum or max length (the example is dropped);
 *  - a max length the format cannot hold (0, or beyond a safe integer: dropped);
 *  - `requiredIf` equal to a value outside the sibling's enum (the condition is dropped);
 *  - an example JSON key that names no field or whose value does not fit it (the key is dropped).
 * The checks are the spec loader's own rules (generator/spec/values.ts), so what passes here
 * passes `validate`.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Field, Shape } from '../../spec/model.js';
import { scalarProblems, textValueProblems } from '../../spec/values.js';
import { isScalarKind } from '../../types/table.js';
import type { Position } from '../page-model.js';
import type { FieldPositions } from './fields.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;


/** Drops what contradicts within the fields (in place); one warning per drop. */
export function reconcileFields(fields: Field[], path: string, where: FieldPositions, diagnostics: LocalDiagnostic[]): void {
  const seen = new Map<string, Field>();
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const first = seen.get(field.name);
    if (first) {
      const firstLine = where.get(first)?.line;
      warn(diagnostics, where.get(field), `field \`${join(path, field.name)}\` appears twice${firstLine === undefined ? '' : ` (first at line ${firstLine})`}: kept the first, dropped this one — check the spec`);
      fields.splice(i--, 1);
      continue;
    }
    seen.set(field.name, field);
    reconcileField(field, join(path, field.name), where, diagnostics);
  }
  for (const field of fields) {
    const equals = field.requiredIf?.equals;
    if (equals === undefined) continue;
    const sibling = seen.get(field.requiredIf!.field);
    if (sibling?.enum && sibling.enumOpen !== true && !sibling.enum.some((e) => e.value === equals)) {
      warn(diagnostics, where.get(field), `field \`${join(path, field.name)}\`: required when \`${sibling.name}\` is ${JSON.stringify(equals)}, which is not one of its enum values: dropped the condition — check the spec`);
      delete field.requiredIf;
    }
  }
}

function reconcileField(field: Field, path: string, where: FieldPositions, diagnostics: LocalDiagnostic[]): void {
  const pos = where.get(field);
  const shapes: Shape[] = field.items ? [field, field.items] : [field];
  for (const shape of shapes) {
    if (shape.maxLength !== undefined && !(Number.isSafeInteger(shape.maxLength) && shape.maxLength > 0)) {
      warn(diagnostics, pos, `field \`${path}\`: max length ${shape.maxLength} is not a positive integer a spec can hold: dropped it — check the spec`);
      delete shape.maxLength;
    }
    if (shape.enum) {
      const values = new Set<string>();
      shape.enum = shape.enum.filter((e) => {
        if (!values.has(e.value)) return values.add(e.value);
        warn(diagnostics, pos, `field \`${path}\`: enum value ${JSON.stringify(e.value)} is listed twice: kept the first`);
        return false;
      });
    }
  }
  const fieldType = field.type;
  if (field.example !== undefined && isScalarKind(fieldType)) {
    // A field's own example is the doc's text, read as the loader reads it.
    const problems = textValueProblems(field.example, { ...field, type: fieldType });
    if (problems.length > 0) {
      warn(diagnostics, pos, `field \`${path}\`: the page contradicts itself: example ${problems.join('; ')}: dropped the example — check the spec`);
      delete field.example;
    }
  }
  const children = field.fields ?? field.items?.fields;
  if (children) reconcileFields(children, field.type === 'array' ? `${path}[]` : path, where, diagnostics);
}

/** How an example's scalar values are read: JSON values (bodies), or form text (top-level params), as the loader reads them. */
export type ExampleReading = 'json' | 'text';

export interface ReconcileOptions {
  /** Keys kept although they name no field (the common response fields). */
  readonly extraKeys?: readonly string[];
  readonly reading?: ExampleReading;
}

/**
 * An example JSON object checked against the fields it shows: keys naming no field (other than
 * `extraKeys`) and values that do not fit their field are removed, with a warning at `pos`.
 * Returns the object to keep (a copy).
 */
export function reconcileExample(
  value: Record<string, unknown>,
  fields: readonly Field[],
  what: string,
  pos: Position,
  diagnostics: LocalDiagnostic[],
  options: ReconcileOptions = {},
): Record<string, unknown> {
  const extraKeys = options.extraKeys ?? [];
  const reading = options.reading ?? 'json';
  const out: Record<string, unknown> = {};
  const byName = new Map<string, Field>();
  for (const f of fields) if (!byName.has(f.name)) byName.set(f.name, f);
  for (const key of Object.keys(value)) {
    const field = byName.get(key);
    const v = value[key];
    if (!field) {
      if (extraKeys.includes(key)) define(out, key, v);
      else warn(diagnostics, pos, `${what}: \`${key}\` is not a field of the table: dropped it from the example — check the spec`);
      continue;
    }
    const fitted = fit(v, field, `${what} \`${key}\``, pos, diagnostics, reading);
    if (fitted.keep) define(out, key, fitted.value);
  }
  return out;
}

function fit(value: unknown, shape: Shape, what: string, pos: Position, diagnostics: LocalDiagnostic[], reading: ExampleReading): { keep: boolean; value?: unknown } {
  const drop = (why: string) => {
    warn(diagnostics, pos, `${what}: ${why}: dropped it from the example — check the spec`);
    return { keep: false };
  };
  switch (shape.type) {
    case 'object':
      if (!isRecord(value)) return drop(`expected an object, the example shows ${kindOf(value)}`);
      // An object without declared fields is open: its content is not checked.
      return { keep: true, value: shape.fields ? reconcileExample(value, shape.fields, what, pos, diagnostics) : value };
    case 'array': {
      if (!Array.isArray(value)) return drop(`expected a list, the example shows ${kindOf(value)}`);
      const items = shape.items;
      if (!items) return { keep: true, value };
      const kept: unknown[] = [];
      value.forEach((item, i) => {
        const f = fit(item, items, `${what}[${i}]`, pos, diagnostics, reading);
        if (f.keep) kept.push(f.value);
      });
      return { keep: true, value: kept };
    }
    case 'file':
      return drop('a file has no JSON example');
    case 'string':
    case 'number':
    case 'boolean':
    case 'date':
    case 'price': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return drop(`expected a ${shape.type}, the example shows ${kindOf(value)}`);
      const problems = (reading === 'text' ? textValueProblems : scalarProblems)(value, { ...shape, type: shape.type });
      return problems.length > 0 ? drop(problems.join('; ')) : { keep: true, value };
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** An own property, whatever the key (`__proto__` included). */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function warn(diagnostics: LocalDiagnostic[], pos: Position | undefined, message: string): void {
  diagnostics.push({ severity: 'warning', line: pos?.line ?? 1, col: pos?.col ?? 1, message });
}
