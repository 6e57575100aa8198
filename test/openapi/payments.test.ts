/** OpenAPI export of payment methods: page/app operations marked by kind, notifications as webhooks. */
import { compileErrors, validate } from '@readme/openapi-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../../generator/openapi/document.js';
import { loadSpecsOrThrow } from '../../generator/spec/load.js';

const specs = (await loadSpecsOrThrow(join(import.meta.dirname, '../../specs'))).map((l) => l.spec);
const text = renderOpenApi(specs);
const doc = JSON.parse(text);

describe('payments in the OpenAPI export', () => {
  it('is a valid OpenAPI 3.1 document with webhooks', async () => {
    const result = await validate(JSON.parse(text));
    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
  });

  it('page and app methods carry x-alipay-kind; calls do not', () => {
    expect(doc.paths['/alipay.trade.page.pay'].post['x-alipay-kind']).toBe('page');
    expect(doc.paths['/alipay.trade.wap.pay'].post['x-alipay-kind']).toBe('page');
    expect(doc.paths['/alipay.trade.app.pay'].post['x-alipay-kind']).toBe('app');
    expect(doc.paths['/alipay.trade.query'].post['x-alipay-kind']).toBeUndefined();
  });

  it('every method with notify fields has a webhook whose form schema holds them', () => {
    const withNotify = specs.filter((s) => s.notify !== undefined).map((s) => `${s.method}.notify`).sort();
    expect(Object.keys(doc.webhooks).sort()).toEqual(withNotify);
    const hook = doc.webhooks['alipay.trade.page.pay.notify'].post;
    const ref: string = hook.requestBody.content['application/x-www-form-urlencoded'].schema.$ref;
    const schema = doc.components.schemas[ref.split('/').pop()!];
    expect(schema.properties.trade_status.enum).toEqual(['WAIT_BUYER_PAY', 'TRADE_CLOSED', 'TRADE_SUCCESS', 'TRADE_FINISHED']);
    expect(schema.required).toContain('out_trade_no');
    expect(hook.responses['200'].content['text/plain'].schema.const).toBe('success');
  });
});
