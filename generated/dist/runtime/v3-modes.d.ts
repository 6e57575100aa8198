/// <reference path="./platform.d.ts" />
/** The request header of certificate mode. */
export declare function v3CertHeaders(alipayRootCertSn: string): Record<string, string>;
/**
 * Throws AlipaySignatureError when the answer names an Alipay certificate (`alipay-sn`) other than
 * the configured one (the answer was signed with a key the client does not hold).
 */
export declare function checkV3AlipaySn(answerSn: string | null, alipayCertSn: string, method: string, traceId?: string): void;
/** An AES-encrypted v3 body and the headers that say so (the official Node SDK sends both AES headers). */
export declare function encryptV3Body(json: string, aesKey: string): {
    body: string;
    headers: Record<string, string>;
};
/** The JSON text of an encrypted v3 answer (after its signature, computed over the ciphertext, verified). */
export declare function decryptV3Answer(ciphertext: string, aesKey: string): string;
