/** ts-morph's own structure printer, used as the oracle of generator/emit/printer.ts (the previous printFile). */
import { printStructure, StructureKind, type CodeBlockWriter } from 'ts-morph';
import type { Statement } from '../../../generator/emit/printer.js';

const blankLine = (writer: CodeBlockWriter): void => {
  writer.blankLineIfLastNot();
};

const isImport = (s: Statement) => typeof s !== 'string' && s.kind === StructureKind.ImportDeclaration;

export function oraclePrintFile(statements: readonly Statement[]): string {
  const spaced: (Statement | typeof blankLine)[] = [];
  statements.forEach((s, i) => {
    if (i > 0 && !(isImport(s) && isImport(statements[i - 1]!))) spaced.push(blankLine);
    spaced.push(s);
  });
  const text = printStructure(
    { kind: StructureKind.SourceFile, statements: spaced },
    { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: false },
  );
  return text.endsWith('\n') ? text : text + '\n';
}
