/** The base URL of v3 routes: given, or the gateway URL's origin (where Alipay serves both). */
import { AlipayConfigError } from './errors.js';
/** The v3 base URL without a trailing slash; throws AlipayConfigError unless it is an http(s) URL without query. */
export function v3Endpoint(endpoint, gateway) {
    let url;
    try {
        url = new URL(endpoint ?? new URL(gateway).origin);
    }
    catch {
        throw new AlipayConfigError('endpoint is not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new AlipayConfigError('endpoint must be an http(s) URL');
    if (url.search !== '' || url.hash !== '')
        throw new AlipayConfigError('endpoint must not have a query or fragment');
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
