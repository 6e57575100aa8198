import { AlipaySignatureError } from './errors.js';
import { verifyContent } from './sign.js';
/**
 * Returns true when `node` carries a sign that verifies, false when it is an acceptable unsigned
 * failure (`failure`: the node's code is neither 10000 nor 10003; default: it is an error_response),
 * and throws AlipaySignatureError otherwise.
 */
export function checkResponseSignature(node, publicKey, signType, method, failure = node.isErrorResponse, traceId) {
    if (node.sign === undefined || node.sign === '') {
        if (failure)
            return false;
        throw new AlipaySignatureError(`${method}: the gateway response has no sign`, method, { traceId });
    }
    // As the Java SDK: when the text as received does not verify, try once with `\/` read as `/`
    // (some gateway paths sign the unescaped text and escape slashes afterwards).
    // (Not for GBK answers, verified over their received bytes only.)
    const verified = node.bytes !== undefined
        ? verifyContent(node.bytes, node.sign, publicKey, signType)
        : verifyContent(node.raw, node.sign, publicKey, signType) ||
            (node.raw.includes('\\/') && verifyContent(node.raw.replaceAll('\\/', '/'), node.sign, publicKey, signType));
    if (!verified) {
        throw new AlipaySignatureError(`${method}: the response signature does not verify with the Alipay public key`, method, { traceId });
    }
    return true;
}
