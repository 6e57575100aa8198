/**
 * THE table of field kinds. Typed as a mapped type over FieldKind: a new kind (say `integer`)
 * is one module in kinds/ plus one row here, and the compiler rejects the table until the row
 * exists. Every consumer reads kinds through this table or an exhaustive switch ending in
 * `assertNever`, never a `default:` branch.
 */
import type { FieldKind, FileKind, ItemKind, KindModule, RuntimeHelper, ScalarKind, ScalarKindModule } from './kind.js';
import { arrayKind } from './kinds/array.js';
import { booleanKind } from './kinds/boolean.js';
import { dateKind } from './kinds/date.js';
import { fileKind } from './kinds/file.js';
import { numberKind } from './kinds/number.js';
import { objectKind } from './kinds/object.js';
import { priceKind } from './kinds/price.js';
import { stringKind } from './kinds/string.js';

export const KINDS: { readonly [K in FieldKind]: KindModule<K> } = {
  string: stringKind,
  number: numberKind,
  boolean: booleanKind,
  date: dateKind,
  price: priceKind,
  object: objectKind,
  array: arrayKind,
  file: fileKind,
};

/** Every kind, in table order (the order messages and the JSON Schema of the spec format list them). */
export const FIELD_KINDS: readonly FieldKind[] = Object.keys(KINDS) as FieldKind[];

export function isFileKind(kind: FieldKind): kind is FileKind {
  return KINDS[kind].category === 'file';
}

export function isScalarKind(kind: FieldKind): kind is ScalarKind {
  return KINDS[kind].category === 'scalar';
}

/** The scalar kinds: what a top-level form param or a value with an enum may be. */
export const SCALAR_KINDS: readonly ScalarKind[] = FIELD_KINDS.filter(isScalarKind);

/** The kinds an array item may have. */
export const ITEM_KINDS: readonly ItemKind[] = FIELD_KINDS.filter((k): k is ItemKind => KINDS[k].category !== 'array' && KINDS[k].category !== 'file');

/** What a top-level form param may be: a scalar (a text part), or a file (a multipart file part). */
export const PARAM_KINDS: readonly FieldKind[] = FIELD_KINDS.filter((k) => isScalarKind(k) || isFileKind(k));

/** The runtime functions the kinds' formats and the file kind use (generated validators import those they need), in table order. */
export const RUNTIME_HELPERS: readonly RuntimeHelper[] = [
  ...SCALAR_KINDS.flatMap((k) => {
    const helper = scalarModule(k).format?.helper;
    return helper === undefined ? [] : [helper];
  }),
  KINDS.file.helpers.check,
  KINDS.file.helpers.size,
];

export function scalarModule<K extends ScalarKind>(kind: K): ScalarKindModule<K> {
  return KINDS[kind] as ScalarKindModule<K>;
}

const BY_ALIAS: ReadonlyMap<string, FieldKind> = new Map(
  FIELD_KINDS.flatMap((k) => KINDS[k].aliases.map((alias) => [alias, k] as const)),
);

/**
 * The kind a doc's type column names (`Long` -> number, `bool` -> boolean, `JsonObject` -> object),
 * case-insensitive; undefined for a model name or anything else. For the importer.
 */
export function kindOfTypeName(name: string): FieldKind | undefined {
  return BY_ALIAS.get(name.toLowerCase());
}

/** For exhaustive switches: compiles only when every case is handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
