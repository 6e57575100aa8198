/**
 * Plans the whole package: file stems and package-wide unique public names for every method
 * (the index re-exports them side by side), then each module, then the aggregate client tree.
 * Methods are processed sorted by wire name, so the plan does not depend on input order.
 */
import type { MethodIR } from '../ir/types.js';
import { CLIENT_NAMES, GLOBAL_NAMES } from './reserved.js';
import { Scope, exportNames, pascalName } from './names.js';
import { planMethod } from './method.js';
import type { AggregatePlan, ClientNode, MethodExports, MethodHead, PackagePlan } from './types.js';

/** `runtimeExports`: the names the package index re-exports from the runtime (see runtimeExportNames). */
export function planPackage(irs: readonly MethodIR[], runtimeExports: readonly string[]): PackagePlan {
  const sorted = [...irs].sort((a, b) => compare(a.method, b.method));
  const names = planNames(sorted.map((ir) => ir.method), runtimeExports);
  const methods = sorted.map((ir, i) => planMethod(ir, names[i]!.stem, names[i]!.exports));
  return aggregatePlan(methods);
}

export interface PlannedNames {
  readonly stem: string;
  readonly exports: MethodExports;
}

/**
 * The package-wide part of planning: file stems and public names, which depend only on the set
 * of method names. `methods` must be sorted; results are in the same order.
 */
export function planNames(methods: readonly string[], runtimeExports: readonly string[]): PlannedNames[] {
  const globals = new Scope([...GLOBAL_NAMES, ...CLIENT_NAMES, ...runtimeExports]);
  const stems = new Set<string>();
  return methods.map((method) => ({ stem: claimStem(stems, method), exports: claimExports(globals, method) }));
}

/** The plan of the package-wide files from the methods' heads (sorted by method name). */
export function aggregatePlan<M extends MethodHead>(methods: readonly M[]): AggregatePlan<M> {
  return { methods, clientTree: buildClientTree(methods) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


function claimExports(scope: Scope, method: string): MethodExports {
  const base = pascalName(method, 'Method');
  for (let n = 1; ; n++) {
    const names = exportNames(n === 1 ? base : `${base}${n}`);
    if (scope.claimAll(Object.values(names))) return names;
  }
}

/**
 * The module file stem is the wire name when it is a plain file name; otherwise a sanitised one.
 * Uniqueness is checked case-insensitively (case-insensitive file systems).
 */
function claimStem(taken: Set<string>, method: string): string {
  const plain = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(method) && !method.endsWith('.') && !method.includes('..');
  const base = plain ? method : method.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[.-]+|\.+$/g, '').replace(/\.\.+/g, '.') || 'method';
  let stem = base;
  for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}_${n}`;
  taken.add(stem.toLowerCase());
  return stem;
}

interface MutableNode<M> {
  segment: string;
  method?: M;
  children: Map<string, MutableNode<M>>;
}

function buildClientTree<M extends MethodHead>(methods: readonly M[]): ClientNode<M>[] {
  const root = new Map<string, MutableNode<M>>();
  for (const plan of methods) {
    let level = root;
    const segments = plan.ir.method.split('.');
    segments.forEach((segment, i) => {
      let node = level.get(segment);
      if (!node) level.set(segment, (node = { segment, children: new Map() }));
      if (i === segments.length - 1) node.method = plan;
      level = node.children;
    });
  }
  const freeze = (level: Map<string, MutableNode<M>>): ClientNode<M>[] =>
    [...level.values()]
      .sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
      .map((n) => ({ segment: n.segment, ...(n.method && { method: n.method }), children: freeze(n.children) }));
  return freeze(root);
}
