/**
 * One catalogue method -> one MethodSpec, or the reason it cannot become one.
 *
 * Mapping: string -> string, long -> number, bool -> boolean, a model name -> object with `model`
 * and its fields (inlined, recursively), `list` -> array of that. Enum values come from the
 * descriptions through the importer's own rule. The catalogue has no required flags or max
 * lengths; they are drawn from a seeded distribution (see REQUIRED_P and MAX_LENGTHS).
 * Top-level (non biz_content) params become `params` when they are scalars; file uploads and
 * object params cannot be written as specs and are skipped with the reason.
 * Recursive model references (none in today's catalogue) are cut at the first repeat on the path:
 * the repeated model becomes an object without fields, and a note says so.
 */
import type { EnumValue, Field, Items, MethodSpec } from '../../generator/spec/model.js';
import { parseEnum } from '../../generator/importer/to-spec/enum.js';
import type { ScalarKind } from '../../generator/types/kind.js';
import { isScalarKind, kindOfTypeName, scalarModule } from '../../generator/types/table.js';
import { methodRng } from './random.js';
import type { Catalogue, CatalogueField, DirectParam } from './source.js';

/** Probability that a field is `required: true` (otherwise `false`; never `conditional`). */
export const REQUIRED_P = 0.3;
/** Probability that a string field gets a maxLength, drawn uniformly from MAX_LENGTHS. */
export const MAX_LENGTH_P = 0.5;
export const MAX_LENGTHS = [16, 32, 64, 128, 256] as const;

export interface ConvertOptions {
  seed: number;
}

export type Conversion = { spec: MethodSpec; notes: string[] } | { skipped: string };

/** The catalogue's scalar type names (.NET), read through the kinds table's doc spellings. */
const CATALOGUE_SCALARS: ReadonlySet<string> = new Set(['string', 'long', 'bool']);
const NUMERIC = /^-?\d+(\.\d+)?$/;

function scalarKind(type: string): ScalarKind | undefined {
  const kind = CATALOGUE_SCALARS.has(type) ? kindOfTypeName(type) : undefined;
  return kind !== undefined && isScalarKind(kind) ? kind : undefined;
}

/** Top-level params the spec format holds (scalars); .NET DateTime values are sent as Alipay dates. */
function paramKind(type: string): ScalarKind | undefined {
  return type === 'DateTime' ? 'date' : scalarKind(type);
}

export function convertMethod(catalogue: Catalogue, method: string, options: ConvertOptions): Conversion {
  const m = catalogue.methods[method];
  if (m === undefined) return { skipped: 'not in the catalogue' };
  const direct = m.direct_request_params ?? [];
  const unsupported = direct.filter((p) => paramKind(typeName(p.type)) === undefined);
  if (unsupported.length > 0) {
    const list = unsupported.map((p) => `${p.property}: ${p.type}`).join(', ');
    const why = unsupported.some((p) => p.type === 'FileItem') ? 'a file upload (multipart)' : 'an object or list sent as a top-level param';
    return { skipped: `top-level request params the spec format cannot hold (scalars only): ${list}; ${why}` };
  }
  const notes: string[] = [];
  const ctx = { catalogue, options, random: methodRng(options.seed, method), notes, path: [] as string[] };
  if (m.uses_biz_content && m.biz_model === null && direct.length === 0) notes.push('the SDK sends biz_content without a model: no business params documented');
  const params = direct.map((p) => param(p, ctx));
  if (new Set(params.map((p) => p.name)).size !== params.length) return { skipped: 'two top-level params map to the same wire name' };
  const spec: MethodSpec = {
    method,
    request: (m.request_fields ?? []).map((f) => field(f, ctx)),
    response: (m.response_fields ?? []).map((f) => field(f, ctx)),
    errors: [],
  };
  if (params.length > 0) {
    spec.params = params;
    notes.push('top-level params: wire names derived from the SDK\'s .NET property names (OutTradeNo -> out_trade_no)');
  }
  if (m.summary !== null && m.summary.trim() !== '') spec.title = m.summary.trim();
  if (notes.length > 0) spec.notes = [...notes];
  return { spec, notes };
}

interface Context {
  catalogue: Catalogue;
  options: ConvertOptions;
  random: () => number;
  notes: string[];
  /** Model names from the method down to the current field, for the recursion cut. */
  path: string[];
}

/** A top-level param: the wire name is the .NET property in snake_case (ItBPay -> it_b_pay). */
function param(p: DirectParam, ctx: Context): Field {
  const type = paramKind(typeName(p.type))!;
  const description = text(p.description);
  // DateTime params keep their draws out (the fixture's random sequence predates them).
  const shape = type === 'date' ? { type } : scalarShape(type, description, ctx);
  const out: Field = { name: snakeCase(p.property), required: ctx.random() < REQUIRED_P, ...shape };
  if (description !== '') out.description = description;
  return out;
}

export function snakeCase(property: string): string {
  return property
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function field(f: CatalogueField, ctx: Context): Field {
  const required = ctx.random() < REQUIRED_P;
  const description = text(f.description);
  const shape = shapeOf(typeName(f.type), description, ctx);
  const out: Field = f.list ? { name: f.name, type: 'array', required, items: shape } : { name: f.name, required, ...shape };
  if (description !== '') out.description = description;
  return out;
}

/** The .NET spellings seen in the catalogue: `Nullable<long>`, `List<X>` (lists also use `list`), namespaced names. */
/**
 * The SDK extraction joined the doc's lines with runs of spaces ("SUCCESS：成功  FAIL：失败"); turning
 * them back into line breaks gives the importer's enum rules the layout they were written for.
 */
function text(description: string | null): string {
  return (description ?? '').trim().replace(/ {2,}/g, '\n');
}

function typeName(type: string): string {
  return type
    .replace(/^Nullable<(.*)>$/, '$1')
    .replace(/^List<(.*)>$/, '$1')
    .replace(/^Aop\.Api\.Domain\./, '');
}

function shapeOf(type: string, description: string, ctx: Context): Items {
  const scalar = scalarKind(type);
  if (scalar !== undefined) return scalarShape(scalar, description, ctx);
  const model = ctx.catalogue.types[type];
  if (model === undefined) {
    ctx.notes.push(`type ${type} is not in the catalogue: typed as an object without fields`);
    return { type: 'object', model: type };
  }
  if (ctx.path.includes(type)) {
    ctx.notes.push(`recursive model ${[...ctx.path, type].join(' > ')} cut at the repeat`);
    return { type: 'object', model: type };
  }
  ctx.path.push(type);
  const fields = model.fields.map((child) => field(child, ctx));
  ctx.path.pop();
  return { type: 'object', model: type, fields };
}

function scalarShape(type: ScalarKind, description: string, ctx: Context): Items {
  const shape: Items = { type };
  // Draw first, so the sequence of draws does not depend on what the enum parser finds.
  const maxLength = type === 'string' && ctx.random() < MAX_LENGTH_P ? MAX_LENGTHS[Math.floor(ctx.random() * MAX_LENGTHS.length)]! : undefined;
  const values = !scalarModule(type).enumerable || description === '' ? undefined : usableEnum(parseEnum(description).values, type);
  if (values !== undefined) shape.enum = values;
  if (maxLength !== undefined) {
    // A drawn length never makes a documented enum value invalid.
    shape.maxLength = Math.max(maxLength, ...(values ?? []).map((v) => v.value.length));
  }
  return shape;
}

/** Enum values the loader accepts for this type: unique, and numeric for number fields. */
function usableEnum(values: EnumValue[] | undefined, type: ScalarKind): EnumValue[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (scalarModule(type).tsType === 'number' && !values.every((v) => NUMERIC.test(v.value))) return undefined;
  const seen = new Set<string>();
  const unique = values.filter((v) => !seen.has(v.value) && seen.add(v.value) !== undefined);
  return unique;
}
