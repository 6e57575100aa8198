/**
 * The package entry (`src/index.ts`): the runtime API plus every method's public names, which the
 * planner made unique package-wide. ESM re-exports keep it tree-shakeable.
 *
 * Assembled as text (one `export { ... } from` per method, blank lines between statements), the
 * bytes the structure printer gives for ExportDeclarations of identifier names: it is rebuilt
 * with every head change, where the printer cost ~0.5 s at catalogue size
 * (test/generator/scale/aggregates.test.ts keeps the printer as the oracle).
 */
import type { AggregatePlan, MethodHead } from '../plan/types.js';
import { GENERATED_HEADER, type EmittedModule } from './method-module.js';
import { quoted } from './writer.js';

export function emitIndexModule(plan: AggregatePlan): EmittedModule {
  const exportsOf = (m: MethodHead, withTypes: boolean): string => {
    const e = m.exports;
    const names = [e.fn, e.isError, e.operation, e.validateRequest, e.validateResponse];
    if (withTypes) names.push(`type ${e.request}`, `type ${e.response}`, `type ${e.errorCode}`);
    return `export { ${names.join(', ')} } from ${quoted(`./methods/${m.stem}.js`)};`;
  };
  const file = (withTypes: boolean) =>
    [GENERATED_HEADER, 'export * from "./runtime/index.js";', ...plan.methods.map((m) => exportsOf(m, withTypes))].join('\n\n') + '\n';
  // The TypeScript source has no bodies: it is its own declaration file.
  const ts = file(true);
  return { ts, dts: ts, js: file(false) };
}
