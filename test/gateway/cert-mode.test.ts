/**
 * The cert-mode gateway's certificate chain (issued with node:crypto and a small DER writer) as
 * node:crypto and alipay-sdk read it, `serve --cert-mode` as users run it, and the AES gateway's
 * validation of decrypted biz_content.
 */
import { spawn } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertChain } from '../../generator/gateway/cert-chain.js';
import { aesDecrypt, aesEncrypt, certSn, extractResponseNode, loadPrivateKey, rootCertSn, verifyContent } from '../../templates/runtime/index.js';
import { CARD_QUERY, ROOT, commonParams, exampleRequest, rawCall, seedSpecs, startTestGateway, type TestGateway } from './helpers.js';

const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
const { getSN } = (await import(pathToFileURL(join(sdkDir, 'dist/esm/antcertutil.js')).href)) as { getSN: (pem: string, isRoot?: boolean) => string };

describe('the test certificate chain', () => {
  it('is a root CA issuing the Alipay and app certificates, read alike by node:crypto and alipay-sdk', async () => {
    const chain = await createCertChain();
    const root = new X509Certificate(chain.root.pem);
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    for (const issued of [chain.alipay, chain.app]) {
      const cert = new X509Certificate(issued.pem);
      expect(cert.ca).toBe(false);
      expect(cert.checkIssued(root)).toBe(true);
      expect(cert.verify(root.publicKey)).toBe(true);
      expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(issued.publicKey.export({ type: 'spki', format: 'der' }));
      expect(issued.sn).toBe(getSN(issued.pem));
      expect(issued.sn).toBe(certSn(issued.pem));
      const now = Date.now();
      expect(Date.parse(cert.validFrom)).toBeLessThan(now);
      expect(Date.parse(cert.validTo)).toBeGreaterThan(now);
    }
    expect(chain.rootSn).toBe(getSN(chain.root.pem, true));
    expect(chain.rootSn).toBe(rootCertSn(chain.root.pem));
    // A new chain each time: new serials.
    expect((await createCertChain()).alipay.sn).not.toBe(chain.alipay.sn);
  });
});

describe('alipay-codegen serve --cert-mode', () => {
  it('prints the three certificate files and their serials, and requires them', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'serve-cert-keys-'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'serve', '--specs', join(ROOT, 'specs'), '--keys-dir', keysDir, '--cert-mode'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!/scenarios/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/gateway\.do)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const appCert = /certs\.appCert (\S+) \(app_cert_sn (\w+)\)/.exec(out)!;
      const alipayCert = /certs\.alipayCert (\S+) \(alipay_cert_sn (\w+)\)/.exec(out)!;
      const rootCert = /certs\.alipayRootCert (\S+) \(alipay_root_cert_sn (\w+)\)/.exec(out)!;
      expect([appCert[1], alipayCert[1], rootCert[1]]).toEqual([join(keysDir, 'app-cert.crt'), join(keysDir, 'alipay-cert.crt'), join(keysDir, 'alipay-root-cert.crt')]);
      expect(certSn(await readFile(appCert[1]!, 'utf8'))).toBe(appCert[2]);
      expect(rootCertSn(await readFile(rootCert[1]!, 'utf8'))).toBe(rootCert[2]);
      const alipayPem = await readFile(alipayCert[1]!, 'utf8');
      expect(certSn(alipayPem)).toBe(alipayCert[2]);

      const appKey = loadPrivateKey(await readFile(join(keysDir, 'app-private-key.pem'), 'utf8'));
      const specs = await seedSpecs();
      const params = commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY));
      const refused = extractResponseNode((await rawCall(url!, appKey, params)).body, CARD_QUERY);
      expect(JSON.parse(refused.raw).sub_code).toBe('isv.missing-app-cert-sn');
      const answer = await rawCall(url!, appKey, { ...params, app_cert_sn: appCert[2], alipay_root_cert_sn: rootCert[2] });
      const found = extractResponseNode(answer.body, CARD_QUERY);
      expect(JSON.parse(found.raw).code).toBe('10000');
      expect(found.certSn).toBe(alipayCert[2]);
      expect(verifyContent(found.raw, found.sign!, new X509Certificate(alipayPem).publicKey, 'RSA2')).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(keysDir, { recursive: true, force: true });
    }
  });
});

describe('an AES gateway', () => {
  const AES_KEY = Buffer.alloc(16, 9).toString('base64');
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specs: await seedSpecs(), aesKey: AES_KEY });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('validates the decrypted biz_content and answers the refusal encrypted', async () => {
    const biz = { ...exampleRequest(await seedSpecs(), CARD_QUERY) };
    delete biz['target_card_no_type'];
    const params = commonParams(CARD_QUERY, undefined, { encrypt_type: 'AES', biz_content: aesEncrypt(JSON.stringify(biz), AES_KEY) });
    const answer = await rawCall(gateway.url, gateway.keys.appPrivateKey!, params);
    const found = extractResponseNode(answer.body, CARD_QUERY);
    expect(verifyContent(found.raw, found.sign!, createPublicKey(gateway.keys.gatewayPublicKeyPem), 'RSA2')).toBe(true);
    const node = JSON.parse(aesDecrypt(JSON.parse(found.raw) as string, AES_KEY)) as Record<string, string>;
    expect(node.sub_msg).toContain('target_card_no_type');
  });

  it('refuses an unknown encrypt_type and keeps plain requests plain', async () => {
    const params = commonParams(CARD_QUERY, exampleRequest(await seedSpecs(), CARD_QUERY));
    const odd = extractResponseNode((await rawCall(gateway.url, gateway.keys.appPrivateKey!, { ...params, encrypt_type: 'SM4' })).body, CARD_QUERY);
    expect(JSON.parse(odd.raw).sub_code).toBe('isv.decryption-error-unknown');
    const plain = extractResponseNode((await rawCall(gateway.url, gateway.keys.appPrivateKey!, params)).body, CARD_QUERY);
    expect(JSON.parse(plain.raw).code).toBe('10000');
  });
});
