/**
 * Reads RSA keys in every form users paste them: PEM with any label, bare base64 (the form the
 * Alipay console shows), PKCS#1 or PKCS#8 (private) / PKCS#1 or SPKI (public) DER, as string,
 * Buffer or KeyObject. Done once, at client creation; signing then uses the KeyObject.
 */
import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { AlipayConfigError } from './errors.js';
const PEM_LINE = /-----(?:BEGIN|END) [^-]*-----/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/g;
/** Skips one DER tag-length header at `at`; returns the offset of its content, or -1. */
function contentStart(der, at) {
    if (at + 2 > der.length)
        return -1;
    const len = der[at + 1];
    if (len < 0x80)
        return at + 2;
    const n = len & 0x7f;
    return n >= 1 && n <= 4 ? at + 2 + n : -1;
}
/** Tells PKCS#1 from PKCS#8 / SPKI from their first inner ASN.1 elements. */
export function detectKeyEncoding(der) {
    if (der[0] !== 0x30)
        return undefined;
    const first = contentStart(der, 0);
    if (first < 0)
        return undefined;
    // RSAPrivateKey and PrivateKeyInfo both start with INTEGER version (02 01 00); what follows tells them apart.
    if (der[first] === 0x02 && der[first + 1] === 0x01) {
        const next = der[first + 3];
        if (next === 0x30)
            return 'pkcs8-private';
        if (next === 0x02)
            return 'pkcs1-private';
        return undefined;
    }
    // SubjectPublicKeyInfo starts with the AlgorithmIdentifier SEQUENCE, RSAPublicKey with INTEGER n;
    // a certificate starts with the TBSCertificate SEQUENCE whose first element is [0] version.
    if (der[first] === 0x02)
        return 'pkcs1-public';
    if (der[first] === 0x30) {
        const inner = contentStart(der, first);
        if (inner > 0 && der[inner] === 0xa0)
            return 'x509-certificate';
        return 'spki-public';
    }
    return undefined;
}
function toDer(input) {
    const bytes = typeof input === 'string' ? undefined : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    // Binary DER passed as a Buffer.
    if (bytes !== undefined && bytes[0] === 0x30)
        return bytes;
    const text = typeof input === 'string' ? input : bytes.toString('latin1');
    // Drop any PEM armour (whatever its label), literal "\n" from env files, then all non-base64 characters.
    const base64 = text.replace(PEM_LINE, '').replace(/\\n/g, '').replace(NOT_BASE64, '');
    return Buffer.from(base64, 'base64');
}
function unreadable(what) {
    return new AlipayConfigError(`${what} is not a readable RSA key (expected PEM or base64 of PKCS#1/PKCS#8/SPKI)`);
}
/** Parses an app private key; throws AlipayConfigError (never quoting the key) if unreadable. */
export function loadPrivateKey(input, what = 'privateKey') {
    if (input instanceof KeyObject) {
        if (input.type !== 'private')
            throw new AlipayConfigError(`${what} must be a private key`);
        return input;
    }
    const der = toDer(input);
    const encoding = detectKeyEncoding(der);
    if (encoding !== 'pkcs1-private' && encoding !== 'pkcs8-private')
        throw unreadable(what);
    try {
        return createPrivateKey({ key: der, format: 'der', type: encoding === 'pkcs1-private' ? 'pkcs1' : 'pkcs8' });
    }
    catch {
        // The OpenSSL error adds nothing useful and is dropped so nothing of the key can travel along.
        throw unreadable(what);
    }
}
/** Parses a public key (PKCS#1, SPKI, or the key of an X.509 certificate); throws AlipayConfigError if unreadable. */
export function loadPublicKey(input, what = 'alipayPublicKey') {
    if (input instanceof KeyObject)
        return input.type === 'public' ? input : createPublicKey(input);
    const der = toDer(input);
    const encoding = detectKeyEncoding(der);
    try {
        if (encoding === 'spki-public')
            return createPublicKey({ key: der, format: 'der', type: 'spki' });
        if (encoding === 'pkcs1-public')
            return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
        if (encoding === 'x509-certificate')
            return new X509Certificate(der).publicKey;
    }
    catch {
        throw unreadable(what);
    }
    throw unreadable(what);
}
