/**
 * The gateway's v3 side of certificate mode, AES and uploads, as v3-server.ts applies them: a
 * cert-mode gateway requires the app certificate's SN in the (signed) authString and the root
 * bundle's SN in `alipay-root-cert-sn`, and names its certificate in `alipay-sn`; an AES gateway
 * decrypts a body sent with `alipay-encrypt-type: AES` (its signature, checked before, covers the
 * ciphertext) and encrypts its success answer; an upload's `data` part is the signed JSON and its
 * file parts are the files (multipart.ts reads them, under the same size limit as over v2).
 */
import { aesDecrypt, aesEncrypt } from '../../templates/runtime/index.js';
import type { GatewayCertSns } from './cert-mode.js';
import type { Node } from './codes.js';
import type { V3Refusal } from './v3-auth.js';

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** The refusal of a cert-mode request whose serials are missing or not the gateway's; undefined when they match. */
export function checkV3CertSns(appCertSn: string | undefined, rootCertSn: string | undefined, sns: GatewayCertSns): V3Refusal | undefined {
  if (isBlank(appCertSn)) return { status: 401, code: 'missing-app-cert-sn', message: '缺少应用公钥证书序列号: the Authorization has no app_cert_sn' };
  if (appCertSn !== sns.appCertSn) return { status: 401, code: 'invalid-app-cert-sn', message: '应用公钥证书序列号无效: app_cert_sn is not the app certificate this gateway issued' };
  if (isBlank(rootCertSn)) return { status: 401, code: 'missing-alipay-root-cert-sn', message: '缺少支付宝根证书序列号: no alipay-root-cert-sn header' };
  if (rootCertSn !== sns.rootCertSn) return { status: 401, code: 'invalid-alipay-root-cert-sn', message: '支付宝根证书序列号无效: alipay-root-cert-sn is not this gateway\'s root bundle' };
  return undefined;
}

/** The headers a cert-mode gateway adds to a signed answer. */
export function v3CertAnswerHeaders(sns: GatewayCertSns | undefined): Record<string, string> {
  return sns === undefined ? {} : { 'alipay-sn': sns.alipayCertSn };
}

const DECRYPTION_ERROR: V3Refusal = { status: 400, code: 'decryption-error', message: '解密出错: the body cannot be decrypted with the app\'s AES key' };

/**
 * The JSON of a request body: as sent, or decrypted when `alipay-encrypt-type` says AES. A
 * refusal when the type is not AES, the gateway has no key, or the ciphertext does not decrypt.
 */
export function v3RequestJson(body: string, encryptType: string | undefined, aesKey: string | undefined): { readonly json: string; readonly encrypted: boolean } | { readonly refused: V3Refusal } {
  if (isBlank(encryptType)) return { json: body, encrypted: false };
  if (encryptType !== 'AES' || aesKey === undefined) return { refused: DECRYPTION_ERROR };
  try {
    return { json: aesDecrypt(body.trim(), aesKey), encrypted: true };
  } catch {
    return { refused: DECRYPTION_ERROR };
  }
}

/** The body of an encrypted success answer: the ciphertext of its JSON. */
export function encryptV3Answer(json: string, aesKey: string): string {
  return aesEncrypt(json, aesKey);
}

/** A v2 gateway error node (checkFiles) as a v3 refusal: its sub_code without `isv.`, its sub_msg. */
export function refusalOfNode(node: Node): V3Refusal {
  const sub = typeof node['sub_code'] === 'string' ? node['sub_code'] : 'invalid-parameter';
  return { status: 400, code: sub.replace(/^isv\./, ''), message: typeof node['sub_msg'] === 'string' ? node['sub_msg'] : sub };
}

/** The request object with the files received under their field names (for the method's validator). */
export function withFiles(request: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>): Record<string, unknown> {
  for (const [name, bytes] of files) Object.defineProperty(request, name, { value: bytes, enumerable: true, writable: true, configurable: true });
  return request;
}
