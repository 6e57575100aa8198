/**
 * The one place that turns ts-morph structures into text. Each file is printed once, from its
 * structures, with no parsing, no AST edits and no formatText, which keeps emit linear in the
 * output size and free of shared state (files print in any order, on any thread).
 *
 * The printer is ours, not ts-morph's `printStructure`: at catalogue scale ts-morph's printer
 * spent most of the generate time creating writers and re-scanning their text. Ours produces the
 * same bytes for the structure kinds the emitters use (SourceFile statements that are strings,
 * blank-line markers, imports, exports, type aliases, interfaces with property signatures,
 * functions with parameters and string bodies) by replaying ts-morph's printers over a writer
 * with code-block-writer's layout rules (./writer.ts). test/generator/scale/printer.test.ts
 * keeps ts-morph's printer as the oracle; a structure outside that subset is refused loudly.
 */
import type {
  OptionalKind,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  ExportSpecifierStructure,
  InterfaceDeclarationStructure,
  ParameterDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { Kind } from './kinds.js';
import { Writer, freshText, isNullOrWhitespace, isWhitespaceCode } from './writer.js';

export type Statement = string | StatementStructures;

/** A blank line between top-level statements (ts-morph: a `blankLineIfLastNot` writer function). */
const BLANK_LINE = Symbol('blank line');
type Spaced = Statement | typeof BLANK_LINE;

function isImport(s: Statement): boolean {
  return typeof s !== 'string' && s.kind === Kind.ImportDeclaration;
}

/** Prints a file: top-level statements separated by one blank line (imports kept together). */
export function printFile(statements: readonly Statement[]): string {
  const spaced: Spaced[] = [];
  statements.forEach((s, i) => {
    if (i > 0 && !(isImport(s) && isImport(statements[i - 1]!))) spaced.push(BLANK_LINE);
    spaced.push(s);
  });
  const w = new Writer();
  // SourceFileStructurePrinter: the statements, then a final newline when missing.
  w.closeComment();
  printStatements(w, spaced);
  if (!w.isAtStartOfFirstLineOfBlock() && !w.isLastNewLine()) w.newLine();
  const text = w.toString();
  return text.endsWith('\n') ? text : text + '\n';
}

/** StatementStructurePrinter.printTexts. */
function printStatements(w: Writer, statements: readonly Spaced[]): void {
  for (const s of statements) {
    if (w.isLastNonWhitespaceCharCloseBrace()) w.blankLineIfLastNot();
    else if (!w.isAtStartOfFirstLineOfBlock()) w.newLineIfLastNot();
    printStatement(w, s);
  }
}

function printStatement(w: Writer, s: Spaced): void {
  if (s === BLANK_LINE) {
    w.blankLineIfLastNot();
    return;
  }
  if (typeof s === 'string') {
    w.write(s);
    return;
  }
  const ensureBlankLine = () => {
    if (!w.isAtStartOfFirstLineOfBlock()) w.blankLineIfLastNot();
  };
  switch (s.kind) {
    case Kind.Function:
      ensureBlankLine();
      node(w, () => printFunction(w, s));
      return;
    case Kind.Interface:
      ensureBlankLine();
      node(w, () => printInterface(w, s));
      return;
    case Kind.TypeAlias:
      node(w, () => printTypeAlias(w, s));
      return;
    case Kind.ImportDeclaration:
      node(w, () => printImport(w, s));
      return;
    case Kind.ExportDeclaration:
      node(w, () => printExport(w, s));
      return;
    default:
      throw new Error(`printer: unsupported statement structure kind ${s.kind}`);
  }
}

/** NodePrinter.printText without trivia (the emitters use none). */
function node(w: Writer, printInternal: () => void): void {
  w.closeComment();
  printInternal();
}

/** Fails on structure properties the printer does not implement, so nothing is dropped silently. */
function only(structure: object, allowed: readonly string[]): void {
  for (const key of Object.keys(structure)) {
    const value = (structure as Record<string, unknown>)[key];
    if (value !== undefined && value !== false && !allowed.includes(key)) {
      throw new Error(`printer: structure property "${key}" is not supported`);
    }
  }
}

const FUNCTION_KEYS = ['kind', 'name', 'isExported', 'docs', 'parameters', 'returnType', 'statements'];
const INTERFACE_KEYS = ['kind', 'name', 'isExported', 'docs', 'extends', 'properties'];
const TYPE_ALIAS_KEYS = ['kind', 'name', 'isExported', 'docs', 'type'];
const IMPORT_KEYS = ['kind', 'isTypeOnly', 'moduleSpecifier', 'namedImports'];
const EXPORT_KEYS = ['kind', 'isTypeOnly', 'moduleSpecifier', 'namedExports'];
const PROPERTY_KEYS = ['kind', 'name', 'docs', 'type', 'hasQuestionToken'];
const PARAMETER_KEYS = ['kind', 'name', 'type', 'hasQuestionToken'];
const SPECIFIER_KEYS = ['kind', 'name', 'isTypeOnly'];

function printDocs(w: Writer, docs: FunctionDeclarationStructure['docs']): void {
  if (docs == null) return;
  for (const doc of docs) {
    if (typeof doc !== 'string') throw new Error('printer: only string docs are supported');
    node(w, () => printDoc(w, doc));
    w.newLine();
  }
}

/** JSDocStructurePrinter.printTextInternal for a string doc. */
function printDoc(w: Writer, text: string): void {
  const lines = text.split(/\r?\n/);
  const startIndex = lines[0]!.length === 0 ? 1 : 0;
  const singleLine = lines.length <= 1;
  w.write('/**');
  if (singleLine) w.space();
  else w.newLine();
  if (singleLine) w.write(lines[startIndex] ?? '');
  else {
    for (let i = startIndex; i < lines.length; i++) {
      w.write(' *');
      if (lines[i]!.length > 0) w.write(` ${lines[i]}`);
      w.newLine();
    }
  }
  w.spaceIfLastNot();
  w.write('*/');
}

function exportKeyword(w: Writer, s: { isExported?: boolean }): void {
  if (s.isExported) w.write('export ');
}

/** TypedNodeStructurePrinter / ReturnTypedNodeStructurePrinter. */
function printTyped(w: Writer, separator: string, type: unknown, alwaysWrite = false): void {
  if (type == null && !alwaysWrite) return;
  if (type != null && typeof type !== 'string') throw new Error('printer: only string types are supported');
  const text = freshText(type ?? 'any');
  if (!isNullOrWhitespace(text)) w.hangingIndent(() => w.write(`${separator} ${text}`));
}

function printFunction(w: Writer, s: FunctionDeclarationStructure): void {
  only(s, FUNCTION_KEYS);
  printDocs(w, s.docs);
  exportKeyword(w, s);
  w.write('function');
  if (!isNullOrWhitespace(s.name)) w.write(` ${s.name}`);
  w.write('(');
  const params = s.parameters ?? [];
  if (params.length > 0) {
    w.hangingIndent(() =>
      printSeparated(w, params, (p) => {
        only(p, PARAMETER_KEYS);
        node(w, () => printParameter(w, p));
      }),
    );
  }
  w.write(')');
  if (s.returnType != null) printTyped(w, ':', s.returnType);
  const body = s.statements;
  if (body != null && typeof body !== 'string') throw new Error('printer: function statements must be a string');
  w.space().inlineBlock(() => {
    if (body != null) w.write(body);
  });
}

function printParameter(w: Writer, p: OptionalKind<ParameterDeclarationStructure>): void {
  w.write(p.name);
  if (p.hasQuestionToken) w.write('?');
  printTyped(w, ':', p.type, p.hasQuestionToken === true);
}

/**
 * CommaSeparatedStructuresPrinter: items separated by a space, then a comma inserted after each
 * item but the last (where ts-morph's scanner finds the item's end: before trailing whitespace,
 * and none when the item already ends with one).
 */
function printSeparated<T>(w: Writer, items: readonly T[], print: (item: T) => void): void {
  const commas: (number | false)[] = [];
  items.forEach((item, i) => {
    if (i > 0) w.spaceIfLastNot();
    const start = w.length;
    print(item);
    const pos = appendCommaPos(w.textFrom(start));
    commas.push(pos === -1 ? false : pos + start);
  });
  let foundLast = false;
  for (let i = commas.length - 1; i >= 0; i--) {
    const pos = commas[i]!;
    if (pos === false) continue;
    if (!foundLast) foundLast = true;
    else w.insert(pos, ',');
  }
}

function appendCommaPos(text: string): number {
  let end = text.length;
  while (end > 0 && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  if (end === 0) return -1;
  return text[end - 1] === ',' ? -1 : end;
}

function printInterface(w: Writer, s: InterfaceDeclarationStructure): void {
  only(s, INTERFACE_KEYS);
  printDocs(w, s.docs);
  exportKeyword(w, s);
  w.write(`interface ${s.name}`);
  w.space();
  if (s.extends != null) {
    const text = Array.isArray(s.extends) ? s.extends.map((e) => freshText(textOf(e))).join(', ') : freshText(textOf(s.extends));
    if (!isNullOrWhitespace(text)) w.hangingIndent(() => w.write(`extends ${text} `));
  }
  w.inlineBlock(() => {
    const properties = s.properties ?? [];
    if (properties.length > 0 && !w.isAtStartOfFirstLineOfBlock()) w.newLine();
    properties.forEach((p, i) => {
      if (i > 0) w.newLine();
      only(p, PROPERTY_KEYS);
      node(w, () => printProperty(w, p));
    });
  });
}

function textOf(value: unknown): string {
  if (typeof value !== 'string') throw new Error('printer: only string type texts are supported');
  return value;
}

function printProperty(w: Writer, p: OptionalKind<PropertySignatureStructure>): void {
  printDocs(w, p.docs);
  w.write(p.name);
  if (p.hasQuestionToken) w.write('?');
  printTyped(w, ':', p.type);
  w.write(';');
}

function printTypeAlias(w: Writer, s: TypeAliasDeclarationStructure): void {
  only(s, TYPE_ALIAS_KEYS);
  printDocs(w, s.docs);
  exportKeyword(w, s);
  w.write(`type ${s.name}`);
  printTyped(w, ' =', s.type);
  w.write(';');
}

type Specifier = string | ImportSpecifierStructure | ExportSpecifierStructure;

/** NamedImportExportSpecifierStructurePrinter.printTextsWithBraces (spaces inside the braces). */
function printSpecifiers(w: Writer, specifiers: readonly Specifier[]): void {
  w.write('{');
  const sub = new Writer();
  printSeparated(sub, specifiers, (spec) => {
    sub.closeComment();
    if (typeof spec === 'string') sub.write(singleLine(spec));
    else {
      if (typeof spec !== 'object') throw new Error('printer: unsupported specifier');
      only(spec, SPECIFIER_KEYS);
      if (spec.isTypeOnly) sub.write('type ');
      sub.write(singleLine(spec.name));
    }
  });
  const text = sub.toString();
  if (!(text.startsWith('\n') || text.startsWith('\r\n'))) w.space();
  w.write(text);
  if (!text.endsWith('\n')) w.space();
  w.write('}');
}

/** Specifier names are printed by ts-morph with a queued child indentation: we support one-liners. */
function singleLine(name: string): string {
  if (/[\r\n]/.test(name)) throw new Error('printer: a specifier name cannot contain a line break');
  return name;
}

function printImport(w: Writer, s: ImportDeclarationStructure): void {
  only(s, IMPORT_KEYS);
  const named = s.namedImports;
  if (named != null && !Array.isArray(named)) throw new Error('printer: namedImports must be an array');
  const hasNamed = named != null && named.length > 0;
  w.write('import');
  if (s.isTypeOnly) w.write(' type');
  if (hasNamed) {
    w.space();
    printSpecifiers(w, named as readonly Specifier[]);
  }
  if (hasNamed) w.write(' from');
  w.write(' ');
  w.quote(s.moduleSpecifier);
  w.write(';');
}

function printExport(w: Writer, s: ExportDeclarationStructure): void {
  only(s, EXPORT_KEYS);
  const named = s.namedExports;
  if (named != null && !Array.isArray(named)) throw new Error('printer: namedExports must be an array');
  const hasModule = s.moduleSpecifier != null && s.moduleSpecifier.length > 0;
  w.write('export');
  if (s.isTypeOnly) w.write(' type');
  if (named != null && named.length > 0) {
    w.space();
    printSpecifiers(w, named as readonly Specifier[]);
  } else if (!hasModule) {
    w.write(' {').write(' ').write('}');
  } else {
    w.write(' *');
  }
  if (hasModule) {
    w.write(' from ');
    w.quote(s.moduleSpecifier!);
  }
  w.write(';');
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
