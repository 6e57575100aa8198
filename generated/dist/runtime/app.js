import { browserParams } from './page-params.js';
/** The order string of already signed params (their order is kept). */
export function appOrderStringOf(signed) {
    let out = '';
    for (const key in signed.params)
        out += `${out === '' ? '' : '&'}${key}=${encodeURIComponent(signed.params[key])}`;
    return out;
}
/**
 * Validates the request (AlipayValidationError, nothing signed) and returns the signed order
 * string of `op` for the app. `notifyUrl` is where Alipay posts the payment notification.
 */
export function appOrderString(client, op, request, options) {
    return appOrderStringOf(browserParams(client, op, request, options));
}
