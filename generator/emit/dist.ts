/**
 * The package build, done by the generator itself: each `src/**.ts` file becomes `dist/**.js`
 * (ts.transpileModule) and `dist/**.d.ts` (ts.transpileDeclaration, which needs
 * isolatedDeclarations-compatible sources). One file at a time, no type checker, no shared
 * state: cheap, and parallelisable across workers.
 */
import { ts } from 'ts-morph';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  strict: true,
  isolatedDeclarations: true,
  declaration: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
};

export interface BuiltFile {
  readonly js: string;
  readonly dts: string;
}

/** `fileName` (relative, e.g. `methods/x.ts`) is used for diagnostics only. */
export function buildFile(source: string, fileName: string): BuiltFile {
  const js = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: false });
  const dts = ts.transpileDeclaration(source, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: true });
  const problems = dts.diagnostics ?? [];
  if (problems.length > 0) {
    // Generated and runtime code are written to be isolatedDeclarations-clean: this is a bug.
    const text = problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ');
    throw new Error(`cannot build declarations of ${fileName}: ${text}`);
  }
  return { js: js.outputText, dts: dts.outputText };
}
