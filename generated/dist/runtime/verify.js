import { AlipaySignatureError } from './errors.js';
import { verifyContent } from './sign.js';
/** Throws AlipaySignatureError unless `node` is acceptable under the policy above. */
export function checkResponseSignature(node, publicKey, signType, method) {
    if (node.sign === undefined || node.sign === '') {
        if (node.isErrorResponse)
            return;
        throw new AlipaySignatureError(`${method}: the gateway response has no sign`, method);
    }
    if (!verifyContent(node.raw, node.sign, publicKey, signType)) {
        throw new AlipaySignatureError(`${method}: the response signature does not verify with the Alipay public key`, method);
    }
}
