/// <reference path="./platform.d.ts" />
/** Throws AlipayConfigError unless `key` is base64 of an AES-128/192/256 key; returns it. */
export declare function checkAesKey(key: unknown): string;
/** The params an encrypted call adds: `encrypt_type` and the ciphertext in place of biz_content. */
export declare function encryptedBizContent(biz: string, key: string): {
    encrypt_type: 'AES';
    biz_content: string;
};
/** The decrypted, parsed node of an encrypted answer; AlipayMalformedResponseError when it cannot be. */
export declare function decryptAnswer(ciphertext: string, key: string, method: string, nodeKey: string, traceId: string | undefined): unknown;
