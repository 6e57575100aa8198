/**
 * Where a v3 call puts the request's fields: `{name}` segments of the route's path take their
 * field (percent-encoded, one segment), the route's `query` fields go to the query string, and
 * the rest is the JSON body. A GET route has no body: every field not in the path is a query
 * param. The request object is the one the generated validator checked (biz_content fields and
 * top-level params together: v3 has no such split).
 */
import type { ValidationIssue, V3Route } from './contract.js';
import { AlipayValidationError } from './errors.js';

/** A route path's `{name}` segments. */
const PATH_PARAM = /\{([A-Za-z0-9_]+)\}/g;

/** What a v3 call sends. */
export interface V3Target {
  /** `/v3/...` plus `?query` when there is one: what is sent and signed. */
  readonly pathQuery: string;
  /** The JSON body, '' for a GET route. */
  readonly body: string;
}

/** The names of the request fields a route's path holds. */
export function v3PathParams(path: string): string[] {
  return [...path.matchAll(PATH_PARAM)].map((m) => m[1]!);
}

/** True for an HTTP method whose requests carry no body. */
export function v3HasBody(method: V3Route['method']): boolean {
  return method !== 'GET';
}

/** A query or path value: scalars as their text, objects and arrays as JSON. */
function text(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The target of one call. Throws AlipayValidationError (before anything is signed) when a path
 * field is missing, empty, `.` or `..` (it would name another route).
 */
export function buildV3Target(method: string, route: V3Route, request: unknown): V3Target {
  const source = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const inPath = new Set(v3PathParams(route.path));
  const inQuery = new Set(route.query ?? []);
  const hasBody = v3HasBody(route.method);
  const issues: ValidationIssue[] = [];
  const path = route.path.replace(PATH_PARAM, (_, name: string) => {
    const value = source[name];
    if (value === undefined || value === null) {
      issues.push({ path: name, rule: 'required', message: 'is required (it is part of the v3 path)' });
      return '';
    }
    const segment = text(value);
    if (segment === '' || segment === '.' || segment === '..') {
      issues.push({ path: name, rule: 'format', message: "cannot be empty, '.' or '..' (it is a v3 path segment)" });
      return '';
    }
    return encodeURIComponent(segment);
  });
  if (issues.length > 0) throw new AlipayValidationError('request', method, issues);
  const query = new URLSearchParams();
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (inPath.has(key) || value === undefined) continue;
    if (inQuery.has(key) || !hasBody) {
      if (value !== null) query.append(key, text(value));
    } else {
      // defineProperty: a documented field named __proto__ stays plain data.
      Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  const search = query.toString();
  return { pathQuery: search === '' ? path : `${path}?${search}`, body: hasBody ? JSON.stringify(body) : '' };
}
