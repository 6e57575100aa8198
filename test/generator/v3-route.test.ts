/** The v3 route in a method module: the Operation's `v3` entry in .ts/.js, the TSDoc in .ts/.d.ts. */
import { describe, expect, it } from 'vitest';
import { generatePackage, readTemplates } from '../../generator/build/index.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { field } from './fixtures/hand-specs.js';

const routed: MethodSpec = {
  method: 'alipay.test.card.get',
  v3: { method: 'GET', path: '/v3/alipay/test/cards/{card_no}', query: ['page'] },
  request: [field('card_no', { required: true }), field('page', { type: 'number' })],
  response: [],
  errors: [],
};
const plain: MethodSpec = { method: 'alipay.test.card.list', request: [], response: [], errors: [] };

describe('method modules and the v3 route', async () => {
  const files = generatePackage([routed, plain], await readTemplates());
  const file = (path: string) => files.get(path)!;

  it('puts the route into the Operation object (source and JS)', () => {
    const line = `  v3: { method: "GET", path: "/v3/alipay/test/cards/{card_no}", query: ["page"] },`;
    expect(file('src/methods/alipay.test.card.get.ts')).toContain(line);
    expect(file('dist/methods/alipay.test.card.get.js')).toContain(line);
  });

  it('says which protocol in the function\'s TSDoc (source and declarations)', () => {
    for (const path of ['src/methods/alipay.test.card.get.ts', 'dist/methods/alipay.test.card.get.d.ts']) {
      expect(file(path)).toContain("Over v3 when the client or the call says `protocol: 'v3'`: `GET /v3/alipay/test/cards/{card_no}`.");
    }
    for (const path of ['src/methods/alipay.test.card.list.ts', 'dist/methods/alipay.test.card.list.d.ts']) {
      expect(file(path)).toContain("Over v2 (gateway.do) only: the method has no v3 route, so `protocol: 'v3'` still calls it over v2.");
      expect(file(path)).not.toContain('v3: {');
    }
  });
});
