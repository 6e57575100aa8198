import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMethodIR } from '../../generator/ir/build.js';
import fc from 'fast-check';
import { exportNames, namePrefix } from '../../generator/plan/names.js';
import { planNames, planPackage } from '../../generator/plan/package.js';
import { runtimeExportNames } from '../../generator/plan/runtime-exports.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { field, sampleSpec } from './fixtures/hand-specs.js';

const RUNTIME = runtimeExportNames(readFileSync(new URL('../../templates/runtime/index.ts', import.meta.url), 'utf8'));

function plan(specs: MethodSpec[]) {
  return planPackage(specs.map(buildMethodIR), RUNTIME);
}

describe('runtimeExportNames', () => {
  it('reads the names the runtime index exports', () => {
    expect(RUNTIME).toEqual(expect.arrayContaining(['createAlipayClient', 'invoke', 'isApiErrorOf', 'AlipayApiError', 'ValidationIssue']));
  });
  it('refuses export * (it would hide names from the planner)', () => {
    expect(() => runtimeExportNames("export * from './x.js';")).toThrow(/export \*/);
  });
});

describe('planPackage', () => {
  it('derives the public names from the wire name', () => {
    const [m] = plan([sampleSpec({ method: 'alipay.marketing.card.query' })]).methods;
    expect(m!.stem).toBe('alipay.marketing.card.query');
    expect(m!.exports).toEqual({
      fn: 'alipayMarketingCardQuery',
      request: 'AlipayMarketingCardQueryRequest',
      response: 'AlipayMarketingCardQueryResponse',
      errorCode: 'AlipayMarketingCardQueryErrorCode',
      isError: 'isAlipayMarketingCardQueryError',
      validateRequest: 'validateAlipayMarketingCardQueryRequest',
      validateResponse: 'validateAlipayMarketingCardQueryResponse',
      operation: 'alipayMarketingCardQueryOperation',
      notification: 'AlipayMarketingCardQueryNotification',
      validateNotification: 'validateAlipayMarketingCardQueryNotification',
      parseNotification: 'parseAlipayMarketingCardQueryNotification',
    });
  });

  it('resolves collisions inside a module deterministically', () => {
    const spec = sampleSpec({
      method: 'a.b',
      request: [
        field('x', { type: 'object', model: 'ABRequest', fields: [] }),
        field('y', { type: 'object', model: 'Thing', fields: [field('k')] }),
        field('thing', { enum: [{ value: 'V' }] }),
        field('z', { type: 'object', model: 'default', fields: [] }),
        field('w', { type: 'object', model: 'Object', fields: [] }),
        field('u', { type: 'object', model: 'Operation', fields: [] }),
        field('t', { type: 'object', model: 'validateThing', fields: [] }),
      ],
      response: [field('y', { type: 'object', model: 'Thing', fields: [field('other')] })],
    });
    const [m] = plan([spec]).methods;
    expect(m!.models).toEqual(['ABRequest2', 'Thing', 'default2', 'Object2', 'Operation2', 'validateThing', 'Thing2']);
    expect(m!.enums).toEqual(['Thing3']);
    expect(m!.modelValidators).toEqual([
      'validateABRequest2', 'validateThing2', 'validateDefault2', 'validateObject2', 'validateOperation2',
      'validateValidateThing', 'validateThing22',
    ]);
    const all = [...m!.models, ...m!.enums, ...m!.modelValidators, ...Object.values(m!.exports)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('names anonymous objects after their field, and non-identifier names safely', () => {
    const spec = sampleSpec({
      request: [
        field('card_user_info', { type: 'object', fields: [] }),
        field('3ds-info', { type: 'object', fields: [] }),
        field('名称', { type: 'object', fields: [] }),
        field('x', { type: 'object', model: 'Bad Name!', fields: [] }),
      ],
      response: [],
    });
    expect(plan([spec]).methods[0]!.models).toEqual(['CardUserInfo', 'Model3dsInfo', 'Model', 'BadName']);
  });

  it('keeps public names unique across methods and clear of runtime exports, whatever the input order', () => {
    const specs = ['a.b_c', 'a.b.c', 'create.alipay.client', 'A.B.C'].map((method) => sampleSpec({ method }));
    const forward = plan(specs);
    const backward = plan([...specs].reverse());
    expect(forward).toEqual(backward);
    const fns = Object.fromEntries(forward.methods.map((m) => [m.ir.method, m.exports.fn]));
    expect(fns).toEqual({ 'A.B.C': 'aBC', 'a.b.c': 'aBC2', 'a.b_c': 'aBC3', 'create.alipay.client': 'createAlipayClient2' });
    const stems = forward.methods.map((m) => m.stem);
    expect(stems).toEqual(['A.B.C', 'a.b.c_2', 'a.b_c', 'create.alipay.client']);
  });

  it('builds the client tree, with a method that is also a namespace', () => {
    const tree = plan(['x.y', 'x.y.z', 'x.w'].map((method) => sampleSpec({ method }))).clientTree;
    expect(tree).toHaveLength(1);
    const x = tree[0]!;
    expect(x.children.map((c) => [c.segment, c.method?.ir.method, c.children.map((g) => g.segment)])).toEqual([
      ['w', 'x.w', []],
      ['y', 'x.y', ['z']],
    ]);
  });
});

describe('namePrefix', () => {
  // The manifest stores a method's names as their prefix: it must give back exactly the planned names,
  // clash suffixes and reserved-word camel names included, for any set of wire names.
  it('gives back the planned names through exportNames, whatever the wire names', () => {
    const wireName = fc.oneof(fc.string(), fc.stringMatching(/^[a-z]{1,6}(\.[a-z0-9_]{1,6}){0,4}$/), fc.constantFrom('delete', 'class', 'alipay.trade.query', 'Alipay.Trade.Query'));
    fc.assert(
      fc.property(fc.uniqueArray(wireName, { maxLength: 12 }), (methods) => {
        for (const planned of planNames([...methods].sort(), RUNTIME)) expect(exportNames(namePrefix(planned.exports))).toEqual(planned.exports);
      }),
    );
  });
});
