/// <reference path="./platform.d.ts" />
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
import type { KeyObject } from './platform.js';
import type { ResponseNode } from './response.js';
import { type SignType } from './sign.js';
/**
 * Returns true when `node` carries a sign that verifies, false when it is an acceptable unsigned
 * failure (`failure`: the node's code is neither 10000 nor 10003; default: it is an error_response),
 * and throws AlipaySignatureError otherwise.
 */
export declare function checkResponseSignature(node: ResponseNode, publicKey: KeyObject, signType: SignType, method: string, failure?: boolean, traceId?: string): boolean;
