/**
 * The generate pipeline: specs -> IR -> plan -> emitted files (OutputFiles, paths relative to the
 * output directory, `/`-separated). `generatePackage` is pure: the same specs and templates give
 * the same bytes whatever the input order or machine. Reading templates and writing files are
 * separate (`readTemplates` in ./package-inputs.ts, the write stage in ../write/).
 */
import type { MethodSpec } from './spec/model.js';
import { buildMethodIR } from './ir/build.js';
import { planPackage } from './plan/package.js';
import { runtimeExportNames } from './plan/runtime-exports.js';
import { emitMethodModule, type EmittedModule } from './emit/method-module.js';
import { emitClientModule } from './emit/client-module.js';
import { emitIndexModule } from './emit/index-module.js';
import { gitignore, packageJson, readme, tsconfigJson } from './emit/package-files.js';
import { buildFile } from './emit/dist.js';
import { DEFAULT_PACKAGE_VERSION, type Templates } from './package-inputs.js';

export { DEFAULT_PACKAGE_VERSION, isGeneratedPath, readTemplates, templatesDir, type Templates } from './package-inputs.js';

export interface GenerateOptions {
  /** Version written to the generated package.json. */
  readonly version?: string;
}

/** Everything `generated/` should contain, in memory. */
export function generatePackage(
  specs: readonly MethodSpec[],
  templates: Templates,
  options: GenerateOptions = {},
): Map<string, string> {
  const runtimeIndex = templates.runtime.get('index.ts');
  if (runtimeIndex === undefined) throw new Error('templates/runtime/index.ts is missing');
  const plan = planPackage(specs.map(buildMethodIR), runtimeExportNames(runtimeIndex));

  const files = new Map<string, string>();
  files.set('.gitignore', gitignore());
  files.set('package.json', packageJson({ version: options.version ?? DEFAULT_PACKAGE_VERSION }));
  files.set('tsconfig.json', tsconfigJson());
  files.set('README.md', readme(plan, templates.readme));
  const add = (stem: string, module: EmittedModule) => {
    files.set(`src/${stem}.ts`, module.ts);
    files.set(`dist/${stem}.js`, module.js);
    files.set(`dist/${stem}.d.ts`, module.dts);
  };
  // The runtime is hand-written: built with the TypeScript transpiler, file by file.
  for (const name of [...templates.runtime.keys()].sort()) {
    const source = templates.runtime.get(name)!;
    add(`runtime/${name.slice(0, -'.ts'.length)}`, { ts: source, ...buildFile(source, `runtime/${name}`) });
  }
  for (const method of plan.methods) add(`methods/${method.stem}`, emitMethodModule(method));
  add('client', emitClientModule(plan));
  add('index', emitIndexModule(plan));
  return files;
}
