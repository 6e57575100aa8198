/** The v1 gateway signature: the string to sign and SHA256withRSA (RSA2) / SHA1withRSA (RSA). */
import { sign as rsaSign, verify as rsaVerify, type KeyObject } from 'node:crypto';
import { Buffer } from 'node:buffer';

/** `RSA2` = SHA256withRSA (recommended, default), `RSA` = SHA1withRSA (legacy). */
export type SignType = 'RSA2' | 'RSA';

/** Param values as they go into the string to sign; `undefined` means "not sent". */
export type SignParams = Readonly<Record<string, string | undefined>>;

/** True for values the gateway leaves out of the signed string: empty or whitespace only. */
function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/**
 * The string to sign: every param except `sign`, blank values left out, keys sorted (UTF-16 code
 * unit order, as Java's TreeMap), `k=v` joined with `&`, nothing URL-encoded.
 * `omit` lists further keys to leave out (notification V1 verification leaves out `sign_type`).
 */
export function buildSignContent(params: SignParams, omit?: readonly string[]): string {
  const keys = Object.keys(params).sort();
  let out = '';
  for (const key of keys) {
    if (key === 'sign' || (omit !== undefined && omit.includes(key))) continue;
    const value = params[key];
    if (isBlank(value)) continue;
    out += out === '' ? `${key}=${value}` : `&${key}=${value}`;
  }
  return out;
}

function digest(signType: SignType): string {
  return signType === 'RSA' ? 'sha1' : 'sha256';
}

/** Signs `content` (UTF-8) with the private key; returns base64. */
export function signContent(content: string, privateKey: KeyObject, signType: SignType): string {
  return rsaSign(digest(signType), Buffer.from(content, 'utf8'), privateKey).toString('base64');
}

/** Verifies a base64 `signature` of `content` (a string: its UTF-8; or the bytes themselves) with the public key. Never throws on bad input. */
export function verifyContent(content: string | Uint8Array, signature: string, publicKey: KeyObject, signType: SignType): boolean {
  try {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return rsaVerify(digest(signType), data, publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
