/**
 * `alipay-codegen serve` as users run it (the built CLI, as `npm test` builds it first): starts on a
 * free port, prints the URL, which keys to use and the v3 routes it serves, answers a signed call,
 * logs it, stops on SIGTERM, and never prints a private key.
 */
import { spawn } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractResponseNode, loadPrivateKey, verifyContent } from '../../templates/runtime/index.js';
import { CARD_QUERY, ROOT, commonParams, exampleRequest, rawCall, seedSpecs } from './helpers.js';

describe('alipay-codegen serve', () => {
  it('prints where it listens and the keys to use, serves, logs, and stops on SIGTERM', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'serve-cli-keys-'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'serve', '--specs', join(ROOT, 'specs'), '--keys-dir', keysDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!/ v3 routes.*\n/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/gateway\.do)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const printedPublicKey = /Alipay public key \(alipayPublicKey, verifies the answers\): (\S+)/.exec(out)![1]!;
      const appKeyFile = /app private key \(privateKey, signs the requests\): (\S+)/.exec(out)![1]!;
      expect(appKeyFile).toBe(join(keysDir, 'app-private-key.pem'));

      const appKeyPem = await readFile(appKeyFile, 'utf8');
      const specs = await seedSpecs();
      // Next to the payment endpoints: every v3 route of the specs, with the base URL a v3 client takes.
      expect(out).toMatch(/\n {2}payments: .*\n {2}v3 routes /);
      const v3Line = /\n {2}v3 routes \(base URL (\S+)\): (.*)\n/.exec(out);
      const routes = specs.flatMap((s) => (s.v3 === undefined ? [] : [`${s.v3.method} ${s.v3.path}`])).sort();
      expect(routes.length).toBeGreaterThan(0);
      expect(v3Line?.[1]).toBe(new URL(url!).origin);
      expect(v3Line?.[2]!.split(', ').sort()).toEqual(routes);
      const answer = await rawCall(url!, loadPrivateKey(appKeyPem), commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY)));
      const found = extractResponseNode(answer.body, CARD_QUERY);
      const publicKey = createPublicKey({ key: Buffer.from(printedPublicKey, 'base64'), format: 'der', type: 'spki' });
      expect(verifyContent(found.raw, found.sign!, publicKey, 'RSA2')).toBe(true);
      expect(await readFile(join(keysDir, 'alipay-public-key.pem'), 'utf8')).toContain(printedPublicKey.slice(0, 64));

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // A --keys-dir given by the user outlives the server.
      expect(await readFile(appKeyFile, 'utf8')).toBe(appKeyPem);
      expect(out).toMatch(/ POST alipay\.marketing\.card\.query 10000 [\d.]+ms\n/);
      const privateBody = appKeyPem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
      for (const line of privateBody) expect(out).not.toContain(line);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(keysDir, { recursive: true, force: true });
    }
  });

  it('--help lists the options and the scenarios', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'serve', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    for (const text of ['--specs', '--port', '--host', '--app-public-key', '--gateway-private-key', '--scenario', '--app-id', '--keys-dir', 'business-error[:<CODE>]', 'x-alipay-mock-scenario']) {
      expect(out).toContain(text);
    }
  });
});
