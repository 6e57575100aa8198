/** Known-answer vectors from ../shared/vectors/vectors.json, byte for byte. */
import { describe, expect, it } from 'vitest';
import { createPublicKey } from 'node:crypto';
import {
  buildSignContent,
  checkResponseSignature,
  extractResponseNode,
  loadPrivateKey,
  loadPublicKey,
  signContent,
  verifyContent,
  AlipaySignatureError,
} from '../../templates/runtime/index.js';
import { readVectorFile, vectorPath, vectors } from './helpers.js';

describe('request_signing vectors', () => {
  for (const v of vectors.request_signing) {
    it(v.name, () => {
      const key = loadPrivateKey(readVectorFile(v.privateKey));
      if (v.params !== undefined) expect(buildSignContent(v.params)).toBe(v.stringToSign);
      expect(signContent(v.stringToSign, key, v.signType)).toBe(v.signature);
    });
  }

  it('the node-style string to sign is what our params produce', () => {
    // The first two vectors give only the string; rebuild it from the params it names.
    for (const v of vectors.request_signing.slice(0, 2)) {
      const params = Object.fromEntries(v.stringToSign.split('&').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
      const shuffled = Object.fromEntries(Object.entries(params).reverse());
      expect(buildSignContent({ ...shuffled, sign: 'ignored', return_url: '  ' })).toBe(v.stringToSign);
    }
  });
});

describe('key_formats vectors', () => {
  const content = vectors.request_signing[0]!.stringToSign;
  const expected = vectors.request_signing[0]!.signature;
  const publicKey = loadPublicKey(readVectorFile(vectors.key_formats.publicKey));

  for (const entry of vectors.key_formats.files) {
    it(`signs identically from ${entry}`, () => {
      const text = readVectorFile(vectorPath(entry));
      for (const input of [text, Buffer.from(text), loadPrivateKey(text)]) {
        const sig = signContent(content, loadPrivateKey(input), 'RSA2');
        expect(sig).toBe(expected);
        expect(verifyContent(content, sig, publicKey, 'RSA2')).toBe(true);
      }
    });
  }

  it('reads binary DER and the public key in every encoding', () => {
    const key = loadPrivateKey(readVectorFile('keys/app-private-key.pem'));
    for (const der of [key.export({ format: 'der', type: 'pkcs1' }), key.export({ format: 'der', type: 'pkcs8' })]) {
      expect(signContent(content, loadPrivateKey(der), 'RSA2')).toBe(expected);
    }
    const spki = createPublicKey(key);
    const publics = [
      readVectorFile('keys/app-public-key-no-wrapper.pem'),
      spki.export({ format: 'der', type: 'pkcs1' }),
      spki.export({ format: 'pem', type: 'pkcs1' }) as string,
      spki,
    ];
    for (const p of publics) expect(verifyContent(content, expected, loadPublicKey(p), 'RSA2')).toBe(true);
  });
});

describe('response_verification vectors', () => {
  for (const v of vectors.response_verification) {
    it(v.name, () => {
      const key = loadPublicKey(readVectorFile(v.alipayPublicKey));
      const method = v.responseNode.replace(/_response$/, '').replaceAll('_', '.');
      const node = extractResponseNode(v.body, method);
      expect(node.key).toBe(v.responseNode);
      if (v.signedContent !== undefined) expect(node.raw).toBe(v.signedContent);
      expect(verifyContent(node.raw, node.sign!, key, v.signType)).toBe(v.valid);
      const check = (): boolean => checkResponseSignature(node, key, v.signType, method);
      if (v.valid) expect(check).not.toThrow();
      else expect(check).toThrow(AlipaySignatureError);
    });
  }

  it('the no-wrapper Alipay public key verifies the real response too', () => {
    const v = vectors.response_verification.find((x) => x.valid)!;
    const node = extractResponseNode(v.body, 'alipay.open.file.upload');
    expect(verifyContent(node.raw, node.sign!, loadPublicKey(readVectorFile('keys/alipay-public-key-no-wrapper.pem')), 'RSA2')).toBe(true);
  });
});
