/**
 * What a field kind is, as one interface the whole pipeline reads: the loader's example check,
 * the TypeScript type, the generated validator's check, JSON Schema, the gateway sample, the
 * TSDoc note and the importer's type-column spellings. One module per kind (kinds/*.ts) fills it;
 * table.ts lists them in a mapped type, so a new member of FieldKind fails to compile until it
 * has its module and row.
 */

/** Field kinds of the spec format. `date` is `yyyy-MM-dd HH:mm:ss`; `price` is a decimal string in yuan, at most 2 decimals. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'date' | 'price' | 'object' | 'array' | 'file';

/** Kinds that hold other values: an object's fields, an array's items. */
export type ContainerKind = 'object' | 'array';

/**
 * Bytes sent as a multipart part beside the signed text params (upload methods): never JSON,
 * never signed, only a top-level param (biz_content is JSON text and cannot hold bytes).
 */
export type FileKind = 'file';

/** Kinds of single JSON values. A new scalar kind is a new member of FieldKind only. */
export type ScalarKind = Exclude<FieldKind, ContainerKind | FileKind>;

/** Kinds an array item may have (arrays of arrays and of files do not occur in the docs). */
export type ItemKind = Exclude<FieldKind, 'array' | FileKind>;

/** A JSON Schema (2020-12) object, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** Runtime functions (templates/runtime/formats.ts) a generated validator may call. */
export type RuntimeHelper = 'isDateTime' | 'isPrice' | 'isAlipayFile' | 'alipayFileSize';

/**
 * How a doc's maxLength applies to a value: counts its characters, counts a number's digits,
 * counts a file's bytes (when its size is known before sending), is
 * kept as a note only (JSON Schema `x-alipay-max-length`, no check), or is dropped (an object's
 * serialised size is noise).
 */
export type LengthMeasure = 'characters' | 'digits' | 'bytes' | 'note' | 'ignored';

/** What the generated validator emits to test a value's kind (`expr` is the checked expression). */
export interface KindValidator {
  /** A JavaScript condition that is true when the value is NOT of the kind. */
  mismatch(expr: string): string;
  /** The issue message (rule `type`); never contains the value. */
  readonly message: string;
}

/** A string format beyond the type (date, price): one definition in templates/runtime/formats.ts. */
export interface KindFormat {
  readonly helper: RuntimeHelper;
  /** The runtime's own check (the function the generated validator calls). */
  test(text: string): boolean;
  /** The same check as a JSON Schema pattern. */
  readonly pattern: string;
  /** The generated validator's message (rule `format`). */
  readonly message: string;
  /** Said after a value in the loader's messages: `"2024-02-30 10:00:00" is not a date ...`. */
  readonly problem: string;
  /** The TSDoc line of a field of the kind. */
  readonly docNote: string;
}

interface KindBase<K extends FieldKind> {
  readonly kind: K;
  /** Doc type-column spellings (lower case) that mean this kind, its spec name first when the docs use it. */
  readonly aliases: readonly string[];
  /**
   * The wire check of a parsed JSON value (format excluded; see `format`). Returns the problem
   * said after the shown value (`is not a number`), undefined when the value is of the kind.
   */
  mismatch(value: unknown): string | undefined;
  readonly validator: KindValidator;
  /** The JSON Schema keywords of the kind itself (constraints add theirs). */
  jsonSchema(): JsonSchema;
  readonly maxLength: LengthMeasure;
}

export interface ScalarKindModule<K extends ScalarKind = ScalarKind> extends KindBase<K> {
  readonly category: 'scalar';
  /** The TypeScript type of a value without an enum. */
  readonly tsType: 'string' | 'number' | 'boolean';
  readonly format?: KindFormat;
  /** Whether a documented value set (enum) becomes a type and a check; a boolean's does not. */
  readonly enumerable: boolean;
  /**
   * The wire value that spec text (an enum value, a requiredIf `equals`, a doc example) stands
   * for: a number field's "3" is 3. Text that is no value of the kind is returned unchanged.
   */
  wireValue(text: string): string | number | boolean;
  /** The gateway's value for a field without a usable example or enum. */
  readonly sample: string | number | boolean;
}

export interface ObjectKindModule extends KindBase<'object'> {
  readonly category: 'object';
  /**
   * An open object: a model the page names without showing its fields. Every stage reads its
   * meaning here: any plain object is valid (validators check the kind only), the TypeScript
   * type, the TSDoc line and the gateway's sample.
   */
  readonly open: { readonly tsType: string; readonly doc: string; readonly sample: Readonly<Record<string, never>> };
}

export interface ArrayKindModule extends KindBase<'array'> {
  readonly category: 'array';
}

/** `file`: what the runtime and the gateway need of a multipart file part. */
export interface FileKindModule extends KindBase<'file'> {
  readonly category: 'file';
  /** The runtime's type of a file value (templates/runtime/contract.ts). */
  readonly tsType: 'AlipayFile';
  /** The runtime's shape check (the validator calls it) and its size reader (for maxLength in bytes). */
  readonly helpers: { readonly check: RuntimeHelper; readonly size: RuntimeHelper };
  /** The TSDoc line of a field of the kind. */
  readonly docNote: string;
  /** What the gateway answers for a file it received (its sample file id). */
  readonly sample: string;
  /** The validator's size test (a condition true when the file at `expr` is larger than `maxBytes`) and its message. */
  tooLarge(expr: string, maxBytes: number): { readonly condition: string; readonly message: string };
  /** The JSON Schema keyword of a documented largest size (JSON Schema has none for bytes). */
  maxBytesSchema(maxBytes: number): JsonSchema;
}

/** The module of kind K: scalars say everything about their values, containers delegate to their children. */
export type KindModule<K extends FieldKind> = K extends ScalarKind
  ? ScalarKindModule<K>
  : K extends 'object'
    ? ObjectKindModule
    : K extends 'file'
      ? FileKindModule
      : ArrayKindModule;

/** `a number`, `null`, `an object`: what a value is, for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}
