/** The v3 route of a method module: the Operation's `v3` entry and the sentence of its TSDoc. */
import type { MethodIR } from '../ir/types.js';
import { docCode, stringLiteral } from './escape.js';

/** `  v3: { method: 'POST', path: '/v3/...' },` for the Operation object; nothing without a route. */
export function v3RouteLines(route: MethodIR['v3']): string[] {
  if (route === undefined) return [];
  const query = route.query === undefined || route.query.length === 0 ? '' : `, query: [${route.query.map((q) => stringLiteral(q)).join(', ')}]`;
  return [`  v3: { method: ${stringLiteral(route.method)}, path: ${stringLiteral(route.path)}${query} },`];
}

/** What the function's TSDoc says of the protocols. */
export function v3RouteDoc(route: MethodIR['v3']): string {
  if (route === undefined) return 'Over v2 (gateway.do) only: the method has no v3 route, so `protocol: \'v3\'` still calls it over v2.';
  return `Over v3 when the client or the call says \`protocol: 'v3'\`: ${docCode(`${route.method} ${route.path}`)}.`;
}
