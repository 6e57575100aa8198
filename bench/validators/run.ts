/**
 * Validators part: the generated request validators of the seed methods (every spec in specs/) against ajv (compiled
 * from our OpenAPI export's schema) and zod (built from the spec), on the doc's valid example and
 * on invalid mutations. All three must agree on every payload before anything is timed.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Bench } from 'tinybench';
import { buildOpenApiDocument } from '../../generator/openapi/document.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { median, print, type Figure } from '../harness.js';
import { loadSeedSpecs, writePackage } from '../workspace.js';
import { requestJsonSchema } from './json-schema.js';
import { payloadsFor } from './payloads.js';
import { zodObject } from './zod-schema.js';

/** Validations per timed call: single calls take well under a microsecond, below timer resolution. */
const BATCH = 1000;

type Check = (value: unknown) => boolean;
interface Contender {
  name: 'ours' | 'ajv' | 'zod';
  /** true when the value is valid. */
  check: Check;
}

export async function runValidators(rounds: number): Promise<Figure[]> {
  const specs = await loadSeedSpecs();
  const pkg = await writePackage('seed-package', specs);
  const openapi = buildOpenApiDocument(specs);
  const figures: Figure[] = [];
  // A spec without a request example has no valid payload to start from (it is listed, not timed).
  const untimed = specs.filter((s) => s.examples?.request === undefined && s.examples?.params === undefined);
  if (untimed.length > 0) print(`validators: no request example, not timed: ${untimed.map((s) => s.method).join(', ')}`);
  for (const spec of specs.filter((s) => !untimed.includes(s))) {
    const contenders = await contendersFor(spec, pkg, openapi);
    const { valid, invalid } = payloadsFor(spec);
    agree(spec.method, contenders, valid, invalid);
    const cases = { valid: [valid], invalid: invalid.map((i) => i.value) };
    const results = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: 400, warmupTime: 100 });
      for (const [kind, values] of Object.entries(cases)) {
        for (const c of contenders) {
          const check = c.check;
          // Its own copy per contender: a validator may change how V8 holds a string it reads (a
          // keyed lookup turns a parsed string into a reference to its internalized copy), which
          // would change what the next contender is timed on.
          const own = structuredClone(values);
          bench.add(`${c.name} ${kind}`, () => {
            for (let i = 0; i < BATCH; i++) check(own[i % own.length]);
          });
        }
      }
      await bench.run();
      for (const task of bench.tasks) {
        const r = task.result;
        if (r.state !== 'completed') throw new Error(`${task.name} did not complete (${r.state})`);
        const perSecond = (BATCH * 1000) / r.latency.p50;
        results.set(task.name, [...(results.get(task.name) ?? []), perSecond]);
      }
    }
    for (const kind of Object.keys(cases)) {
      const ours = median(results.get(`ours ${kind}`)!);
      const ajv = median(results.get(`ajv ${kind}`)!);
      const zod = median(results.get(`zod ${kind}`)!);
      const label = `validators: ${spec.method} ${kind} payload${kind === 'invalid' ? `s (${invalid.length} kinds)` : ''}`;
      const base = { ours, unit: 'validations/s', better: 'higher' as const, runs: rounds };
      figures.push(
        { ...base, name: `${label} vs ajv`, peer: { name: 'ajv', value: ajv }, target: { text: '>= ajv', met: ours >= ajv } },
        { ...base, name: `${label} vs zod`, peer: { name: 'zod', value: zod }, target: { text: '>= 5x zod', met: ours >= 5 * zod } },
      );
    }
  }
  return figures;
}

async function contendersFor(spec: MethodSpec, pkg: string, openapi: Record<string, unknown>): Promise<Contender[]> {
  const module = (await import(pathToFileURL(join(pkg, 'dist', 'methods', `${spec.method}.js`)).href)) as Record<string, unknown>;
  const name = Object.keys(module).find((k) => /^validate\w*Request$/.test(k));
  if (name === undefined) throw new Error(`no request validator exported for ${spec.method}`);
  const ours = module[name] as (value: unknown) => unknown[];
  // allErrors: every problem is reported, as the generated validators do.
  const ajv = new Ajv2020({ allErrors: true, strict: false }).compile(requestJsonSchema(openapi, spec.method));
  const zod = zodObject([...spec.request, ...(spec.params ?? [])]);
  return [
    { name: 'ours', check: (v) => ours(v).length === 0 },
    { name: 'ajv', check: (v) => ajv(v) },
    { name: 'zod', check: (v) => zod.safeParse(v).success },
  ];
}

/** The comparison is only fair if all three accept the valid payload and reject every invalid one. */
function agree(method: string, contenders: Contender[], valid: unknown, invalid: { kind: string; value: unknown }[]): void {
  for (const c of contenders) {
    if (!c.check(valid)) throw new Error(`${c.name} rejects the valid example of ${method}`);
    for (const i of invalid) if (c.check(i.value)) throw new Error(`${c.name} accepts the "${i.kind}" payload of ${method}`);
  }
}
