import { AlipayValidationError } from './errors.js';
/** A route path's `{name}` segments. */
const PATH_PARAM = /\{([A-Za-z0-9_]+)\}/g;
/** The names of the request fields a route's path holds. */
export function v3PathParams(path) {
    return [...path.matchAll(PATH_PARAM)].map((m) => m[1]);
}
/** True for an HTTP method whose requests carry no body. */
export function v3HasBody(method) {
    return method !== 'GET';
}
/** A query or path value: scalars as their text, objects and arrays as JSON. */
function text(value) {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
/**
 * The target of one call. Throws AlipayValidationError (before anything is signed) when a path
 * field is missing, empty, `.` or `..` (it would name another route).
 */
export function buildV3Target(method, route, request) {
    const source = (typeof request === 'object' && request !== null ? request : {});
    const inPath = new Set(v3PathParams(route.path));
    const inQuery = new Set(route.query ?? []);
    const hasBody = v3HasBody(route.method);
    const issues = [];
    const path = route.path.replace(PATH_PARAM, (_, name) => {
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
    if (issues.length > 0)
        throw new AlipayValidationError('request', method, issues);
    const query = new URLSearchParams();
    const body = {};
    for (const key of Object.keys(source)) {
        const value = source[key];
        if (inPath.has(key) || value === undefined)
            continue;
        if (inQuery.has(key) || !hasBody) {
            if (value !== null)
                query.append(key, text(value));
        }
        else {
            // defineProperty: a documented field named __proto__ stays plain data.
            Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
        }
    }
    const search = query.toString();
    return { pathQuery: search === '' ? path : `${path}?${search}`, body: hasBody ? JSON.stringify(body) : '' };
}
