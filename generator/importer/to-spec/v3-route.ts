/**
 * The v3 route a doc page shows, if any: a `/v3/...` URL or path next to its HTTP method, as the
 * v3 doc pages and SDK samples write it (`curl -X POST 'https://openapi.alipay.com/v3/alipay/trade/query'`,
 * `POST /v3/alipay/trade/query`, `alipaySdk.curl('POST', '/v3/alipay/trade/query', ...)`). Read from
 * the page text, whatever its layout. Only a route the loader accepts is kept: path fields must
 * be required scalar top-level fields of the spec; anything else is dropped with a warning, as
 * are pages showing two different routes. A page without a v3 URL gets no route (v2 only).
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Field, MethodSpec } from '../../spec/model.js';
import { defaultV3Route, MAX_V3_PATH_LENGTH, V3_HTTP_METHODS, v3PathFields, type V3HttpMethod, type V3RouteSpec } from '../../spec/v3-route.js';
import { isScalarKind } from '../../types/table.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

export interface V3RouteFound {
  readonly route?: V3RouteSpec;
  readonly diagnostics: LocalDiagnostic[];
}

/** A v3 path in text: `/v3/` then URL-safe segments or `{field}`, ending before a quote, space or query. */
const V3_PATH = /\/v3(?:\/(?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*|\{[A-Za-z0-9_]+\}))+/g;
/** The HTTP method written before the path on its line (`-X POST`, `POST `, `curl('POST', '`). */
const URL_ORIGIN = /https?:\/\/[A-Za-z0-9.-]+(?::\d+)?$/;
const METHOD_BEFORE = new RegExp(`\\b(${V3_HTTP_METHODS.join('|')})\\b[^A-Za-z\\n]{0,40}$`);

interface Seen {
  readonly method: V3HttpMethod | undefined;
  readonly path: string;
  readonly line: number;
  readonly col: number;
}

function topLevel(spec: MethodSpec): Field[] {
  return [...spec.request, ...(spec.params ?? [])];
}

/** Why the loader would refuse a path field, or undefined. */
function pathFieldProblem(spec: MethodSpec, name: string): string | undefined {
  const field = topLevel(spec).find((f) => f.name === name);
  if (field === undefined) return `{${name}} names no request field`;
  if (!isScalarKind(field.type)) return `{${name}} is ${field.type}, not a scalar`;
  if (field.required !== true) return `{${name}} is not required`;
  return undefined;
}

/** Finds the page's v3 route for `spec` (the spec the page made). */
export function findV3Route(text: string, spec: MethodSpec): V3RouteFound {
  const diagnostics: LocalDiagnostic[] = [];
  const seen: Seen[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    for (const m of line.matchAll(V3_PATH)) {
      if (m[0].length > MAX_V3_PATH_LENGTH) continue;
      // The URL's scheme and host are not between the method and the path as far as we care.
      const head = line.slice(0, m.index).replace(URL_ORIGIN, '');
      const before = METHOD_BEFORE.exec(head)?.[1] as V3HttpMethod | undefined;
      seen.push({ method: before, path: m[0], line: i + 1, col: m.index + 1 });
    }
  });
  if (seen.length === 0) return { diagnostics };
  const first = seen[0]!;
  const at = (s: Seen, message: string): void => void diagnostics.push({ severity: 'warning', line: s.line, col: s.col, message });
  const other = seen.find((s) => s.path !== first.path || (s.method !== undefined && first.method !== undefined && s.method !== first.method));
  if (other !== undefined) {
    at(other, `the page shows two v3 routes (${first.method ?? '?'} ${first.path} and ${other.method ?? '?'} ${other.path}): no v3 route taken, set v3: by hand`);
    return { diagnostics };
  }
  const problems = v3PathFields(first.path).map((name) => pathFieldProblem(spec, name)).filter((p) => p !== undefined);
  if (problems.length > 0) {
    at(first, `v3 route ${first.path} dropped: ${problems.join('; ')}`);
    return { diagnostics };
  }
  const method = seen.find((s) => s.method !== undefined)?.method;
  if (method === undefined) at(first, `v3 route ${first.path}: no HTTP method next to it, took POST`);
  const rule = defaultV3Route(spec.method);
  if (first.path !== rule.path) at(first, `v3 route ${first.path} differs from the rule's ${rule.path}: check it`);
  return { route: { method: method ?? 'POST', path: first.path }, diagnostics };
}
