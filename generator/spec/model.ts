/**
 * The in-memory spec model: what one `specs/<method>.yaml` file means, after loading.
 *
 * The YAML format writes fields as maps (wire name -> field, doc order kept). In memory they are
 * arrays of named fields: arrays keep doc order for every name (a JS object would move integer-like
 * keys first) and a wire name such as `__proto__` stays plain data instead of touching a prototype.
 *
 * The importer produces this model, the YAML dumper writes it, the loader reads it back, and every
 * later stage (IR, planner, emitters, gateway, OpenAPI export) consumes it. Nothing here holds
 * source positions: the loader keeps those beside the model (see LoadedSpec).
 */

import type { FieldKind, ItemKind } from '../types/kind.js';
import { FIELD_KINDS, PARAM_KINDS } from '../types/table.js';
import type { V3RouteSpec } from './v3-route.js';
import type { MethodKind } from './method-kind.js';

/** Field types of the format: the kinds of generator/types/table.ts. */
export type FieldType = FieldKind;

/** Types an array item may have (arrays of arrays do not occur in the docs). */
export type ItemType = ItemKind;

/** `conditional` is the doc's 特殊可选 / 条件必填: required in some situations only. */
export type Requiredness = true | false | 'conditional';

export const FIELD_TYPES: readonly FieldType[] = FIELD_KINDS;

/** The types a top-level form param may have: scalars (the form carries strings) and files (multipart parts). */
export const PARAM_TYPES: readonly FieldType[] = PARAM_KINDS;

export interface EnumValue {
  /** The value on the wire, always a string in the spec (numbers as written, e.g. "1"). */
  value: string;
  description?: string;
}

/**
 * When a `conditional` (or optional) field becomes required: the sibling field `field` is present,
 * or, with `equals`, has exactly that value. Extracted from descriptions such as
 * `code_status为SUCCESS时必填`; set by hand in review otherwise.
 */
export interface RequiredIf {
  field: string;
  equals?: string;
}

/** What an object or array item looks like, shared by fields and array items. */
export interface Shape {
  type: FieldType;
  /** The doc's model name for objects (`MerchantCard`); absent for anonymous objects. */
  model?: string;
  /** Children of an object, in doc order. */
  fields?: Field[];
  /** The item of an array. */
  items?: Items;
  maxLength?: number;
  enum?: EnumValue[];
  /**
   * The documented values are not the whole set (the page cuts the list short with `更多`, or says
   * 包括但不限于 / "such as"): kept as documentation, other values of the kind are accepted.
   */
  enumOpen?: boolean;
  /** One-of groups among the object's `fields`: exactly one field of each group is sent. */
  oneOf?: OneOfGroup[];
}

/** Sibling wire names of which exactly one is present (the doc's `以下参数 二选一 传入`). */
export type OneOfGroup = string[];

export interface Items extends Shape {
  type: ItemType;
}

export interface Field extends Shape {
  /** The wire name, exactly as documented (typos included: `parter_id`). */
  name: string;
  required: Requiredness;
  requiredIf?: RequiredIf;
  description?: string;
  /** The doc's example value for scalars, kept as the doc wrote it. */
  example?: string | number | boolean;
  /** Free-form deprecation note; `true` when the doc only says it is deprecated. */
  deprecated?: boolean | string;
}

export interface ErrorCode {
  code: string;
  description?: string;
  solution?: string;
}

export interface Examples {
  /** The biz_content of the doc's request example, as a parsed JSON value. */
  request?: unknown;
  /** The top-level form params of the request example (wire name -> value), for methods with `params`. */
  params?: unknown;
  /** The doc's response example: the whole body, `{ "<method>_response": {...}, "sign": "..." }`. */
  response?: unknown;
  /** The doc's error example, whole body as above. */
  error?: unknown;
}

export interface MethodSpec {
  /** Wire name, e.g. `alipay.marketing.card.query`. */
  method: string;
  title?: string;
  description?: string;
  /** Business params (biz_content), doc order. */
  request: Field[];
  /**
   * Request parameters sent as top-level form params, not inside biz_content (the Java SDK's
   * `request.setGrantType(...)` style, e.g. `alipay.system.oauth.token`). Scalar types only; no
   * name may also be in `request`. Absent when the method has none.
   */
  params?: Field[];
  /** One-of groups among the request's fields (`request` and `params`): exactly one of each group is sent. */
  oneOf?: OneOfGroup[];
  /** Business response fields only; code/msg/sub_code/sub_msg/sign belong to the runtime. */
  response: Field[];
  /** How the method is used (method-kind.ts); absent means `call`. */
  kind?: MethodKind;
  /**
   * The fields of the method's asynchronous notification (异步通知), form params (text types only:
   * string, date, price), doc order. Absent when the method has no notification.
   */
  notify?: Field[];
  errors: ErrorCode[];
  examples?: Examples;
  /** Reviewer notes carried along (not emitted into code except as docs). */
  notes?: string[];
  deprecated?: boolean | string;
  /** The method's v3 (RESTful) route; absent: v2 only. See v3-route.ts for the rule. */
  v3?: V3RouteSpec;
}

/** A position in a source file, 1-based. */
export interface SourcePosition {
  line: number;
  col: number;
}

/** A spec as read from disk: the model plus where each part came from, for diagnostics. */
export interface LoadedSpec {
  file: string;
  spec: MethodSpec;
  /**
   * Position of a dotted spec path such as `request.card_user_info.fields.user_uni_id.maxLength`
   * (the path of YAML keys); falls back to the nearest enclosing node, then to 1:1.
   */
  locate(path: readonly (string | number)[]): SourcePosition;
}
