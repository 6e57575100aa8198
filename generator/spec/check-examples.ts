/**
 * The doc's request/response examples must agree with the fields: every key names a field, and
 * every value has the field's shape (objects, arrays and scalar types, walked all the way down).
 * Works on the YAML nodes so each problem points at the offending line.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { responseNodeKey } from '../../templates/runtime/response.js';
import { KINDS, assertNever } from '../types/table.js';
import type { Field, Shape } from './model.js';
import { type PathSegment } from './display.js';
import { losesDigits, readEntries, type Reader } from './reader.js';
import { didYouMean } from './suggest.js';
import { scalarProblems, textValueProblems } from './values.js';
import { findPair, kindOf } from './yaml-ast.js';

/** What the checked object holds, named in messages (`not a params field`). */
type Side = 'request' | 'params' | 'response';

/**
 * Fields of every response node that belong to the runtime (ResponseBase), not to the spec's
 * response fields, and the body's `sign`: the gateway sends them all as strings. A spec field of
 * the same name takes precedence (its own type applies).
 */
const COMMON_RESPONSE_FIELDS: readonly Field[] = ['code', 'msg', 'sub_code', 'sub_msg'].map((name) => ({ name, type: 'string', required: false }));
const SIGN_FIELD: Field = { name: 'sign', type: 'string', required: false };

/** `key` is `params` for the example's top-level form params (checked against `params`). */
export function checkRequestExample(r: Reader, node: unknown, fields: readonly Field[], key: 'request' | 'params' = 'request'): void {
  checkObject(r, node, fields, ['examples', key], key === 'request' ? 'request' : 'params');
}

/** Checks the `<method>_response` node of a whole response body, when the body has one. */
export function checkResponseExample(r: Reader, body: unknown, method: string, fields: readonly Field[], key: 'response' | 'error'): void {
  if (!isMap(body)) {
    r.report(body, ['examples', key], `expected the response body as a map, got ${kindOf(body)}`);
    return;
  }
  const name = responseNodeKey(method);
  const pair = findPair(body, name);
  const common = COMMON_RESPONSE_FIELDS.filter((c) => !fields.some((f) => f.name === c.name));
  if (pair) checkObject(r, pair.value, [...fields, ...common], ['examples', key, name], 'response', fields);
  const sign = findPair(body, SIGN_FIELD.name);
  if (sign) checkValue(r, sign.value, SIGN_FIELD, ['examples', key, SIGN_FIELD.name], 'response');
}

function checkObject(
  r: Reader,
  node: unknown,
  fields: readonly Field[],
  path: readonly PathSegment[],
  side: Side,
  /** The spec's own list, when `fields` adds the common ones: its completeness and its names for suggestions. */
  specFields: readonly Field[] = fields,
): void {
  const entries = readEntries(r, node, path);
  if (!entries) return;
  const names = specFields.map((f) => f.name);
  for (const entry of entries) {
    const field = fields.find((f) => f.name === entry.name);
    if (field) checkValue(r, entry.value, field, [...path, entry.name], side);
    else if (!r.incomplete.has(specFields)) {
      r.report(entry.key, [...path, entry.name], `not a ${side} field${didYouMean(entry.name, names)}`);
    }
  }
}

function checkValue(r: Reader, node: unknown, shape: Shape, path: readonly PathSegment[], side: Side): void {
  const kind = KINDS[shape.type];
  switch (kind.category) {
    case 'object':
      if (!isMap(node)) r.report(node, path, `expected an object, got ${kindOf(node)}`);
      // An object without declared fields is open: its content is not checked.
      else if (shape.fields) checkObject(r, node, shape.fields, path, side);
      return;
    case 'array':
      if (!isSeq(node)) r.report(node, path, `expected an array, got ${kindOf(node)}`);
      else if (shape.items) {
        const items = shape.items;
        node.items.forEach((item, i) => checkValue(r, item, items, [...path, i], side));
      }
      return;
    case 'scalar': {
      if (!isScalar(node)) {
        r.report(node, path, `expected a ${kind.kind}, got ${kindOf(node)}`);
        return;
      }
      if (losesDigits(node)) {
        // Quoting it is the fix only where a string is expected; a number field cannot hold it at all.
        const fix = kind.tsType === 'number' ? 'a number field cannot hold it (make the field a string and quote it)' : 'quote it';
        r.report(node, path, `the number ${node.source ?? node.value} is too large to keep exactly; ${fix}`);
        return;
      }
      // Top-level params travel as form text: "3" is a number param's 3 there (not in JSON bodies).
      const problems = side === 'params' ? textValueProblems : scalarProblems;
      for (const problem of problems(node.value, { ...shape, type: kind.kind })) r.report(node, path, problem);
      return;
    }
    case 'file':
      r.report(node, path, `the example value ${kind.mismatch(undefined)}`);
      return;
  }
  assertNever(kind);
}
