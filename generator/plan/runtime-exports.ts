/**
 * The names exported by the runtime's index module, read from its source. The package index
 * re-exports them next to every method's names, so method names must avoid them; reading them
 * (rather than keeping a list) keeps the planner right when the runtime grows.
 */
import { ts } from 'ts-morph';

export function runtimeExportNames(indexSource: string): string[] {
  const file = ts.createSourceFile('index.ts', indexSource, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && !statement.exportClause) {
      throw new Error('templates/runtime/index.ts: `export *` hides names from the planner; list the exports by name');
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      const named = statement as ts.Statement & { name?: ts.Identifier };
      if (named.name && ts.isIdentifier(named.name)) names.add(named.name.text);
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      }
    }
  }
  return [...names].sort();
}
