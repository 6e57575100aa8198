/** Vectors for AES content encryption, certificate SNs and notification verification. */
import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import {
  aesDecrypt,
  aesEncrypt,
  AlipayError,
  certSn,
  isRsaSigned,
  loadPublicKey,
  notifySignContent,
  rootCertSn,
  verifyNotify,
} from '../../templates/runtime/index.js';
import { readVectorFile, vectors } from './helpers.js';

describe('aes vectors', () => {
  for (const v of vectors.aes) {
    it(`round-trips ${JSON.stringify(v.plaintext.slice(0, 16))}`, () => {
      expect(aesEncrypt(v.plaintext, v.key)).toBe(v.ciphertext);
      expect(aesDecrypt(v.ciphertext, v.key)).toBe(v.plaintext);
    });
  }
  it('fails cleanly on a wrong key or a bad key length', () => {
    const [a, b] = vectors.aes;
    expect(() => aesDecrypt(a!.ciphertext, b!.key)).toThrow(AlipayError);
    expect(() => aesEncrypt('x', 'c2hvcnQ=')).toThrow(/16, 24 or 32 bytes/);
  });
});

describe('cert_sn vectors', () => {
  const { appCert, alipayCert, rootCert } = vectors.cert_sn;
  it('app and Alipay public key certificates', () => {
    expect(certSn(readVectorFile(appCert.file))).toBe(appCert.sn);
    expect(certSn(Buffer.from(readVectorFile(alipayCert.file)))).toBe(alipayCert.sn);
  });
  it('root bundle: only RSA-signed certificates, in file order', () => {
    const bundle = readVectorFile(rootCert.file);
    expect(rootCertSn(bundle)).toBe(rootCert.sn);
    const certs = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)!.map((p) => new X509Certificate(p));
    expect(certs.map(isRsaSigned)).toEqual([false, true, false, true]);
  });
  it('the Alipay certificate yields a usable public key', () => {
    expect(loadPublicKey(readVectorFile(alipayCert.file)).asymmetricKeyType).toBe('rsa');
  });
});

describe('notify_verification vectors', () => {
  for (const [i, v] of vectors.notify_verification.entries()) {
    const version = i === 0 ? 'v1' : 'v2';
    it(v.name, () => {
      const key = loadPublicKey(readVectorFile(v.alipayPublicKey));
      expect(notifySignContent(v.params, version)).toBe(v.stringToVerify);
      expect(verifyNotify(v.params, key, version)).toBe(v.valid);
      expect(verifyNotify(v.params, readVectorFile(v.alipayPublicKey))).toBe(v.valid);
      // The other version's string is not what was signed.
      expect(verifyNotify(v.params, key, version === 'v1' ? 'v2' : 'v1')).toBe(false);
      // Form-decoded params (every value a string) verify the same.
      const form = new URLSearchParams(
        Object.entries(v.params).map(([k, val]) => [k, typeof val === 'string' ? val : JSON.stringify(val)] as [string, string]),
      );
      expect(verifyNotify(form, key, version)).toBe(v.valid);
    });
    it(`${v.name}: tampered or unsigned is rejected`, () => {
      const key = loadPublicKey(readVectorFile(v.alipayPublicKey));
      const tampered = { ...v.params, notify_time: '2019-08-15 15:56:26' };
      expect(verifyNotify(tampered, key)).toBe(false);
      const { sign: _sign, ...unsigned } = v.params;
      expect(verifyNotify(unsigned, key)).toBe(false);
    });
  }
});
