/**
 * The doc's request/response examples must agree with the fields: every key names a field, and
 * every value has the field's shape (objects, arrays and scalar types, walked all the way down).
 * Works on the YAML nodes so each problem points at the offending line.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Field, Shape } from './model.js';
import { type PathSegment } from './display.js';
import { losesDigits, readEntries, type Reader } from './reader.js';
import { didYouMean } from './suggest.js';
import { scalarProblems } from './values.js';
import { findPair, kindOf } from './yaml-ast.js';

/** What the checked object holds, named in messages (`not a params field`). */
type Side = 'request' | 'params' | 'response';

/** Keys of a response node that belong to the runtime, not to the spec's response fields. */
const COMMON_RESPONSE_KEYS = ['code', 'msg', 'sub_code', 'sub_msg'];

/** The key of the response node in a gateway response body. */
export function responseNodeName(method: string): string {
  return `${method.replace(/\./g, '_')}_response`;
}

/** `key` is `params` for the example's top-level form params (checked against `params`). */
export function checkRequestExample(r: Reader, node: unknown, fields: readonly Field[], key: 'request' | 'params' = 'request'): void {
  checkObject(r, node, fields, ['examples', key], key === 'request' ? 'request' : 'params', []);
}

/** Checks the `<method>_response` node of a whole response body, when the body has one. */
export function checkResponseExample(r: Reader, body: unknown, method: string, fields: readonly Field[], key: 'response' | 'error'): void {
  if (!isMap(body)) {
    r.report(body, ['examples', key], `expected the response body as a map, got ${kindOf(body)}`);
    return;
  }
  const name = responseNodeName(method);
  const pair = findPair(body, name);
  if (pair) checkObject(r, pair.value, fields, ['examples', key, name], 'response', COMMON_RESPONSE_KEYS);
}

function checkObject(
  r: Reader,
  node: unknown,
  fields: readonly Field[],
  path: readonly PathSegment[],
  side: Side,
  extraKeys: readonly string[],
): void {
  const entries = readEntries(r, node, path);
  if (!entries) return;
  const names = fields.map((f) => f.name);
  for (const entry of entries) {
    const field = fields.find((f) => f.name === entry.name);
    if (field) checkValue(r, entry.value, field, [...path, entry.name], side);
    else if (!extraKeys.includes(entry.name) && !r.incomplete.has(fields)) {
      r.report(entry.key, [...path, entry.name], `not a ${side} field${didYouMean(entry.name, names)}`);
    }
  }
}

function checkValue(r: Reader, node: unknown, shape: Shape, path: readonly PathSegment[], side: Side): void {
  if (shape.type === 'object') {
    if (!isMap(node)) r.report(node, path, `expected an object, got ${kindOf(node)}`);
    // An object without declared fields is open: its content is not checked.
    else if (shape.fields) checkObject(r, node, shape.fields, path, side, []);
    return;
  }
  if (shape.type === 'array') {
    if (!isSeq(node)) r.report(node, path, `expected an array, got ${kindOf(node)}`);
    else if (shape.items) {
      const items = shape.items;
      node.items.forEach((item, i) => checkValue(r, item, items, [...path, i], side));
    }
    return;
  }
  if (!isScalar(node)) {
    r.report(node, path, `expected a ${shape.type}, got ${kindOf(node)}`);
    return;
  }
  const value = node.value;
  if (losesDigits(node)) {
    r.report(node, path, `the number ${node.source ?? value} is too large to keep exactly; quote it`);
    return;
  }
  for (const problem of scalarProblems(value, shape)) r.report(node, path, problem);
}
