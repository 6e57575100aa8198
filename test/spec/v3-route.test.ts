/**
 * The `v3:` route of a spec: the rule, the loader (every problem at file:line:col), the dumper
 * (round trip), the JSON Schema's verdict agreeing with the loader's, and the IR.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMethodIR } from '../../generator/ir/build.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import { defaultV3Route, v3PathFields } from '../../generator/spec/v3-route.js';

const schema = JSON.parse(readFileSync(new URL('../../generator/spec/spec.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(schema);

const SPEC = (v3: string) =>
  'method: alipay.test.card.detail\n' +
  `v3: ${v3}\n` +
  'request:\n' +
  '  card_id: { type: string, required: true }\n' +
  '  page: { type: number, required: false }\n' +
  '  tags: { type: array, required: false, items: { type: string } }\n' +
  '  filter: { type: object, required: false, fields: { a: { type: string, required: false } } }\n' +
  '  note: { type: string, required: false }\n' +
  'params:\n' +
  '  grant_type: { type: string, required: true }\n' +
  'response: {}\n';

function load(text: string) {
  const { spec, diagnostics } = parseSpec(text, 'alipay.test.card.detail.yaml');
  return { spec: spec?.spec, problems: diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.message}`) };
}

describe('the default rule', () => {
  it('is POST and the wire name with dots as slashes under /v3/', () => {
    expect(defaultV3Route('alipay.trade.query')).toEqual({ method: 'POST', path: '/v3/alipay/trade/query' });
    expect(defaultV3Route('alipay.trade.fastpay.refund.query').path).toBe('/v3/alipay/trade/fastpay/refund/query');
  });

  it('property: the rule path of any method name is one the loader accepts and names no field', () => {
    // The YAML quotes both: a name such as 0.0 would read as a number (fast-check found it).
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), { minLength: 2, maxLength: 6 }), (words) => {
        const method = words.join('.');
        const { spec, problems } = load(`method: '${method}'\nv3: { path: '${defaultV3Route(method).path}' }\nrequest: {}\nresponse: {}\n`);
        expect(problems).toEqual([]);
        expect(spec?.v3).toEqual(defaultV3Route(method));
        expect(v3PathFields(spec!.v3!.path)).toEqual([]);
      }),
      { examples: [[['0', '0']]] },
    );
  });
});

describe('loading v3:', () => {
  it('true takes the rule; a map is read with its defaults (method POST, path the rule)', () => {
    expect(load(SPEC('true')).spec?.v3).toEqual({ method: 'POST', path: '/v3/alipay/test/card/detail' });
    expect(load(SPEC('{ query: [page] }')).spec?.v3).toEqual({ method: 'POST', path: '/v3/alipay/test/card/detail', query: ['page'] });
    expect(load(SPEC('{ method: GET, path: "/v3/alipay/test/cards/{card_id}" }')).spec?.v3).toEqual({ method: 'GET', path: "/v3/alipay/test/cards/{card_id}" });
    expect(load(SPEC('{ path: "/v3/x/{grant_type}", query: [tags, note] }')).spec?.v3).toEqual({ method: 'POST', path: '/v3/x/{grant_type}', query: ['tags', 'note'] });
  });

  it('no v3 key: no route', () => {
    expect(load(SPEC('true').replace(/^v3:.*\n/m, '')).spec?.v3).toBeUndefined();
  });

  const cases: [string, string, string][] = [
    ['false', 'false', '2:5 error v3: expected true or a map of method, path, query, got a boolean (leave v3 out for a v2-only method)'],
    ['a list', '[POST]', '2:5 error v3: expected true or a map of method, path, query, got a list (leave v3 out for a v2-only method)'],
    ['unknown key', '{ methd: POST }', '2:7 error v3: unknown key "methd" (did you mean "method"?)'],
    ['unknown HTTP method', '{ method: post }', '2:15 error v3.method: unknown HTTP method "post", expected one of GET, POST, PUT, PATCH, DELETE'],
    ['path not under /v3', '{ path: /v2/alipay/x }', '2:13 error v3.path: "/v2/alipay/x" is not a v3 path such as /v3/alipay/trade/query (segments of A-Z a-z 0-9 _ . ~ - or {field}; at most 512 characters)'],
    ['a .. segment', '{ path: /v3/a/../b }', '2:13 error v3.path: "/v3/a/../b" is not a v3 path such as /v3/alipay/trade/query (segments of A-Z a-z 0-9 _ . ~ - or {field}; at most 512 characters)'],
    ['a query string in the path', "{ path: '/v3/a?x=1' }", `2:13 error v3.path: "/v3/a?x=1" is not a v3 path such as /v3/alipay/trade/query (segments of A-Z a-z 0-9 _ . ~ - or {field}; at most 512 characters)`],
    ['a path field naming nothing', '{ path: "/v3/a/{card}" }', '2:13 error v3.path: {card} names no top-level request field'],
    ['an optional path field', '{ path: "/v3/a/{note}" }', '2:13 error v3.path: {note} must be required: true (a path segment cannot be left out)'],
    ['an object path field', '{ path: "/v3/a/{filter}" }', '2:13 error v3.path: {filter} is object: a path field must be a scalar'],
    ['a path field twice', '{ path: "/v3/a/{card_id}/{card_id}" }', '2:13 error v3.path: {card_id} appears twice in the path'],
    ['a query field naming nothing', '{ query: [pgae] }', '2:15 error v3.query[0]: "pgae" names no top-level request field'],
    ['an object query field', '{ query: [filter] }', '2:15 error v3.query[0]: "filter" is object: a query field must be a scalar or a list'],
    ['a query field in the path too', '{ path: "/v3/a/{card_id}", query: [card_id] }', '2:40 error v3.query[0]: "card_id" is already in the path'],
    ['a query field twice', '{ query: [page, page] }', '2:21 error v3.query[1]: "page" is listed twice'],
    ['query not a list', '{ query: page }', '2:14 error v3.query: expected a list, got a string'],
  ];
  it.each(cases)('refuses %s, naming file, line and column', (_name, v3, expected) => {
    const { spec, problems } = load(SPEC(v3));
    expect(problems).toEqual([`alipay.test.card.detail.yaml:${expected}`]);
    expect(spec?.v3).toBeUndefined();
  });

  it('the JSON Schema gives the loader\'s verdict on every case', () => {
    for (const v3 of ['true', '{ query: [page] }', '{ method: GET, path: "/v3/alipay/test/cards/{card_id}" }']) {
      expect([v3, validate(parse(SPEC(v3)))]).toEqual([v3, true]);
    }
    // The schema checks the shape only; naming fields is the loader's (a schema cannot see sibling keys' names).
    const shapeOnly = new Set(['a path field naming nothing', 'an optional path field', 'an object path field', 'a path field twice', 'a query field naming nothing', 'an object query field', 'a query field in the path too']);
    for (const [name, v3] of cases) {
      if (!shapeOnly.has(name)) expect([name, validate(parse(SPEC(v3)))]).toEqual([name, false]);
    }
  });
});

describe('dump and IR', () => {
  it('round-trips: the dumper writes the route in flow style and the loader reads it back', () => {
    const written: [string, string][] = [
      ['true', 'v3: { method: POST, path: /v3/alipay/test/card/detail }'],
      ['{ method: GET, path: "/v3/alipay/test/cards/{card_id}", query: [page] }', "v3: { method: GET, path: '/v3/alipay/test/cards/{card_id}', query: [ page ] }"],
    ];
    for (const [v3, line] of written) {
      const spec = load(SPEC(v3)).spec!;
      const text = dumpSpec(spec);
      // Right after the method, before the request it names fields of.
      expect(text.split('\n')[2]).toBe(line);
      expect(load(text).spec).toEqual(spec);
    }
  });

  it('the IR carries the route; a spec without one has none', () => {
    expect(buildMethodIR(load(SPEC('{ query: [page] }')).spec!).v3).toEqual({ method: 'POST', path: '/v3/alipay/test/card/detail', query: ['page'] });
    expect('v3' in buildMethodIR(load(SPEC('true').replace(/^v3:.*\n/m, '')).spec!)).toBe(false);
  });
});
