/**
 * The package entry (`src/index.ts`): the runtime API plus every method's public names, which the
 * planner made unique package-wide. ESM re-exports (one `export { ... } from` per method) keep it
 * tree-shakeable.
 */
import type { ExportDeclarationStructure } from 'ts-morph';
import type { AggregatePlan, MethodHead } from '../plan/types.js';
import { Kind } from './kinds.js';
import { GENERATED_HEADER, type EmittedModule } from './method-module.js';
import { printFile } from './printer.js';

const RUNTIME: ExportDeclarationStructure = { kind: Kind.ExportDeclaration, moduleSpecifier: './runtime/index.js' };

function methodExports(m: MethodHead, withTypes: boolean): ExportDeclarationStructure {
  const e = m.exports;
  return {
    kind: Kind.ExportDeclaration,
    moduleSpecifier: `./methods/${m.stem}.js`,
    namedExports: [
      e.fn,
      e.isError,
      e.operation,
      e.validateRequest,
      e.validateResponse,
      ...(withTypes ? [e.request, e.response, e.errorCode].map((name) => ({ name, isTypeOnly: true })) : []),
    ],
  };
}

export function emitIndexModule(plan: AggregatePlan): EmittedModule {
  const file = (withTypes: boolean) => printFile([GENERATED_HEADER, RUNTIME, ...plan.methods.map((m) => methodExports(m, withTypes))]);
  // The TypeScript source has no bodies: it is its own declaration file.
  const ts = file(true);
  return { ts, dts: ts, js: file(false) };
}
