import { buildSignContent, signContent } from './sign.js';
/** Travels in the body with `bodyParams`; every other param goes in the query string. */
const BODY_PARAM = 'biz_content';
function appendPair(out, key, value) {
    return `${out}${out === '' ? '' : '&'}${key}=${encodeURIComponent(value)}`;
}
/**
 * Signs `params` (every param that is sent, `biz_content` included) and splits them between query
 * and body. Blank values are not sent at all, so what is sent is exactly what is signed.
 * `bodyParams` names the top-level application params that go in the body beside `biz_content`
 * (they may carry secrets such as an auth code, which should not land in URL logs).
 */
export function buildSignedRequest(gateway, params, privateKey, signType, bodyParams) {
    const content = buildSignContent(params);
    const sign = signContent(content, privateKey, signType);
    let query = '';
    let body = '';
    for (const key in params) {
        const value = params[key];
        if (value === undefined || value.trim() === '')
            continue;
        if (key === BODY_PARAM || (bodyParams !== undefined && bodyParams.includes(key)))
            body = appendPair(body, key, value);
        else
            query = appendPair(query, key, value);
    }
    query = appendPair(query, 'sign', sign);
    const url = `${gateway}${gateway.includes('?') ? '&' : '?'}${query}`;
    return { url, body, signContent: content, sign };
}
