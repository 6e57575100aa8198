/**
 * The intermediate representation of one method: immutable plain data built from a MethodSpec,
 * with doc order kept, types resolved, and every object shape turned into a model in a flat list
 * (nested models first). No names are decided here: that is the planner's job.
 */
import type { ErrorCode, Examples, RequiredIf } from '../spec/model.js';
import type { ScalarKind } from '../types/kind.js';
import type { V3RouteSpec } from '../spec/v3-route.js';
import type { MethodKind } from '../spec/method-kind.js';

export type { ScalarKind };

export interface EnumValueIR {
  readonly value: string;
  readonly description?: string;
}

/** A documented value set, shared by every field of the method with the same name, kind and values. */
export interface EnumIR {
  readonly id: number;
  /** The wire name of the (first) field carrying it, for naming. */
  readonly nameHint: string;
  readonly kind: ScalarKind;
  readonly values: readonly EnumValueIR[];
  /** Numbers with numeric values become numeric literal types; everything else string literals. */
  readonly literal: 'string' | 'number';
  /** The values are documentation, not the whole set (`enumOpen`): other values of the kind are valid. */
  readonly open?: boolean;
}

export interface ScalarTypeIR {
  readonly kind: ScalarKind;
  readonly maxLength?: number;
  readonly enumId?: number;
}

export interface ObjectTypeIR {
  readonly kind: 'object';
  readonly modelId: number;
}

export interface ArrayTypeIR {
  readonly kind: 'array';
  readonly items: ScalarTypeIR | ObjectTypeIR;
  /** The doc's length of the list; no check (see the kinds table), kept for JSON Schema. */
  readonly maxLength?: number;
}

/** A file param (multipart part, never signed); only in `params`. */
export interface FileTypeIR {
  readonly kind: 'file';
  /** The largest size in bytes the doc gives (spec maxLength on a file). */
  readonly maxLength?: number;
}

export type TypeIR = ScalarTypeIR | ObjectTypeIR | ArrayTypeIR | FileTypeIR;

export interface FieldIR {
  readonly name: string;
  readonly type: TypeIR;
  readonly required: boolean | 'conditional';
  readonly requiredIf?: RequiredIf;
  readonly description?: string;
  readonly example?: string | number | boolean;
  readonly deprecated?: boolean | string;
}

export interface ModelIR {
  readonly id: number;
  /** The doc's model name (`MerchantCard`); absent for anonymous objects. */
  readonly docName?: string;
  /** The wire name of the (first) field holding it, for naming anonymous models. */
  readonly nameHint: string;
  /** Where it first appears, e.g. `response.card_info`, for docs. */
  readonly origin: string;
  readonly fields: readonly FieldIR[];
  /** One-of groups among `fields` (spec `oneOf`). */
  readonly oneOf?: readonly (readonly string[])[];
  /** The page names the model but does not show its fields (`type: object` without `fields`): any object. */
  readonly open?: boolean;
}

export interface MethodIR {
  readonly method: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean | string;
  readonly request: readonly FieldIR[];
  /** Request params sent as top-level form params, not inside biz_content (scalars); empty for most methods. */
  readonly params: readonly FieldIR[];
  /** One-of groups among the request's fields (`request` and `params`). */
  readonly oneOf?: readonly (readonly string[])[];
  readonly response: readonly FieldIR[];
  /** How the method is used (`call` when the spec says nothing). */
  readonly kind: MethodKind;
  /** The fields of its asynchronous notification; empty when it has none. */
  readonly notify: readonly FieldIR[];
  /** Every model, children before parents; ids are indexes into this list. */
  readonly models: readonly ModelIR[];
  /** Every enum; ids are indexes into this list. */
  readonly enums: readonly EnumIR[];
  readonly errors: readonly ErrorCode[];
  /** The doc's examples as the spec holds them (parsed JSON values). */
  readonly examples?: Examples;
  /** The v3 route; absent: the method is v2 only. */
  readonly v3?: Readonly<V3RouteSpec>;
}
