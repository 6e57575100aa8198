/**
 * The zod peer: a zod schema equivalent to the generated request validator, built from the spec
 * (strict objects, required flags, types, maxLength, enums, formats, requiredIf).
 */
import { z } from 'zod';
import type { Field, Items, Shape } from '../../generator/spec/model.js';
import { KINDS, assertNever, scalarModule } from '../../generator/types/table.js';

export function zodObject(fields: readonly Field[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const t = zodShape(f);
    Object.defineProperty(shape, f.name, { value: f.required === true ? t : t.optional(), enumerable: true });
  }
  const object = z.strictObject(shape);
  const conditional = fields.filter((f) => f.required !== true && f.requiredIf !== undefined);
  if (conditional.length === 0) return object;
  return object.superRefine((value, ctx) => {
    const o = value as Record<string, unknown>;
    for (const f of conditional) {
      const { field, equals } = f.requiredIf!;
      const other = o[field];
      const applies = other !== undefined && (equals === undefined || String(other) === equals);
      if (applies && o[f.name] === undefined) ctx.addIssue({ code: 'custom', path: [f.name], message: 'required' });
    }
  });
}

function zodShape(shape: Shape): z.ZodType {
  const kind = KINDS[shape.type];
  switch (kind.category) {
    case 'object':
      return zodObject(shape.fields ?? []);
    case 'array':
      return z.array(zodShape(shape.items as Items));
    case 'scalar':
      return zodScalar(shape, kind.kind);
    // Files are not in the benchmarked specs; bytes stand for them.
    case 'file':
      return z.instanceof(Uint8Array);
  }
  return assertNever(kind);
}

function zodScalar(shape: Shape, type: Exclude<Shape['type'], 'object' | 'array' | 'file'>): z.ZodType {
  const kind = scalarModule(type);
  switch (kind.tsType) {
    case 'boolean':
      return z.boolean();
    case 'number': {
      let n: z.ZodType = z.number().finite();
      if (shape.enum) n = z.union(shape.enum.map((e) => z.literal(Number(e.value))) as [z.ZodLiteral<number>, z.ZodLiteral<number>]);
      return n;
    }
    case 'string': {
      let s = z.string();
      if (shape.maxLength !== undefined) s = s.max(shape.maxLength);
      if (kind.format !== undefined) s = s.regex(new RegExp(kind.format.pattern));
      if (shape.enum && shape.enum.length > 0) {
        const values = shape.enum.map((e) => e.value) as [string, ...string[]];
        return s.pipe(z.enum(values));
      }
      return s;
    }
  }
  return assertNever(kind.tsType);
}
