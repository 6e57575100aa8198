/**
 * AES content encryption (接口内容加密): AES-CBC with a zero IV and PKCS#7 padding, key and data
 * base64, as the gateway uses for `encrypt_type=AES` bodies and for data returned to mini-programs.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { AlipayError } from './errors.js';
const ZERO_IV = Buffer.alloc(16);
function cipherName(keyB64) {
    const key = Buffer.from(keyB64, 'base64');
    if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
        throw new AlipayError('AES key must be base64 of 16, 24 or 32 bytes');
    }
    return { name: `aes-${key.length * 8}-cbc`, key };
}
/** Encrypts UTF-8 `plaintext`; returns base64. */
export function aesEncrypt(plaintext, keyB64) {
    const { name, key } = cipherName(keyB64);
    const cipher = createCipheriv(name, key, ZERO_IV);
    return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}
/** Decrypts base64 `ciphertext` to UTF-8 text; throws AlipayError on a wrong key or corrupt data. */
export function aesDecrypt(ciphertext, keyB64) {
    const { name, key } = cipherName(keyB64);
    try {
        const decipher = createDecipheriv(name, key, ZERO_IV);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    }
    catch {
        throw new AlipayError('AES decryption failed (wrong key or corrupt data)');
    }
}
