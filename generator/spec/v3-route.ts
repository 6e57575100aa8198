/**
 * The optional v3 route of a spec (`v3:`), its default rule, how the loader reads it and how the
 * dumper writes it.
 *
 * The rule (Alipay's, for the methods it serves over v3): `POST` and the wire name with its dots
 * turned into slashes under `/v3/`: `alipay.trade.query` -> `POST /v3/alipay/trade/query`.
 * A spec states its route: `v3: true` takes the rule's route; `v3: { method, path, query }` writes
 * it out (`method` defaults to POST, `path` to the rule's). No `v3` key: no route, the method is
 * v2 only (page, wap and app pay are, and any method Alipay does not list under v3).
 *
 * `{name}` segments of the path and the `query` list name top-level request fields (biz_content
 * fields or params), scalars, which v3 sends in the path or the query string; a path field must be
 * `required: true`. A GET route sends every other field in the query too.
 */
import { isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isScalarKind } from '../types/table.js';
import type { Field } from './model.js';
import { readEntries, readList, readString, type Entry, type Reader } from './reader.js';
import { kindOf } from './yaml-ast.js';

export const V3_HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type V3HttpMethod = (typeof V3_HTTP_METHODS)[number];

/** A method's v3 route in the spec model (the runtime's V3Route). */
export interface V3RouteSpec {
  method: V3HttpMethod;
  /** `/v3/...`; `{name}` segments are request fields. */
  path: string;
  /** Request fields sent in the query string. */
  query?: string[];
}

const ROUTE_KEYS = ['method', 'path', 'query'] as const;
/** Longest route path accepted (the longest rule path of the catalogue is far shorter). */
export const MAX_V3_PATH_LENGTH = 512;
/** `/v3` then segments of URL-safe characters or `{field}`. */
const PATH = /^\/v3(?:\/(?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*|\{[A-Za-z0-9_]+\}))+$/;
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The rule's route of a method: POST /v3/<wire name with dots as slashes>. */
export function defaultV3Route(method: string): V3RouteSpec {
  return { method: 'POST', path: `/v3/${method.split('.').join('/')}` };
}

/** The `{name}` fields of a route path. */
export function v3PathFields(path: string): string[] {
  return [...path.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Reads `v3:` (true, or a map of method/path/query). `method` is the spec's wire name (for the
 * rule), `fields` the top-level request fields and params the route may name. Reports every
 * problem at its node; returns undefined when the route is unusable.
 */
export function readV3Route(r: Reader, entry: Entry, method: string | undefined, fields: readonly Field[]): V3RouteSpec | undefined {
  const node = entry.value;
  if (isScalar(node) && node.value === true) return method === undefined ? undefined : defaultV3Route(method);
  if (!isMap(node)) {
    r.report(node ?? entry.key, ['v3'], `expected true or a map of method, path, query, got ${kindOf(node)} (leave v3 out for a v2-only method)`);
    return undefined;
  }
  const entries = readEntries(r, node, ['v3'], ROUTE_KEYS);
  if (!entries) return undefined;
  const get = (k: string) => entries.find((e) => e.name === k);
  let ok = true;
  let httpMethod: V3HttpMethod = 'POST';
  const methodEntry = get('method');
  if (methodEntry) {
    const text = readString(r, methodEntry.value, ['v3', 'method']);
    if (text !== undefined && (V3_HTTP_METHODS as readonly string[]).includes(text)) httpMethod = text as V3HttpMethod;
    else {
      if (text !== undefined) r.report(methodEntry.value, ['v3', 'method'], `unknown HTTP method "${text}", expected one of ${V3_HTTP_METHODS.join(', ')}`);
      ok = false;
    }
  }
  let path: string | undefined = method === undefined ? undefined : defaultV3Route(method).path;
  const pathEntry = get('path');
  if (pathEntry) {
    path = readString(r, pathEntry.value, ['v3', 'path']);
    if (path !== undefined && (path.length > MAX_V3_PATH_LENGTH || !PATH.test(path))) {
      r.report(pathEntry.value, ['v3', 'path'], `"${path.slice(0, 80)}" is not a v3 path such as /v3/alipay/trade/query (segments of A-Z a-z 0-9 _ . ~ - or {field}; at most ${MAX_V3_PATH_LENGTH} characters)`);
      path = undefined;
    }
  }
  if (path === undefined) return undefined;
  const field = (name: string) => fields.find((f) => f.name === name);
  const inPath = v3PathFields(path);
  const seen = new Set<string>();
  for (const name of inPath) {
    const f = field(name);
    const problem =
      seen.has(name) ? `{${name}} appears twice in the path`
      : f === undefined ? `{${name}} names no top-level request field`
      : !isScalarKind(f.type) ? `{${name}} is ${f.type}: a path field must be a scalar`
      : f.required !== true ? `{${name}} must be required: true (a path segment cannot be left out)`
      : undefined;
    seen.add(name);
    if (problem !== undefined) {
      r.report(pathEntry?.value, ['v3', 'path'], problem);
      ok = false;
    }
  }
  const route: V3RouteSpec = { method: httpMethod, path };
  const queryEntry = get('query');
  if (queryEntry) {
    const items = readList(r, queryEntry.value, ['v3', 'query']);
    const query: string[] = [];
    items?.forEach((item, i) => {
      const name = readString(r, item, ['v3', 'query', i]);
      if (name === undefined) {
        ok = false;
        return;
      }
      const f = field(name);
      const problem =
        f === undefined ? `"${name}" names no top-level request field`
        : !isScalarKind(f.type) && f.type !== 'array' ? `"${name}" is ${f.type}: a query field must be a scalar or a list`
        : inPath.includes(name) ? `"${name}" is already in the path`
        : query.includes(name) ? `"${name}" is listed twice`
        : undefined;
      if (problem !== undefined) {
        r.report(item, ['v3', 'query', i], problem);
        ok = false;
      } else query.push(name);
    });
    if (items === undefined) ok = false;
    if (query.length > 0) route.query = query;
  }
  return ok ? route : undefined;
}

/** The YAML node the dumper writes: `{ method: POST, path: /v3/..., query: [...] }`, flow style. */
export function v3RouteNode(route: V3RouteSpec): YAMLMap {
  const map = new YAMLMap();
  map.flow = true;
  map.items.push(new Pair(new Scalar('method'), new Scalar(route.method)));
  map.items.push(new Pair(new Scalar('path'), new Scalar(route.path)));
  if (route.query !== undefined && route.query.length > 0) {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items.push(...route.query.map((q) => new Scalar(q)));
    map.items.push(new Pair(new Scalar('query'), seq));
  }
  return map;
}
