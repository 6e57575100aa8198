/**
 * The package entry (`src/index.ts`): the runtime API plus every method's public names, which the
 * planner made unique package-wide. ESM re-exports keep it tree-shakeable.
 */
import { StructureKind, type ExportDeclarationStructure } from 'ts-morph';
import type { PackagePlan } from '../plan/types.js';
import { GENERATED_HEADER } from './method-module.js';
import { printFile } from './printer.js';

export function emitIndexModule(plan: PackagePlan): string {
  const methodExports = plan.methods.map(
    (m): ExportDeclarationStructure => ({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./methods/${m.stem}.js`,
      namedExports: [
        { name: m.exports.fn },
        { name: m.exports.isError },
        { name: m.exports.operation },
        { name: m.exports.validateRequest },
        { name: m.exports.validateResponse },
        { name: m.exports.request, isTypeOnly: true },
        { name: m.exports.response, isTypeOnly: true },
        { name: m.exports.errorCode, isTypeOnly: true },
      ],
    }),
  );
  return printFile([GENERATED_HEADER, 'export * from "./runtime/index.js";', ...methodExports]);
}
