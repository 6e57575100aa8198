/**
 * The zod peer: a zod schema equivalent to the generated request validator, built from the spec
 * (strict objects, required flags, types, maxLength, enums, formats, requiredIf).
 */
import { z } from 'zod';
import type { Field, Items, Shape } from '../../generator/spec/model.js';
import { DATE_PATTERN, PRICE_PATTERN } from '../../generator/openapi/schema.js';

const DATE = new RegExp(DATE_PATTERN);
const PRICE = new RegExp(PRICE_PATTERN);

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
  switch (shape.type) {
    case 'object':
      return zodObject(shape.fields ?? []);
    case 'array':
      return z.array(zodShape(shape.items as Items));
    case 'boolean':
      return z.boolean();
    case 'number': {
      let n: z.ZodType = z.number().finite();
      if (shape.enum) n = z.union(shape.enum.map((e) => z.literal(Number(e.value))) as [z.ZodLiteral<number>, z.ZodLiteral<number>]);
      return n;
    }
    default: {
      let s = z.string();
      if (shape.maxLength !== undefined) s = s.max(shape.maxLength);
      if (shape.type === 'date') s = s.regex(DATE);
      if (shape.type === 'price') s = s.regex(PRICE);
      if (shape.enum && shape.enum.length > 0) {
        const values = shape.enum.map((e) => e.value) as [string, ...string[]];
        return s.pipe(z.enum(values));
      }
      return s;
    }
  }
}
