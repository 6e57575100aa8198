/**
 * The one place that turns ts-morph structures (and statement text) into a file. Each file is
 * printed once, from its structures: no parsing, no AST, no lexical state. The printer never
 * looks inside the text it is given, so no string, comment or regex content can change how
 * anything else is printed (ts-morph's printer, code-block-writer, tracks string/comment state
 * per character and can be misled by literal contents: see test/generator/printer.test.ts).
 *
 * Format (test/generator/printer.test.ts has a snapshot per construct):
 * - A file is its statements in order, separated by one blank line, except that consecutive
 *   imports are on consecutive lines. It ends with exactly one line break.
 * - A string statement is written as given.
 * - Inside a block (`{` ... `}` of an interface or a function) every non-empty line is indented
 *   by two spaces; the block's `}` is on its own line. Text is indented line by line, whatever it
 *   holds: emitters build literals with escape.stringLiteral, which never contains a line break,
 *   so indentation can only land between tokens or inside comments.
 * - Docs: `/** text *\/` for one line; otherwise `/**`, then ` * line` per line (` *` when the line
 *   is empty), then ` *\/`. Doc text must come escaped (escape.docText): `*\/` in it is refused.
 * - `import [type ]{ a, type b } from "m";` (`import "m";` without names),
 *   `export [type ]{ a, type b } from "m";` / `export * from "m";`, module specifiers as
 *   escape.stringLiteral gives them.
 * - `[export ]type N = T;`
 * - `[export ]interface N [extends A, B ]{`, one `name[?]: T;` per member (with its docs), `}`.
 * - `[export ]function f(a: A, b?: B): R {`, the body, `}`.
 * A structure property outside this list is refused loudly, so nothing is dropped silently.
 */
import type {
  ExportDeclarationStructure,
  ExportSpecifierStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  WriterFunction,
} from 'ts-morph';
import { stringLiteral } from './escape.js';
import { Kind } from './kinds.js';

export type Statement = string | StatementStructures;

const INDENT = '  ';

function isImport(s: Statement): boolean {
  return typeof s !== 'string' && s.kind === Kind.ImportDeclaration;
}

/** Prints a file: top-level statements separated by one blank line (imports kept together). */
export function printFile(statements: readonly Statement[]): string {
  const out: string[] = [];
  statements.forEach((s, i) => {
    if (i > 0) out.push(isImport(s) && isImport(statements[i - 1]!) ? '\n' : '\n\n');
    out.push(printStatement(s));
  });
  return out.join('') + '\n';
}

function printStatement(s: Statement): string {
  if (typeof s === 'string') return s;
  switch (s.kind) {
    case Kind.Function:
      return printFunction(s);
    case Kind.Interface:
      return printInterface(s);
    case Kind.TypeAlias:
      return printTypeAlias(s);
    case Kind.ImportDeclaration:
      return printImport(s);
    case Kind.ExportDeclaration:
      return printExport(s);
    default:
      throw new Error(`printer: unsupported statement structure kind ${s.kind}`);
  }
}

/** Fails on structure properties the printer does not print, so nothing is dropped silently. */
function only<T extends object>(structure: T, allowed: readonly (keyof T)[]): void {
  for (const key of Object.keys(structure)) {
    const value = (structure as Record<string, unknown>)[key];
    if (value !== undefined && value !== false && !allowed.includes(key as keyof T)) {
      throw new Error(`printer: structure property "${key}" is not supported`);
    }
  }
}

/** `text` with every non-empty line indented one level. */
function indent(text: string): string {
  return (text.length > 0 && text[0] !== '\n' ? INDENT : '') + text.replace(/\n(?=[^\n])/g, '\n' + INDENT);
}

/** `head {`, the body one level in, `}` (an empty body gives `head {` and `}` on the next line). */
function block(head: string, body: string): string {
  return body.length === 0 ? `${head} {\n}` : `${head} {\n${indent(body)}\n}`;
}

/** A JSDoc comment for already-escaped text (escape.docText), in the printer's doc format. */
export function docComment(text: string): string {
  if (text.includes('*/')) throw new Error('printer: doc text cannot contain "*/" (escape it with docText)');
  const lines = text.split('\n');
  if (lines.length === 1) return `/** ${text} */`;
  return ['/**', ...lines.map((l) => (l.length > 0 ? ` * ${l}` : ' *')), ' */'].join('\n');
}

type Docs = readonly (string | OptionalKind<JSDocStructure>)[] | undefined;

/** The docs of a declaration, each followed by a line break (nothing without docs). */
function docsPrefix(docs: Docs): string {
  if (docs === undefined) return '';
  let out = '';
  for (const doc of docs) {
    if (typeof doc !== 'string') throw new Error('printer: only string docs are supported');
    out += docComment(doc) + '\n';
  }
  return out;
}

function text(value: string | WriterFunction | undefined, what: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') throw new Error(`printer: ${what} must be a string`);
  return value;
}

function exported(s: { isExported?: boolean }): string {
  return s.isExported ? 'export ' : '';
}

function annotation(type: string | WriterFunction | undefined): string {
  const t = text(type, 'a type');
  return t === undefined ? '' : `: ${t}`;
}

const PARAMETER_KEYS = ['kind', 'name', 'type', 'hasQuestionToken'] as const;

function printParameter(p: OptionalKind<ParameterDeclarationStructure>): string {
  only(p, PARAMETER_KEYS);
  return `${p.name}${p.hasQuestionToken ? '?' : ''}${annotation(p.type)}`;
}

const FUNCTION_KEYS = ['kind', 'name', 'isExported', 'docs', 'parameters', 'returnType', 'statements'] as const;

function printFunction(s: FunctionDeclarationStructure): string {
  only(s, FUNCTION_KEYS);
  if (s.name === undefined) throw new Error('printer: a function declaration needs a name');
  const params = (s.parameters ?? []).map(printParameter).join(', ');
  const body = s.statements ?? '';
  if (typeof body !== 'string') throw new Error('printer: function statements must be a string');
  return docsPrefix(s.docs) + block(`${exported(s)}function ${s.name}(${params})${annotation(s.returnType)}`, body);
}

const PROPERTY_KEYS = ['kind', 'name', 'docs', 'type', 'hasQuestionToken'] as const;

function printProperty(p: OptionalKind<PropertySignatureStructure>): string {
  only(p, PROPERTY_KEYS);
  return `${docsPrefix(p.docs)}${p.name}${p.hasQuestionToken ? '?' : ''}${annotation(p.type)};`;
}

const INTERFACE_KEYS = ['kind', 'name', 'isExported', 'docs', 'extends', 'properties'] as const;

function printInterface(s: InterfaceDeclarationStructure): string {
  only(s, INTERFACE_KEYS);
  const bases = s.extends === undefined ? [] : Array.isArray(s.extends) ? s.extends : [s.extends];
  const heritage = bases.map((b) => text(b, 'an extends clause')).join(', ');
  const members = (s.properties ?? []).map(printProperty).join('\n');
  return docsPrefix(s.docs) + block(`${exported(s)}interface ${s.name}${heritage.length > 0 ? ` extends ${heritage}` : ''}`, members);
}

const TYPE_ALIAS_KEYS = ['kind', 'name', 'isExported', 'docs', 'type'] as const;

function printTypeAlias(s: TypeAliasDeclarationStructure): string {
  only(s, TYPE_ALIAS_KEYS);
  return `${docsPrefix(s.docs)}${exported(s)}type ${s.name} = ${text(s.type, 'a type')};`;
}

type Specifier = string | WriterFunction | OptionalKind<ImportSpecifierStructure> | OptionalKind<ExportSpecifierStructure>;

const SPECIFIER_KEYS = ['kind', 'name', 'isTypeOnly'] as const;

function specifiers(list: readonly Specifier[] | WriterFunction | undefined): string {
  if (typeof list === 'function') throw new Error('printer: named imports/exports must be an array');
  return (list ?? [])
    .map((spec) => {
      if (typeof spec === 'function') throw new Error('printer: writer functions are not supported');
      if (typeof spec === 'string') return spec;
      only(spec, SPECIFIER_KEYS);
      return `${spec.isTypeOnly ? 'type ' : ''}${spec.name}`;
    })
    .join(', ');
}

const IMPORT_KEYS = ['kind', 'isTypeOnly', 'moduleSpecifier', 'namedImports'] as const;

function printImport(s: ImportDeclarationStructure): string {
  only(s, IMPORT_KEYS);
  const names = specifiers(s.namedImports);
  const from = stringLiteral(s.moduleSpecifier);
  return names.length === 0 ? `import ${from};` : `import ${s.isTypeOnly ? 'type ' : ''}{ ${names} } from ${from};`;
}

const EXPORT_KEYS = ['kind', 'isTypeOnly', 'moduleSpecifier', 'namedExports'] as const;

function printExport(s: ExportDeclarationStructure): string {
  only(s, EXPORT_KEYS);
  const names = specifiers(s.namedExports);
  const type = s.isTypeOnly ? 'type ' : '';
  if (s.moduleSpecifier === undefined) return `export ${type}{ ${names} };`;
  const from = stringLiteral(s.moduleSpecifier);
  return names.length === 0 ? `export ${type}* from ${from};` : `export ${type}{ ${names} } from ${from};`;
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
  return `${c.docs === undefined ? '' : docComment(c.docs) + '\n'}${head}${c.initializer.join('\n')};`;
}

/** `export declare function name(params): returnType;` for .d.ts output. */
export function declaredFunction(f: { docs?: string; name: string; params: string; returnType: string }): string {
  return `${f.docs === undefined ? '' : docComment(f.docs) + '\n'}export declare function ${f.name}(${f.params}): ${f.returnType};`;
}

/** `export declare const name: type;` for .d.ts output. */
export function declaredConst(c: { docs?: string; name: string; type: string }): string {
  return `${c.docs === undefined ? '' : docComment(c.docs) + '\n'}export declare const ${c.name}: ${c.type};`;
}
