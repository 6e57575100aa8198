/** TypeScript's parse errors for one file: no type checking, no module resolution, no lib. */
import { ts } from 'ts-morph';

export function syntaxErrors(fileName: string, text: string): string[] {
  const options: ts.CompilerOptions = { allowJs: true, noLib: true, noResolve: true, types: [], target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  host.getSourceFile = (name) => (name === fileName ? file : undefined);
  host.fileExists = (name) => name === fileName;
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  return program.getSyntacticDiagnostics(file).map((d) => `${fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
