import { loadPublicKey } from './keys.js';
import { buildSignContent, verifyContent } from './sign.js';
function toStrings(params) {
    const out = {};
    const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
    for (const [key, value] of entries) {
        if (value === undefined || value === null)
            continue;
        out[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return out;
}
/** The string Alipay signed for a notification under `version`. */
export function notifySignContent(params, version) {
    return buildSignContent(toStrings(params), version === 'v1' ? ['sign_type'] : undefined);
}
/**
 * True when the notification's `sign` verifies with the Alipay public key. The algorithm follows
 * the notification's `sign_type` (RSA2 when absent). Pass a KeyObject (see loadPublicKey) to avoid
 * parsing the key on every call.
 */
export function verifyNotify(params, alipayPublicKey, version = 'auto') {
    const strings = toStrings(params);
    const sign = strings['sign'];
    if (sign === undefined || sign === '')
        return false;
    const signType = strings['sign_type'] === 'RSA' ? 'RSA' : 'RSA2';
    const key = loadPublicKey(alipayPublicKey);
    const check = (v) => verifyContent(buildSignContent(strings, v === 'v1' ? ['sign_type'] : undefined), sign, key, signType);
    if (version === 'auto')
        return check('v1') || check('v2');
    return check(version);
}
