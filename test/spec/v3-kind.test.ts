/**
 * A v3 route belongs to a method the server sends (kind `call`): a page or app method is sent by
 * the buyer's browser or the Alipay app over v2, so `v3:` on one is refused at file:line:col,
 * by the loader and by the JSON Schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSpec } from '../../generator/spec/load.js';

const SPEC = (kind: string | undefined, v3: string) =>
  'method: alipay.trade.page.pay\n' +
  (kind === undefined ? '' : `kind: ${kind}\n`) +
  'request:\n' +
  '  out_trade_no: { type: string, required: true }\n' +
  'response: {}\n' +
  `v3: ${v3}\n`;

function load(text: string) {
  const { spec, diagnostics } = parseSpec(text, 'alipay.trade.page.pay.yaml');
  return { spec: spec?.spec, problems: diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.message}`) };
}

describe('v3: and the method kind', () => {
  it.each([
    ['page', "the buyer's browser sends it: the function returns a signed GET link and an auto-submitting POST form"],
    ['app', 'the Alipay app sends it: the function returns the signed order string'],
  ])('a %s method with a v3 route is refused, naming the v3 key', (kind, meaning) => {
    for (const v3 of ['true', '{ method: POST, path: /v3/alipay/trade/page/pay }']) {
      const { spec, problems } = load(SPEC(kind, v3));
      expect(problems).toEqual([`alipay.trade.page.pay.yaml:6:1 error v3: a ${kind} method has no v3 route (${meaning}; Alipay takes it over v2 only): leave v3 out`]);
      expect(spec?.v3).toBeUndefined();
    }
  });

  it('a call method (stated or by default) keeps its route; a page method without v3 loads', () => {
    expect(load(SPEC('call', 'true')).problems).toEqual([]);
    expect(load(SPEC(undefined, 'true')).spec?.v3).toEqual({ method: 'POST', path: '/v3/alipay/trade/page/pay' });
    const page = SPEC('page', 'true').replace(/^v3:.*\n/m, '');
    expect(load(page).problems).toEqual([]);
    expect(load(page).spec?.kind).toBe('page');
  });
});

describe('the JSON Schema agrees', () => {
  it('refuses v3 on a page or app method, accepts it on a call method', () => {
    const schema = JSON.parse(readFileSync(new URL('../../generator/spec/spec.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(schema);
    const verdicts = [['page', 'true'], ['app', 'true'], ['call', 'true'], [undefined, 'true']].map(([kind, v3]) => validate(parse(SPEC(kind, v3!))));
    expect(verdicts).toEqual([false, false, true, true]);
    expect(validate(parse(SPEC('page', 'true').replace(/^v3:.*\n/m, '')))).toBe(true);
  });
});
