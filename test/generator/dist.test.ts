/**
 * The generator writes dist/*.js and dist/*.d.ts of generated modules itself (no transpile per
 * method). They must mean exactly what TypeScript makes of the source: compared after parsing and
 * reprinting without comments, against ts.transpileModule and ts.transpileDeclaration. The parse
 * is error-tolerant, so each file must also parse without errors.
 */
import { ts } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFiles, seedSpecs } from './helpers/generated.js';
import { hostileSpec } from './fixtures/hostile.js';
import { sampleSpec } from './fixtures/hand-specs.js';
import { syntaxErrors } from './helpers/syntax.js';

const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, declaration: true, isolatedDeclarations: true };
const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function normalize(text: string, name: string): string {
  return printer.printFile(ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, false, name.endsWith('.d.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS));
}

let files: Map<string, string>;
beforeAll(async () => {
  files = await generateFiles([
    ...(await seedSpecs()),
    hostileSpec(),
    hostileSpec('alipay.default.__proto__'),
    sampleSpec({ method: 'x.y' }),
    sampleSpec({ method: 'x.y.z' }),
    // Issue 14: a code ending in a backslash, then one holding `/*` (the old printer broke the JS here).
    sampleSpec({ method: 'x.codes', errors: [{ code: '\\' }, { code: 'a/*b' }] }),
  ]);
});

describe('dist of generated modules', () => {
  it('every generated source has its .js and .d.ts', () => {
    const sources = [...files.keys()].filter((p) => p.startsWith('src/') && p.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(8);
    for (const src of sources) {
      const stem = src.slice('src/'.length, -'.ts'.length);
      expect(files.has(`dist/${stem}.js`)).toBe(true);
      expect(files.has(`dist/${stem}.d.ts`)).toBe(true);
    }
  });

  it('JS and declarations equal what TypeScript makes of each generated source', () => {
    const generated = [...files.keys()].filter((p) => p.startsWith('src/') && !p.startsWith('src/runtime/'));
    expect(generated).toContain('src/client.ts');
    for (const src of generated) {
      const stem = src.slice('src/'.length, -'.ts'.length);
      const source = files.get(src)!;
      const js = ts.transpileModule(source, { compilerOptions: OPTIONS, fileName: src }).outputText;
      const dts = ts.transpileDeclaration(source, { compilerOptions: OPTIONS, fileName: src, reportDiagnostics: true });
      expect(dts.diagnostics ?? []).toEqual([]);
      expect(syntaxErrors(`dist/${stem}.js`, files.get(`dist/${stem}.js`)!)).toEqual([]);
      expect(syntaxErrors(`dist/${stem}.d.ts`, files.get(`dist/${stem}.d.ts`)!)).toEqual([]);
      expect(normalize(files.get(`dist/${stem}.js`)!, 'x.js'), src).toBe(normalize(js, 'x.js'));
      expect(normalize(files.get(`dist/${stem}.d.ts`)!, 'x.d.ts'), src).toBe(normalize(dts.outputText, 'x.d.ts'));
    }
  });
});
