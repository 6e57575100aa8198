/**
 * The aggregate client (`src/client.ts`): `createAlipayApi(client)` returns an object whose
 * properties mirror the method names (`api.alipay.marketing.card.query(request)`). A segment that
 * is both a method and a namespace (`a.b` and `a.b.c`) is a function carrying the namespace's
 * members. Parameters are annotated explicitly so type-checking never infers across thousands
 * of members.
 */
import { StructureKind, type ImportDeclarationStructure } from 'ts-morph';
import type { ClientNode, MethodPlan, PackagePlan } from '../plan/types.js';
import { docCode, docText, objectLiteralKey, typeMemberKey } from './escape.js';
import { GENERATED_HEADER } from './method-module.js';
import { docComment, printFile, type Statement } from './printer.js';

export function emitClientModule(plan: PackagePlan): string {
  const statements: Statement[] = [
    GENERATED_HEADER,
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/index.js', namedImports: ['AlipayClient', 'CallOptions'] },
    ...plan.methods.map(methodImport),
    `${docComment('Every generated method, by wire name: `api.alipay.marketing.card.query(request, options?)`.')}\n` +
      `export interface AlipayApi ${nodeType({ segment: '', children: plan.clientTree }, '')}`,
    [
      '/** Copies namespace members onto a method function (own properties such as `name` included). */',
      'function withMembers<F extends object, M extends object>(fn: F, members: M): F & M {',
      '  for (const key of Object.keys(members)) {',
      '    Object.defineProperty(fn, key, { value: (members as Record<string, unknown>)[key], enumerable: true });',
      '  }',
      '  return fn as F & M;',
      '}',
    ].join('\n'),
    {
      kind: StructureKind.Function,
      name: 'createAlipayApi',
      isExported: true,
      docs: ['One object with every method bound to `client`. Importing this module loads every method: import single methods from their subpaths to keep bundles small.'],
      parameters: [{ name: 'client', type: 'AlipayClient' }],
      returnType: 'AlipayApi',
      statements: `return ${objectLiteral(plan.clientTree, '')};`,
    },
  ];
  return printFile(statements);
}

function methodImport(m: MethodPlan): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: `./methods/${m.stem}.js`,
    namedImports: [{ name: m.exports.fn }, { name: m.exports.request, isTypeOnly: true }, { name: m.exports.response, isTypeOnly: true }],
  };
}

function signature(m: MethodPlan): string {
  return `(request: ${m.exports.request}, options?: CallOptions) => Promise<${m.exports.response}>`;
}

function nodeType(node: ClientNode, pad: string): string {
  const members = node.children.map((c) => {
    const doc = c.method ? `${pad}  /** ${docCode(c.method.ir.method)}${c.method.ir.title ? ` ${docText(c.method.ir.title).replace(/\n/g, ' ')}` : ''} */\n` : '';
    return `${doc}${pad}  readonly ${typeMemberKey(c.segment)}: ${nodeType(c, pad + '  ')};`;
  });
  const namespace = `{\n${members.join('\n')}\n${pad}}`;
  if (!node.method) return namespace;
  return node.children.length === 0 ? signature(node.method) : `(${signature(node.method)}) & ${namespace}`;
}

function objectLiteral(nodes: readonly ClientNode[], pad: string): string {
  const members = nodes.map((n) => `${pad}  ${objectLiteralKey(n.segment)}: ${nodeValue(n, pad + '  ')},`);
  return `{\n${members.join('\n')}\n${pad}}`;
}

function nodeValue(node: ClientNode, pad: string): string {
  if (!node.method) return objectLiteral(node.children, pad);
  const m = node.method.exports;
  const fn = `(request: ${m.request}, options?: CallOptions): Promise<${m.response}> => ${m.fn}(client, request, options)`;
  return node.children.length === 0 ? fn : `withMembers(${fn}, ${objectLiteral(node.children, pad)})`;
}
