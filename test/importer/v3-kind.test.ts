/**
 * The importer takes no v3 route for a method the buyer's browser or the Alipay app sends (page,
 * wap and app pay, by their kind or their name): the loader would refuse it. Other methods keep
 * the route their page shows.
 */
import { describe, expect, it } from 'vitest';
import { findV3Route } from '../../generator/importer/to-spec/v3-route.js';
import { checkOutput } from '../../generator/importer/import-doc.js';
import type { MethodSpec } from '../../generator/spec/model.js';

const base = (method: string, kind?: MethodSpec['kind']): MethodSpec => ({
  method,
  ...(kind === undefined ? {} : { kind }),
  request: [{ name: 'out_trade_no', type: 'string', required: true }],
  response: [],
  errors: [],
});

describe('findV3Route and the method kind', () => {
  it.each([
    ['alipay.trade.page.pay', undefined, 'page', "the buyer's browser sends it: the function returns a signed GET link and an auto-submitting POST form"],
    ['alipay.trade.wap.pay', undefined, 'page', "the buyer's browser sends it: the function returns a signed GET link and an auto-submitting POST form"],
    ['alipay.trade.app.pay', undefined, 'app', 'the Alipay app sends it: the function returns the signed order string'],
    ['alipay.fund.auth.order.app.freeze', 'app', 'app', 'the Alipay app sends it: the function returns the signed order string'],
  ] as const)('%s (kind %s): the v3 URL on its page is ignored with a warning', (method, kind, said, meaning) => {
    const text = `说明\ncurl -X POST 'https://openapi.alipay.com/v3/${method.split('.').join('/')}'`;
    const found = findV3Route(text, base(method, kind));
    expect(found.route).toBeUndefined();
    expect(found.diagnostics).toEqual([
      { severity: 'warning', line: 2, col: 41, message: `v3 route /v3/${method.split('.').join('/')} ignored: ${method} is a ${said} method (${meaning}), v2 only` },
    ]);
  });

  it('a call method keeps the route its page shows, and what the importer writes loads', () => {
    const spec = base('alipay.trade.query');
    const found = findV3Route("curl -X POST 'https://openapi.alipay.com/v3/alipay/trade/query'", spec);
    expect(found).toEqual({ route: { method: 'POST', path: '/v3/alipay/trade/query' }, diagnostics: [] });
    expect(checkOutput({ ...spec, v3: found.route! }, 'page.md', 'alipay.trade.query.yaml').diagnostics).toEqual([]);
    // Stated kind call wins over a payment-like name.
    expect(findV3Route('POST /v3/alipay/x/app/pay', base('alipay.x.app.pay', 'call')).route).toEqual({ method: 'POST', path: '/v3/alipay/x/app/pay' });
  });
});
