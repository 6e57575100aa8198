/**
 * The aggregate emitters as they were before they assembled text: ts-morph structures printed by
 * our printer (itself checked against ts-morph's). test/generator/scale/aggregates.test.ts
 * requires the text emitters to give these bytes.
 */
import type { ExportDeclarationStructure, FunctionDeclarationStructure, ImportDeclarationStructure } from 'ts-morph';
import { docCode, docText, objectLiteralKey, typeMemberKey } from '../../../generator/emit/escape.js';
import { Kind as StructureKind } from '../../../generator/emit/kinds.js';
import { GENERATED_HEADER, type EmittedModule } from '../../../generator/emit/method-module.js';
import { declaredFunction, docComment, printFile, type Statement } from '../../../generator/emit/printer.js';
import type { AggregatePlan, ClientNode, MethodHead } from '../../../generator/plan/types.js';

const API_DOC = 'Every generated method, by wire name: `api.alipay.marketing.card.query(request, options?)`.';
const CREATE_DOC =
  'One object with every method bound to `client`. Importing this module loads every method: import single methods from their subpaths to keep bundles small.';

function withMembers(typed: boolean): string {
  const t = (text: string) => (typed ? text : '');
  return [
    '/** Copies namespace members onto a method function (own properties such as `name` included). */',
    `function withMembers${t('<F extends object, M extends object>')}(fn${t(': F')}, members${t(': M')})${t(': F & M')} {`,
    '  for (const key of Object.keys(members)) {',
    `    Object.defineProperty(fn, key, { value: ${typed ? '(members as Record<string, unknown>)' : 'members'}[key], enumerable: true });`,
    '  }',
    `  return fn${t(' as F & M')};`,
    '}',
  ].join('\n');
}

export function structureClientModule(plan: AggregatePlan): EmittedModule {
  const runtimeTypes: ImportDeclarationStructure = {
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: './runtime/index.js',
    namedImports: ['AlipayClient', 'CallOptions'],
  };
  const apiInterface = `${docComment(API_DOC)}\nexport interface AlipayApi ${nodeType({ segment: '', children: plan.clientTree }, '')}`;
  const create = (typed: boolean): FunctionDeclarationStructure => ({
    kind: StructureKind.Function,
    name: 'createAlipayApi',
    isExported: true,
    ...(typed && { docs: [CREATE_DOC], returnType: 'AlipayApi' }),
    parameters: [typed ? { name: 'client', type: 'AlipayClient' } : { name: 'client' }],
    statements: `return ${objectLiteral(plan.clientTree, '', typed)};`,
  });
  const needsMembers = hasMethodNamespace(plan.clientTree);
  const ts: Statement[] = [
    GENERATED_HEADER,
    runtimeTypes,
    ...plan.methods.map((m) => methodImport(m, 'ts')),
    apiInterface,
    ...(needsMembers ? [withMembers(true)] : []),
    create(true),
  ];
  const js: Statement[] = [
    GENERATED_HEADER,
    ...plan.methods.map((m) => methodImport(m, 'js')),
    ...(needsMembers ? [withMembers(false)] : []),
    create(false),
  ];
  const dts: Statement[] = [
    GENERATED_HEADER,
    runtimeTypes,
    ...plan.methods.map((m) => methodImport(m, 'dts')),
    apiInterface,
    declaredFunction({ docs: CREATE_DOC, name: 'createAlipayApi', params: 'client: AlipayClient', returnType: 'AlipayApi' }),
  ];
  return { ts: printFile(ts), js: printFile(js), dts: printFile(dts) };
}

function hasMethodNamespace(nodes: readonly ClientNode<MethodHead>[]): boolean {
  return nodes.some((n) => (n.method !== undefined && n.children.length > 0) || hasMethodNamespace(n.children));
}

function methodImport(m: MethodHead, form: 'ts' | 'js' | 'dts'): ImportDeclarationStructure {
  const types = [m.exports.request, m.exports.response];
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: `./methods/${m.stem}.js`,
    // Laid out as TypeScript's declaration emit keeps it (tests compare the two).
    namedImports:
      form === 'js'
        ? [m.exports.fn]
        : [...(form === 'ts' ? [{ name: m.exports.fn }] : []), ...types.map((name) => ({ name, isTypeOnly: true }))],
  };
}

function signature(m: MethodHead): string {
  return `(request: ${m.exports.request}, options?: CallOptions) => Promise<${m.exports.response}>`;
}

function nodeType(node: ClientNode<MethodHead>, pad: string): string {
  const members = node.children.map((c) => {
    const doc = c.method ? `${pad}  /** ${docCode(c.method.ir.method)}${c.method.ir.title ? ` ${docText(c.method.ir.title).replace(/\n/g, ' ')}` : ''} */\n` : '';
    return `${doc}${pad}  readonly ${typeMemberKey(c.segment)}: ${nodeType(c, pad + '  ')};`;
  });
  const namespace = `{\n${members.join('\n')}\n${pad}}`;
  if (!node.method) return namespace;
  return node.children.length === 0 ? signature(node.method) : `(${signature(node.method)}) & ${namespace}`;
}

function objectLiteral(nodes: readonly ClientNode<MethodHead>[], pad: string, typed: boolean): string {
  const members = nodes.map((n) => `${pad}  ${objectLiteralKey(n.segment)}: ${nodeValue(n, pad + '  ', typed)},`);
  return `{\n${members.join('\n')}\n${pad}}`;
}

function nodeValue(node: ClientNode<MethodHead>, pad: string, typed: boolean): string {
  if (!node.method) return objectLiteral(node.children, pad, typed);
  const m = node.method.exports;
  const fn = typed
    ? `(request: ${m.request}, options?: CallOptions): Promise<${m.response}> => ${m.fn}(client, request, options)`
    : `(request, options) => ${m.fn}(client, request, options)`;
  return node.children.length === 0 ? fn : `withMembers(${fn}, ${objectLiteral(node.children, pad, typed)})`;
}

export function structureIndexModule(plan: AggregatePlan): EmittedModule {
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
