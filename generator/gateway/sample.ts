/**
 * The success answer of a method: the doc's example response node when the spec has one (and it
 * is a success), else a node built from the response schema with each field's example.
 */
import type { Field, Items, MethodSpec } from '../spec/model.js';
import { responseNodeKey } from '../../templates/runtime/index.js';
import { SUCCESS_CODE, type Node } from './codes.js';

const DEFAULTS = { date: '2024-01-01 12:00:00', price: '0.01', number: 1, boolean: true } as const;

function scalar(shape: Items | Field, example: unknown): unknown {
  switch (shape.type) {
    case 'number':
      return typeof example === 'number' ? example : Number.isFinite(Number(example)) && example !== undefined ? Number(example) : DEFAULTS.number;
    case 'boolean':
      return typeof example === 'boolean' ? example : example === undefined ? DEFAULTS.boolean : String(example) === 'true';
    case 'date':
      return example === undefined ? DEFAULTS.date : String(example);
    case 'price':
      return example === undefined ? DEFAULTS.price : String(example);
    default: {
      if (example !== undefined) return String(example);
      if (shape.enum !== undefined && shape.enum.length > 0) return shape.enum[0]!.value;
      return 'x';
    }
  }
}

function sampleOf(shape: Items | Field, example: unknown): unknown {
  if (shape.type === 'object') return sampleObject(shape.fields ?? []);
  if (shape.type === 'array') return shape.items === undefined ? [] : [sampleOf(shape.items, example)];
  return scalar(shape, example);
}

function sampleObject(fields: readonly Field[]): Node {
  const node: Node = {};
  // defineProperty: a documented field named __proto__ stays plain data.
  for (const f of fields) Object.defineProperty(node, f.name, { value: sampleOf(f, f.example), enumerable: true, writable: true, configurable: true });
  return node;
}

/** A node built from the response schema: code and msg first, then every field with its example. */
export function responseFromSchema(spec: MethodSpec): Node {
  return { code: SUCCESS_CODE, msg: 'Success', ...sampleObject(spec.response) };
}

/** The node the gateway answers a valid request with. */
export function successNode(spec: MethodSpec): Node {
  const example = (spec.examples?.response as Record<string, unknown> | undefined)?.[responseNodeKey(spec.method)];
  if (typeof example === 'object' && example !== null && !Array.isArray(example) && (example as Node)['code'] === SUCCESS_CODE) {
    return example as Node;
  }
  return responseFromSchema(spec);
}
