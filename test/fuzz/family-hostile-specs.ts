/**
 * Family 2: random specs with hostile strings in every slot, generated as packages in batches.
 * Verdicts: `generate` must accept what `validate` accepts without a stack trace; every emitted
 * .js must import in Node without running a payload or polluting prototypes; every .ts/.d.ts must
 * parse (syntactic diagnostics only); nothing may be written outside the output dir.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { stringify } from 'yaml';
import { loadParseSpec } from './adapters.js';
import { hasStackTrace, runCli, runNode } from './cli.js';
import { byScale, timeBound, type FuzzConfig } from './env.js';
import { hostileMethod, hostileString, longMethod } from './hostile-strings.js';
import { createRng, type Rng } from './random.js';
import { FamilyReport } from './report.js';

type YamlField = Record<string, unknown>;

function field(rng: Rng, depth: number): YamlField {
  const type = rng.pick(depth < 2 ? ['string', 'string', 'number', 'boolean', 'date', 'price', 'object', 'array'] : ['string', 'number', 'boolean']);
  const f: YamlField = { type, required: rng.chance(0.5) };
  if (rng.chance(0.8)) f.description = hostileString(rng);
  if (type === 'string') {
    if (rng.chance(0.4)) {
      const values = new Set<string>();
      for (let i = 0; i < 1 + rng.int(4); i++) values.add(hostileString(rng));
      f.enum = [...values].map((value) => ({ value, description: hostileString(rng) }));
    } else if (rng.chance(0.5)) {
      f.example = hostileString(rng);
    }
  }
  if (type === 'object') {
    if (rng.chance(0.7)) f.model = hostileString(rng);
    f.fields = fieldMap(rng, depth + 1);
  }
  if (type === 'array') {
    f.items = rng.chance(0.5) ? { type: 'string' } : { type: 'object', ...(rng.chance(0.5) ? { model: hostileString(rng) } : {}), fields: fieldMap(rng, depth + 1) };
  }
  if (rng.chance(0.1)) f.deprecated = true;
  return f;
}

function fieldMap(rng: Rng, depth: number): Record<string, YamlField> {
  const map: Record<string, YamlField> = {};
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    const name = hostileString(rng);
    // defineProperty: `__proto__` must become an own key, not the map's prototype.
    if (!Object.hasOwn(map, name)) Object.defineProperty(map, name, { value: field(rng, depth), enumerable: true, writable: true, configurable: true });
  }
  return map;
}

export function hostileSpec(rng: Rng, unique: number, method = hostileMethod(rng, unique)): { method: string; yaml: string } {
  const errors = [];
  for (let i = 0; i < rng.int(4); i++) errors.push({ code: `${hostileString(rng)}${i}`, description: hostileString(rng), solution: hostileString(rng) });
  const doc = {
    method,
    title: hostileString(rng),
    description: hostileString(rng),
    request: fieldMap(rng, 0),
    response: fieldMap(rng, 0),
    errors,
  };
  return { method, yaml: stringify(doc, { lineWidth: 0 }) };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Syntactic diagnostics of one TypeScript file (no type check: fast). */
function parseProblems(file: string, text: string): string | undefined {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? ts.transpileModule(text, { fileName: file, reportDiagnostics: true }).diagnostics ?? [];
  const first = diags[0];
  return first === undefined ? undefined : ts.flattenDiagnosticMessageText(first.messageText, '\n');
}

/** Imports every .js file in a fresh Node and reports import failures, payloads that ran and prototype pollution. */
const IMPORT_CHECK = `
import { pathToFileURL } from 'node:url';
const before = Object.getOwnPropertyNames(Object.prototype).join();
const failures = [];
for (const f of JSON.parse(process.argv[2])) {
  try { await import(pathToFileURL(f).href); } catch (e) { failures.push(f + ': ' + (e && e.message)); }
}
const polluted = Object.getOwnPropertyNames(Object.prototype).join() !== before || ({}).__pwned !== undefined;
process.stdout.write(JSON.stringify({ failures, pwned: globalThis.__pwned !== undefined, polluted }));
`;

/**
 * Method names so long that the generated file names pass the 255-byte limit: `generate` may
 * refuse them, but with exit 1 and a message, never a stack trace or a half-written package.
 */
async function longNames(config: FuzzConfig, report: FamilyReport, rng: Rng): Promise<void> {
  for (const length of byScale(config, [250], [240, 248, 250])) {
    const work = mkdtempSync(join(tmpdir(), 'fuzz-long-'));
    try {
      const specs = join(work, 'specs');
      mkdirSync(specs);
      const { method, yaml } = hostileSpec(rng, 0, longMethod(length));
      writeFileSync(join(specs, `${method}.yaml`), yaml);
      const gen = await runCli(config.cli, ['generate', '--specs', specs, '--out', join(work, 'out')], { cwd: work, timeoutMs: 120_000 });
      let failure: string | undefined;
      if (gen.timedOut) failure = 'generate hang';
      else if (hasStackTrace(gen.stderr)) failure = 'stack trace on stderr (generate, method name near the file-name limit)';
      else if (gen.code !== 0 && gen.code !== 1) failure = `generate exit ${gen.code ?? gen.signal} (method name near the file-name limit)`;
      report.record(failure, `${length}-character method: ${gen.stderr.slice(0, 300)}`);
      report.note(`${length}-character method: generate exit ${gen.code}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

export async function hostileSpecsFamily(config: FuzzConfig): Promise<FamilyReport> {
  const report = new FamilyReport('2. hostile specs');
  if (config.scale === 'full') report.required = 1_000;
  const rng = createRng(config.seed + 2);
  const parseSpec = await loadParseSpec(config.root);
  const target = byScale(config, 20, 1_000);
  const batch = byScale(config, 20, 125);
  const deadline = performance.now() + timeBound(config, 60_000, 180_000);
  const rootBefore = readdirSync(config.root).sort().join('\n');
  const work = mkdtempSync(join(tmpdir(), 'fuzz-hostile-'));
  const checker = join(work, 'import-check.mjs');
  writeFileSync(checker, IMPORT_CHECK);
  let unique = 0;
  try {
    for (let b = 0; report.tried < target && performance.now() < deadline; b++) {
      const ws = join(work, `b${b}`);
      const specs = join(ws, 'specs');
      const out = join(ws, 'out');
      mkdirSync(specs, { recursive: true });
      let inBatch = 0;
      while (inBatch < batch) {
        const { method, yaml } = hostileSpec(rng, unique++);
        if (parseSpec) {
          try {
            const r = parseSpec(yaml, `${method}.yaml`);
            if (!r.spec) {
              report.note('specs the loader rejected (not generated)');
              continue;
            }
          } catch (error) {
            report.record('uncaught exception in the spec loader', `${method}: ${String(error)}`);
            continue;
          }
        }
        try {
          writeFileSync(join(specs, `${method}.yaml`), yaml);
        } catch (error) {
          report.fail('harness: cannot write the spec file', `${method.slice(0, 60)}: ${String(error)}`);
          continue;
        }
        inBatch++;
      }
      const gen = await runCli(config.cli, ['generate', '--specs', specs, '--out', out], { cwd: ws, timeoutMs: 300_000 });
      if (gen.timedOut || gen.code !== 0) {
        // Judge each spec of the failed batch alone is too slow; the batch counts once per spec.
        const cls = gen.timedOut ? 'generate hang' : hasStackTrace(gen.stderr) ? 'stack trace on stderr (generate)' : 'generate rejected specs that validate accepts';
        for (let i = 0; i < inBatch; i++) report.record(cls, gen.stderr.slice(0, 300));
        continue;
      }
      const strayTop = readdirSync(ws).filter((n) => n !== 'specs' && n !== 'out');
      if (strayTop.length > 0) report.fail('file written outside the output dir', strayTop.join(', '));
      const files = walk(out);
      const failed = new Set<string>();
      for (const f of files) {
        if (!/\.(d\.)?ts$/.test(f) || f.endsWith('.d.ts.map')) continue;
        const problem = parseProblems(f, readFileSync(f, 'utf8'));
        if (problem !== undefined) {
          report.fail('emitted .ts/.d.ts does not parse', `${relative(out, f)}: ${problem}`);
          failed.add(f);
        }
      }
      const js = files.filter((f) => f.endsWith('.js'));
      const imp = await runNode([checker, JSON.stringify(js)], { cwd: ws, timeoutMs: 120_000 });
      let verdict: { failures: string[]; pwned: boolean; polluted: boolean } | undefined;
      try {
        verdict = JSON.parse(imp.stdout) as typeof verdict;
      } catch {
        report.fail('import check crashed or hung', imp.stderr.slice(0, 300));
      }
      if (verdict) {
        for (const f of verdict.failures) report.fail('emitted .js does not import', relative(out, f));
        if (verdict.pwned) report.fail('execution marker ran (globalThis.__pwned set)', `batch ${b}`);
        if (verdict.polluted) report.fail('prototype pollution on import', `batch ${b}`);
      }
      for (let i = 0; i < inBatch; i++) report.record(undefined);
      report.note('emitted files checked', files.length);
      rmSync(ws, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await longNames(config, report, rng);
  if (readdirSync(config.root).sort().join('\n') !== rootBefore) report.fail('file written outside the output dir', 'the repository root changed');
  if (report.tried < target) report.note(`stopped by the time bound below ${target} specs`);
  return report.finish();
}
