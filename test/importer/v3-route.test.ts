/**
 * The importer's v3 route: taken from a page that shows one (in any layout), never invented for a
 * page that does not; a route the loader would refuse is dropped with a warning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { findV3Route } from '../../generator/importer/to-spec/v3-route.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';

const SAMPLES = new URL('../../../shared/docs-samples/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES), 'utf8');

const spec: MethodSpec = {
  method: 'alipay.trade.query',
  request: [
    { name: 'out_trade_no', type: 'string', required: false },
    { name: 'card_no', type: 'string', required: true },
    { name: 'extend', type: 'object', required: true, fields: [] },
  ],
  response: [],
  errors: [],
};

describe('findV3Route', () => {
  it.each([
    ["curl -X POST 'https://openapi.alipay.com/v3/alipay/trade/query' \\", 'POST', 1, 15],
    ['请求地址: POST /v3/alipay/trade/query', 'POST', 1, 11],
    ["const result = await alipaySdk.curl('POST', '/v3/alipay/trade/query', {", 'POST', 1, 46],
    ['curl --request GET \\\n  --url https://openapi.alipay.com/v3/alipay/trade/query?out_trade_no=1', undefined, 2, 35],
  ])('reads %j', (text, method, line, col) => {
    const found = findV3Route(text, spec);
    expect(found.route).toEqual({ method: method ?? 'POST', path: '/v3/alipay/trade/query' });
    if (method === undefined) expect(found.diagnostics).toEqual([{ severity: 'warning', line, col, message: 'v3 route /v3/alipay/trade/query: no HTTP method next to it, took POST' }]);
    else expect(found.diagnostics).toEqual([]);
  });

  it('takes a path field that is a required scalar, warns that the path is not the rule\'s', () => {
    const found = findV3Route('GET /v3/alipay/trade/cards/{card_no}', spec);
    expect(found.route).toEqual({ method: 'GET', path: '/v3/alipay/trade/cards/{card_no}' });
    expect(found.diagnostics.map((d) => d.message)).toEqual(['v3 route /v3/alipay/trade/cards/{card_no} differs from the rule\'s /v3/alipay/trade/query: check it']);
  });

  it.each([
    ['POST /v3/alipay/trade/x/{out_trade_no}', 'v3 route /v3/alipay/trade/x/{out_trade_no} dropped: {out_trade_no} is not required'],
    ['POST /v3/alipay/trade/x/{extend}/{nope}', 'v3 route /v3/alipay/trade/x/{extend}/{nope} dropped: {extend} is object, not a scalar; {nope} names no request field'],
    ['POST /v3/alipay/trade/query\nPOST /v3/alipay/trade/close', 'the page shows two v3 routes (POST /v3/alipay/trade/query and POST /v3/alipay/trade/close): no v3 route taken, set v3: by hand'],
    ['POST /v3/alipay/trade/query\nGET /v3/alipay/trade/query', 'the page shows two v3 routes (POST /v3/alipay/trade/query and GET /v3/alipay/trade/query): no v3 route taken, set v3: by hand'],
  ])('drops %j with a warning', (text, message) => {
    const found = findV3Route(text, spec);
    expect(found.route).toBeUndefined();
    expect(found.diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('a page without a /v3/ path has no route (the v3 doc site\'s own links are not routes)', () => {
    expect(findV3Route('详见 https://opendocs.alipay.com/open-v3/054oog 与 POST /gateway.do', spec)).toEqual({ diagnostics: [] });
  });
});

describe('importing pages', () => {
  it.each(readdirSync(SAMPLES).filter((f) => f !== 'README.md'))('the v2 sample %s gets no v3 route', (name) => {
    const result = importDoc(sample(name), name);
    expect(result.spec?.v3).toBeUndefined();
    expect(result.yaml ?? '').not.toMatch(/^v3:/m);
  });

  it('a page that shows its v3 route gets it in the spec, which the loader reads back', () => {
    const page = `${sample('alipay.trade.query.opendocs.md')}\n\nv3 调用: curl -X POST 'https://openapi.alipay.com/v3/alipay/trade/query'\n`;
    const result = importDoc(page, 'alipay.trade.query.opendocs.md');
    expect(result.spec?.v3).toEqual({ method: 'POST', path: '/v3/alipay/trade/query' });
    expect(result.yaml).toMatch(/^v3: \{ method: POST, path: \/v3\/alipay\/trade\/query \}$/m);
    expect(parseSpec(result.yaml!, 'alipay.trade.query.yaml').spec?.spec.v3).toEqual({ method: 'POST', path: '/v3/alipay/trade/query' });
  });
});
