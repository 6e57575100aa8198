/**
 * A request field or param named `__proto__` (a wire name is data, whatever it spells) is kept:
 * written into a plain `{}` it would set the prototype instead, and silently leave the signed text.
 */
import { describe, expect, it } from 'vitest';
import { buildSignContent, createAlipayClient, signParams } from '../../templates/runtime/index.js';
import { splitRequest } from '../../templates/runtime/invoke.js';
import { readVectorFile } from './helpers.js';

const client = createAlipayClient({
  appId: '2021000000000001',
  privateKey: readVectorFile('keys/app-private-key.pem'),
  alipayPublicKey: readVectorFile('keys/alipay-public-key.pem'),
});

describe('__proto__ as a field name', () => {
  it('splitRequest keeps it in biz_content and in the top-level params', () => {
    const request = JSON.parse('{"__proto__":"x","a":"1"}') as Record<string, unknown>;
    const asBiz = splitRequest(request, ['a']);
    expect(Object.keys(asBiz.top)).toEqual(['a']);
    expect(asBiz.biz).toBe('{"__proto__":"x"}');
    const asParam = splitRequest(JSON.parse('{"__proto__":"y","b":"2"}'), ['__proto__']);
    expect(Object.keys(asParam.top)).toEqual(['__proto__']);
    expect(asParam.top['__proto__']).toBe('y');
    expect(asParam.biz).toBe('{"b":"2"}');
  });

  it('signParams signs it and sends it', () => {
    const params = JSON.parse('{"app_id":"2021000000000001","__proto__":"z","method":"m"}') as Record<string, string>;
    const signed = signParams(params, client);
    expect(Object.keys(signed.params)).toEqual(['app_id', '__proto__', 'method', 'sign']);
    expect(signed.signContent).toBe('__proto__=z&app_id=2021000000000001&method=m');
    expect(signed.signContent).toBe(buildSignContent(signed.params));
  });
});
