/**
 * The ts-morph StructureKind values the emitters use, as constants. Emit only needs the numbers,
 * and importing ts-morph's runtime for them would load TypeScript (~0.5 s) in every process and
 * worker that emits; test/generator/printer.test.ts checks they equal ts-morph's.
 */
import type { StructureKind } from 'ts-morph';

export const Kind = {
  ExportDeclaration: 11 as StructureKind.ExportDeclaration,
  Function: 13 as StructureKind.Function,
  ImportDeclaration: 16 as StructureKind.ImportDeclaration,
  Interface: 19 as StructureKind.Interface,
  PropertySignature: 33 as StructureKind.PropertySignature,
  TypeAlias: 38 as StructureKind.TypeAlias,
} as const;
