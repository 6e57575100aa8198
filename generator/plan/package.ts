/**
 * Plans the whole package: file stems and package-wide unique public names for every method
 * (the index re-exports them side by side), then each module, then the aggregate client tree.
 * Methods are processed sorted by wire name, so the plan does not depend on input order.
 */
import type { MethodIR } from '../ir/types.js';
import { CLIENT_NAMES, GLOBAL_NAMES } from './reserved.js';
import { Scope, camelName, pascalName } from './names.js';
import { planMethod } from './method.js';
import type { ClientNode, MethodExports, MethodPlan, PackagePlan } from './types.js';

/** `runtimeExports`: the names the package index re-exports from the runtime (see runtimeExportNames). */
export function planPackage(irs: readonly MethodIR[], runtimeExports: readonly string[]): PackagePlan {
  const sorted = [...irs].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
  const globals = new Scope([...GLOBAL_NAMES, ...CLIENT_NAMES, ...runtimeExports]);
  const stems = new Set<string>();
  const methods = sorted.map((ir) => planMethod(ir, claimStem(stems, ir.method), claimExports(globals, ir.method)));
  return { methods, clientTree: buildClientTree(methods) };
}

function exportNames(prefix: string): MethodExports {
  const fn = camelName(prefix);
  return {
    fn,
    request: `${prefix}Request`,
    response: `${prefix}Response`,
    errorCode: `${prefix}ErrorCode`,
    isError: `is${prefix}Error`,
    validateRequest: `validate${prefix}Request`,
    validateResponse: `validate${prefix}Response`,
    operation: `${fn}Operation`,
  };
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

interface MutableNode {
  segment: string;
  method?: MethodPlan;
  children: Map<string, MutableNode>;
}

function buildClientTree(methods: readonly MethodPlan[]): ClientNode[] {
  const root = new Map<string, MutableNode>();
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
  const freeze = (level: Map<string, MutableNode>): ClientNode[] =>
    [...level.values()]
      .sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
      .map((n) => ({ segment: n.segment, ...(n.method && { method: n.method }), children: freeze(n.children) }));
  return freeze(root);
}
