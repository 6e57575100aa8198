/**
 * Every emitted module parses, whatever strings a spec holds: each .ts, .js and .d.ts goes
 * through TypeScript's parser (syntactic diagnostics), and each .js through `node --check` and a
 * dynamic import. Type-checking alone is not enough: a printer that mistakes string contents for
 * comment or string state can corrupt the .js while the .ts still compiles (issue 14: error codes
 * `\` and `a/*b` made the old printer insert `*\/` into the JS).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../bench/catalogue/source.js';
import { emitClientModule } from '../../generator/emit/client-module.js';
import { emitIndexModule } from '../../generator/emit/index-module.js';
import { emitMethodModule, type EmittedModule } from '../../generator/emit/method-module.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import { readTemplates } from '../../generator/build/templates.js';
import { aggregatePlan, planNames, planPackage } from '../../generator/plan/package.js';
import { runtimeExportNames } from '../../generator/plan/runtime-exports.js';
import type { MethodHead } from '../../generator/plan/types.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { field } from './fixtures/hand-specs.js';
import { generateFiles, writeFiles } from './helpers/generated.js';
import { syntaxErrors } from './helpers/syntax.js';

const templates = await readTemplates();
const runtimeExports = runtimeExportNames(templates.runtime.get('index.ts')!);

/** Strings that end in a backslash, open or close comments, quotes, template holes, line breaks. */
const HOSTILE = ['\\', 'a/*b', '*/', '/*', '//', '"', '"\\', "'", '`', '${x}', '}', '{', '/', 'a\\\nb', '\r\n', '\u2028', '@see', '名'];

/** A spec with `strings` in every slot that reaches code or docs (names made unique by suffix). */
function slotsSpec(strings: readonly string[], method = 'alipay.slots.query'): MethodSpec {
  const text = (i: number) => strings[i % strings.length]!;
  const joined = strings.join(' ');
  const scalar = (name: string, i: number, rest: Partial<Field> = {}): Field =>
    field(name, { description: text(i), example: text(i + 1), deprecated: text(i + 2), maxLength: 8, ...rest });
  const names = strings.map((s, i) => `${s}${i}`);
  const enumValues = strings.map((s, i) => ({ value: `${s}${i}`, description: text(i + 1) }));
  return {
    method,
    title: joined,
    description: joined,
    deprecated: joined,
    request: [
      ...names.map((n, i) => scalar(n, i)),
      field(`enum${joined}`, { enum: enumValues, description: joined }),
      field(`when${joined}`, { requiredIf: { field: names[0]!, equals: text(1) } }),
      field(`object${joined}`, { type: 'object', model: `${joined}Model`, fields: names.map((n, i) => scalar(n, i + 3)) }),
      field(`list${joined}`, { type: 'array', items: { type: 'object', model: joined, fields: [scalar(names[0]!, 0)] } }),
      field(`tags${joined}`, { type: 'array', items: { type: 'string', enum: enumValues } }),
    ],
    params: [field(`param${joined}`, { description: joined, example: joined })],
    response: [...names.map((n, i) => scalar(n, i + 5)), field(`enum${joined}`, { enum: enumValues })],
    errors: strings.map((code, i) => ({ code, description: text(i + 1) })),
    examples: { request: Object.fromEntries(names.map((n, i) => [n, text(i)])) },
  };
}

/** The generated modules of `specs` (src/ and dist/ paths), without the runtime (copied verbatim, tested on its own). */
function emitModules(specs: readonly MethodSpec[]): Map<string, string> {
  const plan = planPackage(specs.map(buildMethodIR), runtimeExports);
  const files = new Map<string, string>();
  const add = (stem: string, module: EmittedModule) => {
    files.set(`src/${stem}.ts`, module.ts);
    files.set(`dist/${stem}.js`, module.js);
    files.set(`dist/${stem}.d.ts`, module.dts);
  };
  for (const method of plan.methods) add(`methods/${method.stem}`, emitMethodModule(method));
  add('client', emitClientModule(plan));
  add('index', emitIndexModule(plan));
  return files;
}

function expectParses(files: ReadonlyMap<string, string>): void {
  expect(files.size).toBeGreaterThanOrEqual(9);
  for (const [path, text] of files) expect(syntaxErrors(path, text)).toEqual([]);
}

/** A generated package holding the runtime, which every written module set links to. */
let runtimePackage: string;
beforeAll(async () => {
  runtimePackage = await mkdtemp(join(tmpdir(), 'alipay-syntax-'));
  await writeFiles(runtimePackage, await generateFiles([]));
});

/** Writes `files` as a package (package.json: ESM) whose dist/runtime is the shared one. */
async function writePackage(files: ReadonlyMap<string, string>): Promise<string> {
  const dir = await mkdtemp(join(runtimePackage, 'modules-'));
  await mkdir(join(dir, 'dist'), { recursive: true });
  await symlink(join(runtimePackage, 'dist/runtime'), join(dir, 'dist/runtime'), 'dir');
  await writeFiles(dir, files);
  return dir;
}

function scripts(files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].filter((p) => p.endsWith('.js'));
}

/** Imports every .js of `files` written in `dir`. */
async function importAll(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const path of scripts(files)) await import(pathToFileURL(join(dir, path)).href);
}

describe('emitted modules parse whatever the spec strings', () => {
  it('a hostile spec (issue 14 strings in every slot): every .ts/.js/.d.ts parses, every .js passes node --check and imports', async () => {
    const specs = [slotsSpec(HOSTILE), slotsSpec([...HOSTILE].reverse(), 'alipay.slots.query.reversed')];
    const files = emitModules(specs);
    expectParses(files);
    const dir = await writePackage(files);
    expect(scripts(files)).toEqual(expect.arrayContaining(['dist/client.js', 'dist/index.js', 'dist/methods/alipay.slots.query.js']));
    for (const path of scripts(files)) await promisify(execFile)(process.execPath, ['--check', join(dir, path)]);
    await importAll(dir, files);
    const mod = (await import(pathToFileURL(join(dir, 'dist/methods/alipay.slots.query.js')).href)) as Record<string, { errorCodes?: unknown }>;
    expect(mod.alipaySlotsQueryOperation!.errorCodes).toEqual(HOSTILE);
  });

  it('random strings in names, descriptions, codes and enum values: the modules parse and import', async () => {
    const unit = fc.oneof(
      fc.constantFrom(...HOSTILE, ' ', 'a', '*', '\\\\', '\t'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
    );
    const text = fc.array(unit, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (strings) => {
        const files = emitModules([slotsSpec(strings)]);
        expectParses(files);
        await importAll(await writePackage(files), files);
      }),
      { numRuns: 25, examples: [[['\\', 'a/*b']], [['x\\', '/*']]] },
    );
  }, 300_000);

  it('the aggregate client and index of the whole catalogue parse', async () => {
    const catalogue = readCatalogue();
    const methods = Object.entries(catalogue.methods)
      .map(([method, m]) => ({ method, title: m.summary?.trim() }))
      .sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
    expect(methods.length).toBeGreaterThan(8000);
    const names = planNames(
      methods.map((m) => m.method),
      runtimeExports,
    );
    const heads = methods.map((m, i): MethodHead => ({
      ir: { method: m.method, ...(m.title && { title: m.title }) },
      stem: names[i]!.stem,
      exports: names[i]!.exports,
    }));
    const plan = aggregatePlan(heads);
    for (const [name, emitted] of [['client', emitClientModule(plan)], ['index', emitIndexModule(plan)]] as const) {
      for (const [form, text] of [['ts', emitted.ts], ['js', emitted.js], ['d.ts', emitted.dts]] as const) {
        expect(syntaxErrors(`${name}.${form}`, text)).toEqual([]);
      }
    }
  }, 120_000);
});
