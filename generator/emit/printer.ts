/**
 * The one place that turns ts-morph structures into text. Each file is printed once with
 * ts-morph's structure printer (no parsing, no AST edits, no formatText), which keeps emit linear
 * in the output size and free of shared state, so files can be printed in any order or on worker
 * threads.
 */
import { printStructure, StructureKind, type CodeBlockWriter, type StatementStructures } from 'ts-morph';

export type Statement = string | StatementStructures;

const blankLine = (writer: CodeBlockWriter): void => {
  writer.blankLineIfLastNot();
};

function isImport(s: Statement): boolean {
  return typeof s !== 'string' && s.kind === StructureKind.ImportDeclaration;
}

/** Prints a file: top-level statements separated by one blank line (imports kept together). */
export function printFile(statements: readonly Statement[]): string {
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

/**
 * A JSDoc block for already-escaped text (escape.docText), laid out like ts-morph's own docs.
 * Used for statements printed from text, such as consts with multi-line initializers (the
 * structure printer would hang-indent those).
 */
export function docComment(text: string): string {
  const lines = text.split('\n');
  if (lines.length === 1) return `/** ${text} */`;
  return ['/**', ...lines.map((l) => (l.length > 0 ? ` * ${l}` : ' *')), ' */'].join('\n');
}

export interface ConstStatement {
  /** Escaped doc text. */
  readonly docs?: string;
  readonly name: string;
  readonly type?: string;
  /** Lines of the initializer; the first opens it, the last closes it. */
  readonly initializer: readonly string[];
}

export function exportedConst(c: ConstStatement): string {
  const head = `export const ${c.name}${c.type === undefined ? '' : `: ${c.type}`} = `;
  const body = c.initializer.join('\n');
  return `${c.docs === undefined ? '' : docComment(c.docs) + '\n'}${head}${body};`;
}

/** `export declare function name(params): returnType;` for .d.ts output. */
export function declaredFunction(f: { docs?: string; name: string; params: string; returnType: string }): string {
  return `${f.docs === undefined ? '' : docComment(f.docs) + '\n'}export declare function ${f.name}(${f.params}): ${f.returnType};`;
}

/** `export declare const name: type;` for .d.ts output. */
export function declaredConst(c: { docs?: string; name: string; type: string }): string {
  return `${c.docs === undefined ? '' : docComment(c.docs) + '\n'}export declare const ${c.name}: ${c.type};`;
}
