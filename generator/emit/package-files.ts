/**
 * Package metadata of `generated/`: package.json (JSON.stringify), tsconfig.json, README.md
 * (handlebars; spec text escaped for Markdown by escape.markdownText) and .gitignore.
 */
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';
import type { AggregatePlan } from '../plan/types.js';
import { isIdentifierName, markdownText } from './escape.js';

/** The generated package.json's identity (its default: ../config/config.ts DEFAULT_PACKAGE). */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly description: string;
}

export function packageJson(info: PackageInfo): string {
  const entry = (path: string) => ({ types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` });
  const pkg = {
    name: info.name,
    version: info.version,
    description: info.description,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    types: './dist/index.d.ts',
    exports: {
      '.': entry('index'),
      './client': entry('client'),
      './runtime': entry('runtime/index'),
      './*': entry('methods/*'),
      './package.json': './package.json',
    },
    files: ['dist', 'src', 'README.md', 'tsconfig.json'],
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export function tsconfigJson(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      isolatedDeclarations: true,
      declaration: true,
      rootDir: 'src',
      outDir: 'dist',
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['src'],
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** Keeps the built files under version control although the root ignores every `dist/`. */
export function gitignore(): string {
  return '!/dist/\n';
}

/** Compiled templates by source text: the cache can never change output. */
const compiled = new Map<string, HandlebarsTemplateDelegate>();
// Required on first use: runs that rebuild no README (nothing changed) skip loading handlebars.
const require = createRequire(import.meta.url);
let handlebars: typeof HandlebarsModule | undefined;

export function readme(plan: AggregatePlan, templateSource: string, packageName: string): string {
  let template = compiled.get(templateSource);
  if (!template) {
    handlebars ??= require('handlebars') as typeof HandlebarsModule;
    compiled.set(templateSource, (template = handlebars.compile(templateSource, { noEscape: true, strict: true })));
  }
  const methods = plan.methods.map((m) => ({
    method: markdownText(m.ir.method),
    title: markdownText(m.ir.title ?? ''),
    fn: m.exports.fn,
    stem: m.stem,
  }));
  const first = plan.methods[0];
  const example = first && {
    fn: first.exports.fn,
    isError: first.exports.isError,
    stem: first.stem,
    apiPath: first.ir.method
      .split('.')
      .map((s, i) => (isIdentifierName(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
      .join(''),
  };
  return template({
    packageName,
    methodCount: plan.methods.length,
    singular: plan.methods.length === 1,
    methods,
    example,
  });
}
