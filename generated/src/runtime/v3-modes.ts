/**
 * The v3 parts of certificate mode and AES content encryption, as functions the client wires in
 * (see README: not yet wired): cert mode adds `app_cert_sn` to the authString (v3-sign.ts) and the
 * `alipay-root-cert-sn` request header, and checks an answer's `alipay-sn` against the Alipay
 * certificate's SN; AES sends the ciphertext as a text/plain body (signed as sent) with
 * `alipay-encrypt-type: AES` and answers with ciphertext, decrypted after verification.
 */
import { aesDecrypt, aesEncrypt } from './aes.js';
import { AlipaySignatureError } from './errors.js';

/** The request header of certificate mode. */
export function v3CertHeaders(alipayRootCertSn: string): Record<string, string> {
  return { 'alipay-root-cert-sn': alipayRootCertSn };
}

/**
 * Throws AlipaySignatureError when the answer names an Alipay certificate (`alipay-sn`) other than
 * the configured one (the answer was signed with a key the client does not hold).
 */
export function checkV3AlipaySn(answerSn: string | null, alipayCertSn: string, method: string, traceId?: string): void {
  if (answerSn !== null && answerSn !== '' && answerSn !== alipayCertSn) {
    throw new AlipaySignatureError(`${method}: the answer is signed with another Alipay certificate (alipay-sn differs from the configured one)`, method, { traceId });
  }
}

/** An AES-encrypted v3 body and the headers that say so (the official Node SDK sends both AES headers). */
export function encryptV3Body(json: string, aesKey: string): { body: string; headers: Record<string, string> } {
  return {
    body: aesEncrypt(json, aesKey),
    headers: { 'content-type': 'text/plain', 'alipay-encrypt-type': 'AES', 'alipay-encryption-algm': 'AES' },
  };
}

/** The JSON text of an encrypted v3 answer (after its signature, computed over the ciphertext, verified). */
export function decryptV3Answer(ciphertext: string, aesKey: string): string {
  return aesDecrypt(ciphertext.trim(), aesKey);
}
