import { buildSignContent, signContent } from './sign.js';
/** The one param that travels in the body; every other param goes in the query string. */
const BODY_PARAM = 'biz_content';
function appendPair(out, key, value) {
    return `${out}${out === '' ? '' : '&'}${key}=${encodeURIComponent(value)}`;
}
/**
 * Signs `params` (every param that is sent, `biz_content` included) and splits them between query
 * and body. Blank values are not sent at all, so what is sent is exactly what is signed.
 */
export function buildSignedRequest(gateway, params, privateKey, signType) {
    const content = buildSignContent(params);
    const sign = signContent(content, privateKey, signType);
    let query = '';
    let body = '';
    for (const key in params) {
        const value = params[key];
        if (value === undefined || value.trim() === '')
            continue;
        if (key === BODY_PARAM)
            body = appendPair(body, key, value);
        else
            query = appendPair(query, key, value);
    }
    query = appendPair(query, 'sign', sign);
    const url = `${gateway}${gateway.includes('?') ? '&' : '?'}${query}`;
    return { url, body, signContent: content, sign };
}
