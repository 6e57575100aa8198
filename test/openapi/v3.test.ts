/** v3 routes in the OpenAPI export: a valid document, the route beside the gateway.do operation. */
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, renderOpenApi } from '../../generator/openapi/document.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { allSpecs, cardQuery, oauthToken } from './fixtures.js';

const routed: MethodSpec[] = [
  { ...cardQuery, v3: { method: 'POST', path: '/v3/alipay/marketing/card/query', query: ['target_card_no_type'] } },
  { ...oauthToken, v3: { method: 'POST', path: '/v3/alipay/system/oauth/token' } },
  {
    method: 'alipay.test.card.get',
    v3: { method: 'GET', path: '/v3/alipay/test/cards/{card_no}' },
    request: [
      { name: 'card_no', type: 'string', required: true, maxLength: 16 },
      { name: 'page', type: 'number', required: false },
    ],
    response: [{ name: 'holder', type: 'string', required: false }],
    errors: [],
  },
];
type Json = Record<string, any>;

describe('OpenAPI export of v3 routes', () => {
  const doc = buildOpenApiDocument(routed) as Json;

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(JSON.parse(renderOpenApi(routed)));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('adds each route on the v3 server beside the gateway.do operation', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/alipay.marketing.card.query',
      '/alipay.system.oauth.token',
      '/alipay.test.card.get',
      '/v3/alipay/marketing/card/query',
      '/v3/alipay/system/oauth/token',
      '/v3/alipay/test/cards/{card_no}',
    ]);
    const item = doc.paths['/v3/alipay/marketing/card/query'];
    expect(item.servers).toEqual([{ url: 'https://openapi.alipay.com', description: 'v3 (RESTful) routes' }]);
    expect(item.post.operationId).toBe('alipay.marketing.card.query.v3');
    expect(doc.components.schemas.AlipayV3ErrorResponse.required).toEqual(['code', 'message']);
  });

  it('path and query fields are parameters, the rest the JSON body; top-level params go in the body', () => {
    const card = doc.paths['/v3/alipay/marketing/card/query'].post;
    expect(card.parameters.map((p: Json) => [p.name, p.in, p.required])).toEqual([['target_card_no_type', 'query', true]]);
    const body = card.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).not.toContain('target_card_no_type');
    expect(Object.keys(body.properties)).toContain('target_card_no');
    const token = doc.paths['/v3/alipay/system/oauth/token'].post;
    expect(Object.keys(token.requestBody.content['application/json'].schema.properties)).toContain('grant_type');
    const get = doc.paths['/v3/alipay/test/cards/{card_no}'].get;
    expect(get.parameters.map((p: Json) => [p.name, p.in, p.required, p.schema.maxLength])).toEqual([
      ['card_no', 'path', true, 16],
      ['page', 'query', false, undefined],
    ]);
    expect(get.requestBody).toBeUndefined();
  });

  it('the 200 answer is the method\'s fields (no code/msg), failures the v3 error', () => {
    const responses = doc.paths['/v3/alipay/test/cards/{card_no}'].get.responses;
    expect(Object.keys(responses['200'].content['application/json'].schema.properties)).toEqual(['holder']);
    expect(responses['4XX'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AlipayV3ErrorResponse' });
  });

  it('specs without routes export as before (no v3 paths, no v3 error schema)', () => {
    const plain = buildOpenApiDocument(allSpecs) as Json;
    expect(Object.keys(plain.paths).some((p) => p.startsWith('/v3/'))).toBe(false);
    expect(plain.components.schemas.AlipayV3ErrorResponse).toBeUndefined();
  });
});
