/**
 * The v3 (RESTful) signature, as the official SDKs build it: an `authString` of the app id, the
 * optional app cert SN, a nonce and an epoch-ms timestamp; the string to sign
 * `authString\nMETHOD\npath?query\nbody\n[appAuthToken\n]`, SHA256withRSA; the header
 * `Authorization: ALIPAY-SHA256withRSA <authString>,sign=<base64>`. Answers are signed over
 * `alipay-timestamp\nalipay-nonce\nbody\n`. Pure functions: the nonce and clock come from the caller.
 */
import { Buffer } from 'node:buffer';
import { signContent, verifyContent } from './sign.js';
/** The scheme word of the Authorization header (v3 signs with SHA256withRSA only). */
export const V3_AUTH_SCHEME = 'ALIPAY-SHA256withRSA';
/** `app_id=…[,app_cert_sn=…],nonce=…,timestamp=…` */
export function buildV3AuthString(p) {
    const cert = p.appCertSn === undefined || p.appCertSn === '' ? '' : `,app_cert_sn=${p.appCertSn}`;
    return `app_id=${p.appId}${cert},nonce=${p.nonce},timestamp=${p.timestamp}`;
}
/** `authString\nMETHOD\npath?query\nbody\n[appAuthToken\n]` */
export function buildV3SignString(authString, parts) {
    const token = parts.appAuthToken === undefined || parts.appAuthToken === '' ? '' : `${parts.appAuthToken}\n`;
    return `${authString}\n${parts.httpMethod}\n${parts.pathQuery}\n${parts.body}\n${token}`;
}
/** The Authorization header value for a request: signs the parts with the app private key. */
export function signV3Request(auth, parts, privateKey) {
    const authString = buildV3AuthString(auth);
    const sign = signContent(buildV3SignString(authString, parts), privateKey, 'RSA2');
    return `${V3_AUTH_SCHEME} ${authString},sign=${sign}`;
}
/** Reads an Authorization header; undefined when it is not `ALIPAY-SHA256withRSA k=v,…,sign=…`. */
export function parseV3Authorization(header) {
    if (header === undefined || !header.startsWith(`${V3_AUTH_SCHEME} `))
        return undefined;
    const rest = header.slice(V3_AUTH_SCHEME.length + 1);
    const at = rest.lastIndexOf(',sign=');
    if (at <= 0)
        return undefined;
    const authString = rest.slice(0, at);
    const sign = rest.slice(at + ',sign='.length);
    const fields = Object.create(null);
    for (const item of authString.split(',')) {
        const eq = item.indexOf('=');
        if (eq <= 0)
            return undefined;
        fields[item.slice(0, eq)] = item.slice(eq + 1);
    }
    return sign === '' ? undefined : { authString, fields, sign };
}
/** The bytes an answer's `alipay-signature` covers: `timestamp\nnonce\nbody\n` (the body as received). */
export function v3AnswerSignedBytes(timestamp, nonce, body) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), bytes, Buffer.from('\n')]);
}
/** Signs an answer as Alipay does (the gateway's side): the `alipay-signature` value. */
export function signV3Answer(timestamp, nonce, body, privateKey) {
    return signContent(`${timestamp}\n${nonce}\n${body}\n`, privateKey, 'RSA2');
}
/** Verifies an answer's `alipay-signature`; never throws. */
export function verifyV3Answer(timestamp, nonce, body, signature, publicKey) {
    return verifyContent(v3AnswerSignedBytes(timestamp, nonce, body), signature, publicKey, 'RSA2');
}
/** Verifies a request's Authorization against the parts received (the gateway's side); never throws. */
export function verifyV3Request(auth, parts, publicKey) {
    return verifyContent(buildV3SignString(auth.authString, parts), auth.sign, publicKey, 'RSA2');
}
