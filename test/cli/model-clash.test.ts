/** The planner's model-name clash report (generator/plan/names.ts) that `generate` turns into a positioned warning. */
import { describe, expect, it } from 'vitest';
import { buildMethodIR } from '../../generator/ir/build.js';
import { planMethod } from '../../generator/plan/method.js';
import { modelNameClashes, specKeyPath } from '../../generator/plan/names.js';
import type { MethodExports } from '../../generator/plan/types.js';
import { field, sampleSpec } from '../generator/fixtures/hand-specs.js';

describe('specKeyPath', () => {
  it.each([
    ['request.card_user_info', ['request', 'card_user_info']],
    ['response.card_info.mdcode_info', ['response', 'card_info', 'fields', 'mdcode_info']],
    ['request.goods[]', ['request', 'goods', 'items']],
    ['request.goods[].sub.x', ['request', 'goods', 'items', 'fields', 'sub', 'fields', 'x']],
  ])('%s', (origin, path) => expect(specKeyPath(origin)).toEqual(path));
});

const EXPORTS: MethodExports = { fn: 'f', request: 'Rq', response: 'Rs', errorCode: 'E', isError: 'isE', validateRequest: 'vq', validateResponse: 'vs', operation: 'o', notification: 'N', validateNotification: 'vN', parseNotification: 'pN' };

describe('modelNameClashes', () => {
  const plan = (request: ReturnType<typeof field>[], response: ReturnType<typeof field>[]) => {
    const ir = buildMethodIR(sampleSpec({ request, response, examples: {} }));
    return modelNameClashes(ir.models, planMethod(ir, 'm', EXPORTS).models);
  };

  it('two different shapes under one doc name: one clash, the second suffixed', () => {
    expect(
      plan(
        [field('a', { type: 'object', model: 'Info', fields: [field('x')] })],
        [field('b', { type: 'array', items: { type: 'object', model: 'Info', fields: [field('y')] } })],
      ),
    ).toEqual([{ name: 'Info', first: 'request.a', second: 'response.b[]', planned: 'Info2' }]);
  });

  it('the same model used twice is one model: no clash', () => {
    const info = () => field('a', { type: 'object', model: 'Info', fields: [field('x')] });
    expect(plan([info()], [info()])).toEqual([]);
  });
});
