/**
 * The v3 parts of certificate mode and AES (functions for the client to wire): the headers, the
 * `alipay-sn` check, and AES bodies equal to what alipay-sdk's curl() sends with needEncrypt.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AlipaySignatureError, checkV3AlipaySn, decryptV3Answer, encryptV3Body, v3CertHeaders } from '../../templates/runtime/index.js';
import { vectors } from './helpers.js';

type Aes = (text: string, key: string) => string;
const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
const sdkUtil = (await import(pathToFileURL(join(sdkDir, 'dist/esm/util.js')).href)) as { aesEncryptText: Aes; aesDecryptText: Aes };

describe('v3 AES bodies', () => {
  const { key, plaintext, ciphertext } = vectors.aes[0]!;

  it('encrypts as the known vector and as alipay-sdk does, with the headers it sends', () => {
    const encrypted = encryptV3Body(plaintext, key);
    expect(encrypted.body).toBe(ciphertext);
    expect(encrypted.body).toBe(sdkUtil.aesEncryptText(plaintext, key));
    expect(encrypted.headers).toEqual({ 'content-type': 'text/plain', 'alipay-encrypt-type': 'AES', 'alipay-encryption-algm': 'AES' });
  });

  it('decrypts an answer the SDK encrypted, and fails on a wrong key', () => {
    const text = '{"trade_no":"2013112011001004330000121536","中文":"值"}';
    expect(decryptV3Answer(`${sdkUtil.aesEncryptText(text, key)}\n`, key)).toBe(text);
    expect(() => decryptV3Answer(ciphertext, 'AAAAAAAAAAAAAAAAAAAAAA==')).toThrow('AES decryption failed');
  });
});

describe('v3 certificate mode', () => {
  it('sends alipay-root-cert-sn', () => {
    expect(v3CertHeaders(vectors.cert_sn.rootCert.sn)).toEqual({ 'alipay-root-cert-sn': vectors.cert_sn.rootCert.sn });
  });

  it('accepts an answer naming the configured Alipay certificate (or none), refuses another', () => {
    const sn = vectors.cert_sn.alipayCert.sn;
    expect(() => checkV3AlipaySn(sn, sn, 'alipay.trade.query')).not.toThrow();
    expect(() => checkV3AlipaySn(null, sn, 'alipay.trade.query')).not.toThrow();
    expect(() => checkV3AlipaySn(`${sn}0`, sn, 'alipay.trade.query', 'trace1')).toThrow(AlipaySignatureError);
  });
});
