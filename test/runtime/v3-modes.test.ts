/**
 * The v3 parts of certificate mode, AES and uploads: the headers, the key an answer's `alipay-sn`
 * picks, AES bodies equal to what alipay-sdk's curl() sends with needEncrypt, and the `data` part.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AlipayMalformedResponseError, AlipaySignatureError, decryptV3Answer, encryptV3Body, v3CertHeaders } from '../../templates/runtime/index.js';
import { v3AlipayKey } from '../../templates/runtime/v3-modes.js';
import { v3UploadBody } from '../../templates/runtime/v3-upload.js';
import { rsaKeyPair } from './test-gateway.js';
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
    expect(decryptV3Answer(`${sdkUtil.aesEncryptText(text, key)}\n`, key, 'alipay.trade.query', undefined)).toEqual(JSON.parse(text));
    expect(() => decryptV3Answer(ciphertext, 'AAAAAAAAAAAAAAAAAAAAAA==', 'alipay.trade.query', 't1')).toThrow(AlipayMalformedResponseError);
    expect(() => decryptV3Answer(ciphertext, 'AAAAAAAAAAAAAAAAAAAAAA==', 'alipay.trade.query', 't1')).toThrow('cannot be decrypted with the client aesKey');
    expect(() => decryptV3Answer(sdkUtil.aesEncryptText('not json', key), key, 'alipay.trade.query', 't1')).toThrow('does not decrypt to JSON');
  });
});

describe('v3 certificate mode', () => {
  it('sends alipay-root-cert-sn', () => {
    expect(v3CertHeaders(vectors.cert_sn.rootCert.sn)).toEqual({ 'alipay-root-cert-sn': vectors.cert_sn.rootCert.sn });
  });

  it('picks the key of the certificate alipay-sn names (the first when none), refuses an unknown SN naming it', () => {
    const [current, next] = [rsaKeyPair().publicKey, rsaKeyPair().publicKey];
    const mode = { appCertSn: 'a', rootCertSn: 'r', alipayKeys: new Map([['sn-current', current], ['sn-next', next]]) };
    expect(v3AlipayKey(mode, 'sn-next', 'alipay.trade.query', undefined)).toBe(next);
    expect(v3AlipayKey(mode, 'sn-current', 'alipay.trade.query', undefined)).toBe(current);
    expect(v3AlipayKey(mode, null, 'alipay.trade.query', undefined)).toBe(current);
    expect(v3AlipayKey(mode, '', 'alipay.trade.query', undefined)).toBe(current);
    const refuse = (): unknown => v3AlipayKey(mode, 'sn-other', 'alipay.trade.query', 'trace1');
    expect(refuse).toThrow(AlipaySignatureError);
    expect(refuse).toThrow('alipay-sn=sn-other, which matches none of the client\'s Alipay certificates (sn-current, sn-next)');
  });
});

describe('v3 upload bodies', () => {
  it('put the JSON in a data part typed application/json, then the files, as formstream writes them', async () => {
    const body = v3UploadBody('{"image_type":"png"}', [['image_content', { data: new Uint8Array([1, 2, 3]), filename: 'a.png', contentType: 'image/png' }]]);
    const b = body.boundary;
    const text = Buffer.from(await new Response(body.body).arrayBuffer()).toString('latin1');
    expect(body.contentType).toBe(`multipart/form-data; boundary=${b}`);
    expect(text).toBe(
      `--${b}\r\nContent-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n{"image_type":"png"}\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="image_content"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x01\x02\x03\r\n--${b}--\r\n`,
    );
  });
});
