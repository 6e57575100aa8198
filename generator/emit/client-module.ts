/**
 * The aggregate client (`src/client.ts`): `createAlipayApi(client)` returns an object whose
 * properties mirror the method names (`api.alipay.marketing.card.query(request)`). A segment that
 * is both a method and a namespace (`a.b` and `a.b.c`) is a function carrying the namespace's
 * members. Parameters are annotated explicitly so type-checking never infers across thousands
 * of members.
 *
 * Imports and `createAlipayApi` are structures; the nested `AlipayApi` type and the object
 * literal are text built line by line (their nesting follows the method tree, which the
 * structure kinds we print do not model). Method segments are `[A-Za-z0-9_]+` (quoted when not
 * identifiers) and titles only appear in doc comments, escaped with docText.
 */
import type { FunctionDeclarationStructure, ImportDeclarationStructure } from 'ts-morph';
import type { AggregatePlan, ClientNode, MethodHead } from '../plan/types.js';
import { docCode, docText, objectLiteralKey, typeMemberKey } from './escape.js';
import { Kind } from './kinds.js';
import { GENERATED_HEADER, type EmittedModule } from './method-module.js';
import { declaredFunction, docComment, printFile } from './printer.js';
import { DEFAULT_METHOD_KIND, METHOD_KIND_TABLE, type MethodKindRow } from '../spec/method-kind.js';

const API_DOC = 'Every generated method, by wire name: `api.alipay.marketing.card.query(request, options?)`.';
const CREATE_DOC =
  'One object with every method bound to `client`. Importing this module loads every method: import single methods from their subpaths to keep bundles small.';
/** The runtime types the signatures name: the client, and each used method kind's option and result types. */
function runtimeTypes(plan: AggregatePlan): ImportDeclarationStructure {
  const names = new Set(['AlipayClient']);
  for (const m of plan.methods) for (const t of kindRow(m).runtimeTypes) names.add(t);
  return { kind: Kind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/index.js', namedImports: [...names].sort() };
}

function kindRow(m: MethodHead): MethodKindRow {
  return METHOD_KIND_TABLE[m.ir.kind ?? DEFAULT_METHOD_KIND];
}

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

export function emitClientModule(plan: AggregatePlan): EmittedModule {
  const apiLines = [docComment(API_DOC)];
  writeType({ segment: '', children: plan.clientTree }, '', 'export interface AlipayApi ', '', apiLines);
  const apiInterface = apiLines.join('\n');
  const needsMembers = hasMethodNamespace(plan.clientTree);
  const create = (typed: boolean): FunctionDeclarationStructure => {
    const body: string[] = [];
    writeObject(plan.clientTree, '', typed, 'return ', ';', body);
    return {
      kind: Kind.Function,
      name: 'createAlipayApi',
      isExported: true,
      ...(typed && { docs: [CREATE_DOC], returnType: 'AlipayApi' }),
      parameters: [typed ? { name: 'client', type: 'AlipayClient' } : { name: 'client' }],
      statements: body.join('\n'),
    };
  };
  const members = (typed: boolean) => (needsMembers ? [withMembers(typed)] : []);
  const ts = printFile([
    GENERATED_HEADER,
    runtimeTypes(plan),
    ...plan.methods.map((m) => methodImport(m, 'ts')),
    apiInterface,
    ...members(true),
    create(true),
  ]);
  const js = printFile([GENERATED_HEADER, ...plan.methods.map((m) => methodImport(m, 'js')), ...members(false), create(false)]);
  const dts = printFile([
    GENERATED_HEADER,
    runtimeTypes(plan),
    ...plan.methods.map((m) => methodImport(m, 'dts')),
    apiInterface,
    declaredFunction({ docs: CREATE_DOC, name: 'createAlipayApi', params: 'client: AlipayClient', returnType: 'AlipayApi' }),
  ]);
  return { ts, js, dts };
}

function hasMethodNamespace(nodes: readonly ClientNode<MethodHead>[]): boolean {
  return nodes.some((n) => (n.method !== undefined && n.children.length > 0) || hasMethodNamespace(n.children));
}

function methodImport(m: MethodHead, form: 'ts' | 'js' | 'dts'): ImportDeclarationStructure {
  const { fn, request, response } = m.exports;
  const types = [request, ...(kindRow(m).returnsResponse ? [response] : [])].map((name) => ({ name, isTypeOnly: true }));
  return {
    kind: Kind.ImportDeclaration,
    moduleSpecifier: `./methods/${m.stem}.js`,
    // Laid out as TypeScript's declaration emit keeps it (tests compare the two).
    namedImports: form === 'js' ? [fn] : [...(form === 'ts' ? [fn] : []), ...types],
  };
}

function signature(m: MethodHead): string {
  return `(request: ${m.exports.request}, options?: ${kindRow(m).optionsType}) => ${kindRow(m).returnType(m.exports.response)}`;
}

// The tree is written line by line into one array (joined once): nested string building copied
// the catalogue-sized text once per nesting level.

/** `node`'s type; its first line starts with `prefix`, its last ends with `suffix`. */
function writeType(node: ClientNode<MethodHead>, pad: string, prefix: string, suffix: string, out: string[]): void {
  if (node.method && node.children.length === 0) {
    out.push(prefix + signature(node.method) + suffix);
    return;
  }
  out.push(`${prefix}${node.method ? `(${signature(node.method)}) & ` : ''}{`);
  if (node.children.length === 0) out.push('');
  for (const c of node.children) {
    if (c.method) {
      const title = c.method.ir.title ? ` ${docText(c.method.ir.title).replace(/\n/g, ' ')}` : '';
      out.push(`${pad}  /** ${docCode(c.method.ir.method)}${title} */`);
    }
    writeType(c, pad + '  ', `${pad}  readonly ${typeMemberKey(c.segment)}: `, ';', out);
  }
  out.push(`${pad}}${suffix}`);
}

/** An object literal of `nodes`, framed by `prefix` and `suffix` like writeType. */
function writeObject(nodes: readonly ClientNode<MethodHead>[], pad: string, typed: boolean, prefix: string, suffix: string, out: string[]): void {
  out.push(`${prefix}{`);
  if (nodes.length === 0) out.push('');
  for (const n of nodes) writeValue(n, pad + '  ', typed, `${pad}  ${objectLiteralKey(n.segment)}: `, ',', out);
  out.push(`${pad}}${suffix}`);
}

function writeValue(node: ClientNode<MethodHead>, pad: string, typed: boolean, prefix: string, suffix: string, out: string[]): void {
  if (!node.method) return writeObject(node.children, pad, typed, prefix, suffix, out);
  const m = node.method.exports;
  const row = kindRow(node.method);
  const fn = typed
    ? `(request: ${m.request}, options?: ${row.optionsType}): ${row.returnType(m.response)} => ${m.fn}(client, request, options)`
    : `(request, options) => ${m.fn}(client, request, options)`;
  if (node.children.length === 0) out.push(prefix + fn + suffix);
  else writeObject(node.children, pad, typed, `${prefix}withMembers(${fn}, `, `)${suffix}`, out);
}
