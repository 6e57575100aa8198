import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { specToYaml } from './helpers/spec-yaml.js';

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '1', '1.0', 'null', 'true', 'a b', `q'u"ote`, '*/', '${x}', '`tick`', '- dash', '#hash', 'a.b', ''];

describe('hostile wire names', () => {
  it('come out as plain data, in doc order, and leave Object.prototype untouched', () => {
    const fields = NAMES.map((name) => ({ name, type: 'string' as const, required: true as const, description: `${name} */ end` }));
    const example: Record<string, unknown> = {};
    for (const name of NAMES) Object.defineProperty(example, name, { value: name, enumerable: true, writable: true, configurable: true });
    const spec: MethodSpec = {
      method: 'a.b',
      request: [...fields, { name: 'nested', type: 'object', required: false, fields }],
      response: fields,
      errors: [],
      examples: { request: example },
    };
    const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype);

    const { spec: loaded, diagnostics } = parseSpec(specToYaml(spec), 'a.b.yaml');

    expect(diagnostics).toEqual([]);
    expect(loaded?.spec.request.map((f) => f.name)).toEqual([...NAMES, 'nested']);
    expect(loaded?.spec.request.at(-1)?.fields?.map((f) => f.name)).toEqual(NAMES);
    expect(loaded?.spec).toEqual(spec);
    const request = loaded?.spec.examples?.request as Record<string, unknown>;
    expect(Object.getPrototypeOf(request)).toBe(Object.prototype);
    expect(Object.keys(request)).toEqual(Object.keys(example));
    expect(Object.getOwnPropertyDescriptor(request, '__proto__')?.value).toBe('__proto__');
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(protoKeysBefore);
    expect(({} as Record<string, unknown>)['toString']).toBe(Object.prototype.toString);
  });

  it('locates hostile names like any other key', () => {
    const text = "method: a.b\nrequest:\n  __proto__: { type: string, required: true }\n  '1': { type: string, required: true }\nresponse: {}\n";
    const { spec } = parseSpec(text, 'a.b.yaml');
    expect(spec?.locate(['request', '__proto__', 'required'])).toEqual({ line: 3, col: 30 });
    expect(spec?.locate(['request', '1'])).toEqual({ line: 4, col: 3 });
  });

  it('treats a plain 1 and a quoted "1" as the same wire name', () => {
    const text = "method: a.b\nrequest:\n  1: { type: string, required: true }\n  '1': { type: string, required: true }\nresponse: {}\n";
    expect(parseSpec(text, 'a.b.yaml').diagnostics.map((d) => d.message)).toEqual(['request["1"]: duplicate key (first at line 3)']);
  });
});
