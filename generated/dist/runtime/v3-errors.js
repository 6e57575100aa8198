/**
 * A v3 failure (HTTP >= 400 with `{code, message, links}`) as an AlipayApiError, so callers catch
 * one class whatever the protocol: `code` and `sub_code` are the v3 `code`, `msg` and `sub_msg`
 * its `message` (Error's own `message` is the usual `method: code msg` text), so isApiErrorOf
 * narrows a documented business code as it does over v2. Adds `links` and the HTTP `status`.
 */
import { AlipayApiError } from './errors.js';
import { maskPersonalData } from './mask.js';
function linksOf(value) {
    if (!Array.isArray(value))
        return [];
    const links = [];
    for (const item of value) {
        const l = item;
        if (typeof l !== 'object' || l === null)
            continue;
        links.push({ link: typeof l.link === 'string' ? maskPersonalData(l.link) : '', desc: typeof l.desc === 'string' ? maskPersonalData(l.desc) : '' });
    }
    return links;
}
/** An API error answered over v3. `instanceof AlipayApiError` holds. */
export class AlipayV3ApiError extends AlipayApiError {
    /** The doc links of the error (masked). */
    links;
    /** The HTTP status of the answer (400, 401, 403, 404, 500 …). */
    status;
    constructor(method, status, body, options) {
        const message = typeof body.message === 'string' ? body.message : '';
        // The parsed answer stays the non-enumerable `response`, with the v2 names beside the v3 ones.
        super(method, { ...body, code: body.code, msg: message, sub_code: body.code, sub_msg: message }, options);
        this.links = linksOf(body.links);
        this.status = status;
        // v3 has one code: say it once (the base class would repeat it as sub_code).
        this.message = maskPersonalData(`${method}: HTTP ${status} ${body.code}${message === '' ? '' : ` ${message}`}${this.signed ? '' : ' [unsigned answer]'}`);
    }
}
