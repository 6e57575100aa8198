/**
 * AES content encryption of a call (接口内容加密, `encrypt_type=AES`): `biz_content` is sent as its
 * ciphertext and signed as such (encrypt, then sign); the answer's node is then a JSON string of
 * ciphertext, verified over its raw text (quotes included) before it is decrypted and parsed.
 */
import { Buffer } from 'node:buffer';
import { aesDecrypt, aesEncrypt } from './aes.js';
import { AlipayConfigError, AlipayMalformedResponseError } from './errors.js';
/** Throws AlipayConfigError unless `key` is base64 of an AES-128/192/256 key; returns it. */
export function checkAesKey(key) {
    const bytes = typeof key === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(key.trim()) ? Buffer.from(key.trim(), 'base64') : undefined;
    if (bytes === undefined || (bytes.length !== 16 && bytes.length !== 24 && bytes.length !== 32)) {
        throw new AlipayConfigError('aesKey must be the base64 AES key from the console (16, 24 or 32 bytes)');
    }
    return key;
}
/** The params an encrypted call adds: `encrypt_type` and the ciphertext in place of biz_content. */
export function encryptedBizContent(biz, key) {
    return { encrypt_type: 'AES', biz_content: aesEncrypt(biz, key) };
}
/** The decrypted, parsed node of an encrypted answer; AlipayMalformedResponseError when it cannot be. */
export function decryptAnswer(ciphertext, key, method, nodeKey, traceId) {
    const fail = (why) => new AlipayMalformedResponseError(`${method}: the encrypted ${nodeKey} node ${why}`, method, { traceId });
    let plaintext;
    try {
        plaintext = aesDecrypt(ciphertext, key);
    }
    catch {
        throw fail('cannot be decrypted with the client aesKey');
    }
    try {
        return JSON.parse(plaintext);
    }
    catch {
        throw fail('does not decrypt to JSON');
    }
}
