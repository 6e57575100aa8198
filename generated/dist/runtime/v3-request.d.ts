/// <reference path="./platform.d.ts" />
/**
 * Where a v3 call puts the request's fields: `{name}` segments of the route's path take their
 * field (percent-encoded, one segment), the route's `query` fields go to the query string, and
 * the rest is the JSON body. A GET route has no body: every field not in the path is a query
 * param. The request object is the one the generated validator checked (biz_content fields and
 * top-level params together: v3 has no such split).
 */
import type { V3Route } from './contract.js';
/** What a v3 call sends. */
export interface V3Target {
    /** `/v3/...` plus `?query` when there is one: what is sent and signed. */
    readonly pathQuery: string;
    /** The JSON body, '' for a GET route. */
    readonly body: string;
}
/** The names of the request fields a route's path holds. */
export declare function v3PathParams(path: string): string[];
/** True for an HTTP method whose requests carry no body. */
export declare function v3HasBody(method: V3Route['method']): boolean;
/**
 * The target of one call. Throws AlipayValidationError (before anything is signed) when a path
 * field is missing, empty, `.` or `..` (it would name another route).
 */
export declare function buildV3Target(method: string, route: V3Route, request: unknown): V3Target;
