/**
 * The aggregate emitters (client, index) assemble text; their bytes must be the structure
 * printer's for the same plan (aggregate-oracle.ts, the previous emitters). Checked on the seed
 * and hostile packages, on every catalogue method with its real title, and on random method sets
 * whose titles are full of the characters that drive the printer's string/comment state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../bench/catalogue/source.js';
import { emitClientModule } from '../../../generator/emit/client-module.js';
import { emitIndexModule } from '../../../generator/emit/index-module.js';
import { buildMethodIR } from '../../../generator/ir/build.js';
import { readTemplates } from '../../../generator/build/templates.js';
import { aggregatePlan, planNames, planPackage } from '../../../generator/plan/package.js';
import { runtimeExportNames } from '../../../generator/plan/runtime-exports.js';
import type { AggregatePlan, MethodHead } from '../../../generator/plan/types.js';
import { hostileSpec } from '../fixtures/hostile.js';
import { seedSpecs } from '../helpers/generated.js';
import { structureClientModule, structureIndexModule } from './aggregate-oracle.js';

const runtimeExports = runtimeExportNames((await readTemplates()).runtime.get('index.ts')!);

function headsPlan(methods: readonly { method: string; title?: string }[]): AggregatePlan {
  const sorted = [...methods].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
  const names = planNames(sorted.map((m) => m.method), runtimeExports);
  const heads = sorted.map((m, i): MethodHead => ({
    ir: { method: m.method, ...(m.title !== undefined && { title: m.title }) },
    stem: names[i]!.stem,
    exports: names[i]!.exports,
  }));
  return aggregatePlan(heads);
}

function expectOracleBytes(plan: AggregatePlan): void {
  expect(emitClientModule(plan)).toEqual(structureClientModule(plan));
  expect(emitIndexModule(plan)).toEqual(structureIndexModule(plan));
}

describe('aggregate emitters vs the structure printer', () => {
  it('match on the seed and hostile packages (methods that are also namespaces included)', async () => {
    const specs = [...(await seedSpecs()), hostileSpec(), hostileSpec('a.b'), hostileSpec('a.b.c'), hostileSpec('1x.__proto__')];
    expectOracleBytes(planPackage(specs.map(buildMethodIR), runtimeExports));
  });

  it('match on the whole catalogue with its titles', () => {
    const catalogue = readCatalogue();
    // Titles as the scale fixture derives them (bench/catalogue/convert.ts: the trimmed summary).
    const methods = Object.entries(catalogue.methods).map(([method, m]) => ({ method, ...(m.summary?.trim() && { title: m.summary.trim() }) }));
    expect(methods.length).toBeGreaterThan(8000);
    expect(methods.filter((m) => m.title !== undefined).length).toBeGreaterThan(8000);
    expectOracleBytes(headsPlan(methods));
  }, 60_000);

  it('match on random method sets and hostile titles', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_]{1,4}$/);
    const method = fc.array(segment, { minLength: 2, maxLength: 4 }).map((s) => s.join('.'));
    const title = fc.option(fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '`', '/', '*', '\\', '{', '}', '$', '\n', '\r', '@', '中'), maxLength: 12 }), {
      nil: undefined,
    });
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ method, title }, { requiredKeys: ['method'] }), { selector: (m) => m.method, maxLength: 8 }), (methods) => {
        expectOracleBytes(headsPlan(methods));
      }),
      { numRuns: 300 },
    );
  });
});
