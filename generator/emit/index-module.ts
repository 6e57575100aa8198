/**
 * The package entry (`src/index.ts`): the runtime API plus every method's public names, which the
 * planner made unique package-wide. ESM re-exports keep it tree-shakeable.
 */
import type { ExportDeclarationStructure } from 'ts-morph';
import { Kind as StructureKind } from './kinds.js';
import type { AggregatePlan, MethodHead } from '../plan/types.js';
import { GENERATED_HEADER, type EmittedModule } from './method-module.js';
import { printFile } from './printer.js';

export function emitIndexModule(plan: AggregatePlan): EmittedModule {
  const exportsOf = (m: MethodHead, withTypes: boolean): ExportDeclarationStructure => ({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: `./methods/${m.stem}.js`,
    namedExports: [
      { name: m.exports.fn },
      { name: m.exports.isError },
      { name: m.exports.operation },
      { name: m.exports.validateRequest },
      { name: m.exports.validateResponse },
      ...(withTypes
        ? [m.exports.request, m.exports.response, m.exports.errorCode].map((name) => ({ name, isTypeOnly: true }))
        : []),
    ],
  });
  const runtime = 'export * from "./runtime/index.js";';
  // The TypeScript source has no bodies: it is its own declaration file.
  const ts = printFile([GENERATED_HEADER, runtime, ...plan.methods.map((m) => exportsOf(m, true))]);
  return { ts, dts: ts, js: printFile([GENERATED_HEADER, runtime, ...plan.methods.map((m) => exportsOf(m, false))]) };
}
