/**
 * The aggregate client (`src/client.ts`): `createAlipayApi(client)` returns an object whose
 * properties mirror the method names (`api.alipay.marketing.card.query(request)`). A segment that
 * is both a method and a namespace (`a.b` and `a.b.c`) is a function carrying the namespace's
 * members. Parameters are annotated explicitly so type-checking never infers across thousands
 * of members.
 *
 * Assembled as text, not printed from structures: it is rebuilt whenever any method's title or
 * name changes, and at catalogue size the structure printer's per-character layout state cost
 * ~1 s per rebuild. The text is exactly what the printer gives for the equivalent structures
 * (test/generator/scale/aggregates.test.ts keeps the printer as the oracle): statements separated
 * by one blank line, imports kept together, a function body indented one level. Every line is
 * indented, as the printer does, because nothing here can leave its string state open: method
 * segments are `[A-Za-z0-9_]+` (quoted when not identifiers) and titles only appear in doc
 * comments at the top level.
 */
import type { AggregatePlan, ClientNode, MethodHead } from '../plan/types.js';
import { docCode, docText, objectLiteralKey, typeMemberKey } from './escape.js';
import { GENERATED_HEADER, type EmittedModule } from './method-module.js';
import { declaredFunction, docComment } from './printer.js';
import { quoted } from './writer.js';

const API_DOC = 'Every generated method, by wire name: `api.alipay.marketing.card.query(request, options?)`.';
const CREATE_DOC =
  'One object with every method bound to `client`. Importing this module loads every method: import single methods from their subpaths to keep bundles small.';
const RUNTIME_TYPES = `import type { AlipayClient, CallOptions } from ${quoted('./runtime/index.js')};`;

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

/** A file: the header, the imports (one per line), then each statement after a blank line. */
function file(imports: readonly string[], statements: readonly string[]): string {
  const groups = imports.length > 0 ? [imports.join('\n')] : [];
  return [GENERATED_HEADER, ...groups, ...statements].join('\n\n') + '\n';
}

/** A function declaration with its body lines one level in (empty lines stay empty). */
function functionText(head: string, body: readonly string[]): string {
  return `${head} {\n${body.map((line) => (line.length > 0 ? `  ${line}` : line)).join('\n')}\n}`;
}

export function emitClientModule(plan: AggregatePlan): EmittedModule {
  const apiLines = [docComment(API_DOC)];
  writeType({ segment: '', children: plan.clientTree }, '', 'export interface AlipayApi ', '', apiLines);
  const apiInterface = apiLines.join('\n');
  const needsMembers = hasMethodNamespace(plan.clientTree);
  const create = (typed: boolean) => {
    const body: string[] = [];
    writeObject(plan.clientTree, '', typed, 'return ', ';', body);
    return typed
      ? `${docComment(CREATE_DOC)}\n${functionText('export function createAlipayApi(client: AlipayClient): AlipayApi', body)}`
      : functionText('export function createAlipayApi(client)', body);
  };
  const ts = file(
    [RUNTIME_TYPES, ...plan.methods.map((m) => methodImport(m, 'ts'))],
    [apiInterface, ...(needsMembers ? [withMembers(true)] : []), create(true)],
  );
  const js = file(plan.methods.map((m) => methodImport(m, 'js')), [...(needsMembers ? [withMembers(false)] : []), create(false)]);
  const dts = file(
    [RUNTIME_TYPES, ...plan.methods.map((m) => methodImport(m, 'dts'))],
    [apiInterface, declaredFunction({ docs: CREATE_DOC, name: 'createAlipayApi', params: 'client: AlipayClient', returnType: 'AlipayApi' })],
  );
  return { ts, js, dts };
}

function hasMethodNamespace(nodes: readonly ClientNode<MethodHead>[]): boolean {
  return nodes.some((n) => (n.method !== undefined && n.children.length > 0) || hasMethodNamespace(n.children));
}

function methodImport(m: MethodHead, form: 'ts' | 'js' | 'dts'): string {
  const { fn, request, response } = m.exports;
  // Laid out as TypeScript's declaration emit keeps it (tests compare the two).
  const names = form === 'js' ? fn : `${form === 'ts' ? `${fn}, ` : ''}type ${request}, type ${response}`;
  return `import { ${names} } from ${quoted(`./methods/${m.stem}.js`)};`;
}

function signature(m: MethodHead): string {
  return `(request: ${m.exports.request}, options?: CallOptions) => Promise<${m.exports.response}>`;
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
  const fn = typed
    ? `(request: ${m.request}, options?: CallOptions): Promise<${m.response}> => ${m.fn}(client, request, options)`
    : `(request, options) => ${m.fn}(client, request, options)`;
  if (node.children.length === 0) out.push(prefix + fn + suffix);
  else writeObject(node.children, pad, typed, `${prefix}withMembers(${fn}, `, `)${suffix}`, out);
}
