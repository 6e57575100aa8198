/// <reference path="./platform.d.ts" />
/** Encrypts UTF-8 `plaintext`; returns base64. */
export declare function aesEncrypt(plaintext: string, keyB64: string): string;
/** Decrypts base64 `ciphertext` to UTF-8 text; throws AlipayError on a wrong key or corrupt data. */
export declare function aesDecrypt(ciphertext: string, keyB64: string): string;
