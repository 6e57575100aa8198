/**
 * The gateway's v3 route table: every served method with a v3 route, matched by HTTP method and
 * path (a `{name}` segment matches one segment), and the request object a v3 call stands for:
 * the JSON body with the path and query fields put back, query text read as each field's kind
 * (the kinds table's wire value; a list or object as JSON). That object is what the client's
 * generated validator checked, so the gateway validates it with the same validator.
 */
import type { FieldIR } from '../ir/types.js';
import { scalarModule } from '../types/table.js';
import type { GatewayMethod } from './methods.js';

/** Where v3 routes live. */
export const V3_PREFIX = '/v3/';

export interface V3RouteMatch {
  readonly method: GatewayMethod;
  /** The path fields, decoded. */
  readonly pathValues: Readonly<Record<string, string>>;
}

export type V3Lookup =
  | { readonly kind: 'found'; readonly match: V3RouteMatch }
  | { readonly kind: 'no-route' }
  /** The path is a route of another HTTP method. */
  | { readonly kind: 'wrong-method'; readonly allowed: readonly string[] }
  /** A path segment is not valid percent-encoding. */
  | { readonly kind: 'bad-path' };

interface CompiledRoute {
  readonly method: GatewayMethod;
  readonly httpMethod: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(method: GatewayMethod): CompiledRoute | undefined {
  const route = method.ir.v3;
  if (route === undefined) return undefined;
  const names: string[] = [];
  const source = route.path
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return escapeRegExp(part);
      names.push(part.slice(1, -1));
      return '([^/]+)';
    })
    .join('');
  return { method, httpMethod: route.method, pattern: new RegExp(`^${source}$`), names };
}

export interface V3RouteTable {
  /** `POST /v3/alipay/trade/query`, sorted. */
  readonly routes: readonly string[];
  lookup(httpMethod: string, path: string): V3Lookup;
}

/** The table of every method with a v3 route. Two methods may not share a route (the first, sorted, wins). */
export function buildV3Routes(methods: ReadonlyMap<string, GatewayMethod>): V3RouteTable {
  const compiled = [...methods.keys()].sort().map((name) => compile(methods.get(name)!)).filter((r) => r !== undefined);
  return {
    routes: compiled.map((r) => `${r.httpMethod} ${r.method.ir.v3!.path}`).sort(),
    lookup(httpMethod, path) {
      const allowed: string[] = [];
      for (const route of compiled) {
        const m = route.pattern.exec(path);
        if (m === null) continue;
        if (route.httpMethod !== httpMethod) {
          allowed.push(route.httpMethod);
          continue;
        }
        const pathValues: Record<string, string> = Object.create(null) as Record<string, string>;
        try {
          route.names.forEach((name, i) => (pathValues[name] = decodeURIComponent(m[i + 1]!)));
        } catch {
          return { kind: 'bad-path' };
        }
        return { kind: 'found', match: { method: route.method, pathValues } };
      }
      return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'no-route' };
    },
  };
}

/** A path or query value as the field's value: the kind's wire value for scalars, JSON for lists and objects. */
function fromText(text: string, field: FieldIR | undefined): unknown {
  if (field === undefined) return text;
  // A file is never a path or query value (files are multipart parts); the text stays as it came.
  if (field.type.kind === 'file') return text;
  if (field.type.kind === 'object' || field.type.kind === 'array') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return scalarModule(field.type.kind).wireValue(text);
}

/**
 * The request object of a v3 call: the body's fields, then the query's and the path's (which win:
 * they are where the route says those fields go). Undefined when the body is not a JSON object.
 */
export function v3RequestObject(match: V3RouteMatch, search: URLSearchParams, body: string): Record<string, unknown> | undefined {
  let value: unknown = {};
  if (body.trim() !== '') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const request = value as Record<string, unknown>;
  const ir = match.method.ir;
  const field = (name: string) => ir.request.find((f) => f.name === name) ?? ir.params.find((f) => f.name === name);
  const put = (name: string, text: string) =>
    Object.defineProperty(request, name, { value: fromText(text, field(name)), enumerable: true, writable: true, configurable: true });
  for (const [name, text] of search) put(name, text);
  for (const name of Object.keys(match.pathValues)) put(name, match.pathValues[name]!);
  return request;
}
