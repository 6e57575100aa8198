/**
 * What certificate mode, AES content encryption and uploads change in a v3 call (wired by
 * v3-invoke.ts, as the official Node SDK's `curl()` does them): cert mode adds `app_cert_sn` to
 * the authString (v3-sign.ts) and the `alipay-root-cert-sn` request header, and an answer's
 * `alipay-sn` header picks the Alipay certificate whose key verifies it; AES sends the ciphertext
 * as a text/plain body (signed as sent) with `alipay-encrypt-type: AES`, and a success answer is
 * ciphertext, decrypted after its signature is verified. Uploads: v3-upload.ts.
 */
import type { KeyObject } from 'node:crypto';
import { aesEncrypt } from './aes.js';
import { decryptAnswer } from './aes-call.js';
import { alipayKeyFor, type CertMode } from './cert-mode.js';
import { AlipaySignatureError } from './errors.js';

/** The request header of certificate mode. */
export function v3CertHeaders(alipayRootCertSn: string): Record<string, string> {
  return { 'alipay-root-cert-sn': alipayRootCertSn };
}

/**
 * The key that verifies a cert-mode answer: the Alipay certificate its `alipay-sn` header names
 * (the first configured one when it names none, as over v2). An SN the client holds no certificate
 * for is an AlipaySignatureError naming it and the client's SNs (serials are not secrets).
 */
export function v3AlipayKey(mode: CertMode, answerSn: string | null, method: string, traceId: string | undefined): KeyObject {
  const sn = answerSn === null || answerSn === '' ? undefined : answerSn;
  if (sn !== undefined && !mode.alipayKeys.has(sn)) {
    const known = [...mode.alipayKeys.keys()].join(', ');
    throw new AlipaySignatureError(
      `${method}: the v3 answer is signed with the Alipay certificate alipay-sn=${sn}, which matches none of the client's Alipay certificates (${known}): add that certificate to certs.alipayCert`,
      method,
      { traceId },
    );
  }
  return alipayKeyFor(mode, sn, method, traceId);
}

/** The headers of an AES-encrypted v3 body (the official Node SDK sends both AES headers). */
export const V3_AES_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'text/plain', 'alipay-encrypt-type': 'AES', 'alipay-encryption-algm': 'AES' };

/** An AES-encrypted v3 body and the headers that say so. */
export function encryptV3Body(json: string, aesKey: string): { body: string; headers: Record<string, string> } {
  return { body: aesEncrypt(json, aesKey), headers: { ...V3_AES_HEADERS } };
}

/**
 * The parsed JSON of an encrypted v3 success answer (after its signature, computed over the
 * ciphertext, verified); AlipayMalformedResponseError when it cannot be decrypted or is not JSON.
 */
export function decryptV3Answer(ciphertext: string, aesKey: string, method: string, traceId: string | undefined): unknown {
  return decryptAnswer(ciphertext.trim(), aesKey, method, 'v3 answer', traceId);
}
