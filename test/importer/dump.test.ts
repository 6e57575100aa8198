import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSpec } from '../../generator/spec/load.js';
import { dumpSpec, SCHEMA_COMMENT } from '../../generator/spec/dump.js';
import type { MethodSpec } from '../../generator/spec/model.js';

const base: MethodSpec = { method: 'alipay.demo.x', request: [], response: [], errors: [] };

describe('dumpSpec', () => {
  it('starts with the schema line and writes fields in the format key order', () => {
    const text = dumpSpec({
      ...base,
      title: 't',
      request: [
        {
          name: 'a',
          description: 'x\ny',
          example: '0000001',
          maxLength: 32,
          requiredIf: { field: 'b', equals: 'OK' },
          required: 'conditional',
          model: 'M',
          type: 'string',
          enum: [{ value: '1', description: '生效' }, { value: 'true' }],
          deprecated: true,
        },
        { name: 'b', type: 'array', required: false, items: { type: 'object', model: 'Item', fields: [{ name: 'c', type: 'number', required: true, example: 3 }] } },
      ],
      errors: [{ code: 'E', description: 'd', solution: 's' }],
    });
    expect(text).toBe(
      [
        SCHEMA_COMMENT,
        'method: alipay.demo.x',
        'title: t',
        'request:',
        '  a:',
        '    type: string',
        '    model: M',
        '    required: conditional',
        '    requiredIf: { field: b, equals: OK }',
        '    maxLength: 32',
        '    description: |-',
        '      x',
        '      y',
        "    example: '0000001'",
        '    enum:',
        "      - { value: '1', description: 生效 }",
        "      - { value: 'true' }",
        '    deprecated: true',
        '  b:',
        '    type: array',
        '    required: false',
        '    items:',
        '      type: object',
        '      model: Item',
        '      fields:',
        '        c:',
        '          type: number',
        '          required: true',
        '          example: 3',
        'response: {}',
        'errors:',
        '  - { code: E, description: d, solution: s }',
        '',
      ].join('\n'),
    );
  });

  it('round-trips awkward wire names and values, in doc order', () => {
    const names = ['__proto__', '1', 'a b', "it's", '"q"', '-x', '? x', '#x', 'true', 'null', '0000001', 'a: b', '~', 'yes', ' lead', 'z', '0'];
    const text = dumpSpec({
      ...base,
      request: names.map((name) => ({ name, type: 'string', required: true, example: name, description: name })),
      examples: { request: { k: '', n: null, d: '2014-02-20 21:20:46', multi: 'a\nb', list: [1, true, 'x'] } },
    });
    const doc = parse(text, { mapAsMap: true }) as Map<string, unknown>;
    const request = doc.get('request') as Map<string, Map<string, unknown>>;
    expect([...request.keys()]).toEqual(names);
    for (const [name, field] of request) expect([field.get('example'), field.get('description')]).toEqual([name, name]);
    expect(parse(text).examples.request).toEqual({ k: '', n: null, d: '2014-02-20 21:20:46', multi: 'a\nb', list: [1, true, 'x'] });
    // YAML 1.1 readers (timestamps, yes/no) read the same strings.
    expect(parse(text, { version: '1.1' }).examples.request.d).toBe('2014-02-20 21:20:46');
    expect(parse(text, { version: '1.1' }).request.yes.example).toBe('yes');
  });

  it('is deterministic', () => {
    const spec: MethodSpec = { ...base, request: [{ name: 'a', type: 'string', required: true }], examples: { response: { b: 1, a: 2 } } };
    expect(dumpSpec(spec)).toBe(dumpSpec(structuredClone(spec)));
  });

  it('reads back through the spec loader as the same spec', () => {
    const spec: MethodSpec = {
      ...base,
      title: '标题',
      description: '多行\n描述',
      request: [
        { name: '__proto__', type: 'string', required: true, maxLength: 8, example: '0001' },
        { name: 'o', type: 'object', model: 'O', required: false, fields: [{ name: '1', type: 'number', required: 'conditional', example: 5 }] },
      ],
      response: [{ name: 'l', type: 'array', required: false, items: { type: 'string' } }],
      errors: [{ code: 'E1', description: '错误' }],
    };
    const loaded = parseSpec(dumpSpec(spec), 'x.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.spec?.spec).toEqual(spec);
  });

  it('writes top-level params right after request, and they read back (with their example)', () => {
    const spec: MethodSpec = {
      ...base,
      request: [{ name: 'scene', type: 'string', required: false }],
      params: [
        { name: 'grant_type', type: 'string', required: true, enum: [{ value: 'authorization_code' }, { value: 'refresh_token' }] },
        { name: 'code', type: 'string', required: 'conditional', requiredIf: { field: 'grant_type', equals: 'authorization_code' } },
      ],
      response: [{ name: 'user_id', type: 'string', required: false }],
      examples: { request: { scene: 'x' }, params: { grant_type: 'authorization_code', code: '4b20' } },
    };
    const text = dumpSpec(spec);
    expect(Object.keys(parse(text))).toEqual(['method', 'request', 'params', 'response', 'errors', 'examples']);
    expect(Object.keys(parse(text).examples)).toEqual(['request', 'params']);
    const loaded = parseSpec(text, 'x.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.spec?.spec).toEqual(spec);
  });
});
