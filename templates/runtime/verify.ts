/**
 * Response signature policy. The gateway signs the raw text of the response node with the Alipay
 * private key; the client verifies it with the Alipay public key.
 *
 * A FAILURE without `sign` is accepted as unsigned: real gateways answer some failures that way
 * (an unknown app_id in `error_response`, or `{"alipay_trade_query_response":{"code":"40002",...}}`
 * inside the method's own node), and the caller reports it as an AlipayApiError marked
 * `signed: false`, never as a success. Success (10000) and pending (10003) answers must be signed:
 * a missing sign there is an AlipaySignatureError. A `sign` that does not verify is always an
 * AlipaySignatureError, whatever the code.
 */
import type { KeyObject } from 'node:crypto';
import { AlipaySignatureError } from './errors.js';
import type { ResponseNode } from './response.js';
import { verifyContent, type SignType } from './sign.js';

/**
 * Returns true when `node` carries a sign that verifies, false when it is an acceptable unsigned
 * failure (`failure`: the node's code is neither 10000 nor 10003; default: it is an error_response),
 * and throws AlipaySignatureError otherwise.
 */
export function checkResponseSignature(
  node: ResponseNode,
  publicKey: KeyObject,
  signType: SignType,
  method: string,
  failure: boolean = node.isErrorResponse,
  traceId?: string,
): boolean {
  if (node.sign === undefined || node.sign === '') {
    if (failure) return false;
    throw new AlipaySignatureError(`${method}: the gateway response has no sign`, method, { traceId });
  }
  // As the Java SDK: when the text as received does not verify, try once with `\/` read as `/`
  // (some gateway paths sign the unescaped text and escape slashes afterwards).
  // (Not for GBK answers, verified over their received bytes only.)
  const verified =
    node.bytes !== undefined
      ? verifyContent(node.bytes, node.sign, publicKey, signType)
      : verifyContent(node.raw, node.sign, publicKey, signType) ||
        (node.raw.includes('\\/') && verifyContent(node.raw.replaceAll('\\/', '/'), node.sign, publicKey, signType));
  if (!verified) {
    throw new AlipaySignatureError(`${method}: the response signature does not verify with the Alipay public key`, method, { traceId });
  }
  return true;
}
