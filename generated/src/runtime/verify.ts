/**
 * Response signature policy. The gateway signs the raw text of the response node with the Alipay
 * private key; the client verifies it with the Alipay public key.
 *
 * An `error_response` WITHOUT `sign` is accepted (the real gateway answers e.g. an unknown app_id
 * that way, before it knows which key to sign with): it carries no business data and the caller
 * always turns it into an AlipayApiError, never a success. Everything else must be signed: a
 * missing or wrong sign is an AlipaySignatureError, and so is a wrong sign on an error_response.
 */
import type { KeyObject } from 'node:crypto';
import { AlipaySignatureError } from './errors.js';
import type { ResponseNode } from './response.js';
import { verifyContent, type SignType } from './sign.js';

/** Throws AlipaySignatureError unless `node` is acceptable under the policy above. */
export function checkResponseSignature(node: ResponseNode, publicKey: KeyObject, signType: SignType, method: string): void {
  if (node.sign === undefined || node.sign === '') {
    if (node.isErrorResponse) return;
    throw new AlipaySignatureError(`${method}: the gateway response has no sign`, method);
  }
  if (!verifyContent(node.raw, node.sign, publicKey, signType)) {
    throw new AlipaySignatureError(`${method}: the response signature does not verify with the Alipay public key`, method);
  }
}
