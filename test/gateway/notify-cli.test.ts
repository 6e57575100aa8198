/**
 * `alipay-codegen notify` as users run it (the built CLI): signed with a key file against the
 * specs, or through a running gateway; exit 0 only when the handler answered exactly `success`.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyNotify } from '../../templates/runtime/index.js';
import { ROOT } from './helpers.js';
import { PAGE_PAY, startPaymentWorld, type PaymentWorld } from './payment-fixtures.js';

const FIXTURE_SPECS = join(import.meta.dirname, 'fixtures/payment-specs');
let world: PaymentWorld;
let dir: string;

beforeAll(async () => {
  world = await startPaymentWorld();
  dir = await mkdtemp(join(tmpdir(), 'notify-cli-'));
});
afterAll(async () => {
  await world?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on: one just freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'notify', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('alipay-codegen notify', () => {
  it('signs with --alipay-private-key, sends the fields given, exits 0 on "success"', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'alipay-private-key.pem');
    await writeFile(keyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const before = world.merchant.notifications.length;
    const run = await cli([PAGE_PAY, '--url', `${world.merchant.origin}/notify?token=abc`, '--specs', FIXTURE_SPECS, '--alipay-private-key', keyFile, '--field', 'out_trade_no=CLI-1', '--field', 'total_amount=3.20']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`notification of ${PAGE_PAY} sent to ${world.merchant.origin}/notify: answered success\n`);
    expect(world.merchant.notifications.length).toBe(before + 1);
    const received = new URLSearchParams(world.merchant.notifications.at(-1)!);
    expect([received.get('out_trade_no'), received.get('total_amount'), received.get('notify_type')]).toEqual(['CLI-1', '3.20', 'trade_status_sync']);
    expect(verifyNotify(received, pair.publicKey, 'v1')).toBe(true);
  });

  it('through --gateway: signed with the gateway key; a handler answering "fail" is reported and exits 1', async () => {
    world.merchant.answer = 'fail';
    let run;
    try {
      run = await cli([PAGE_PAY, '--url', `${world.merchant.origin}/notify`, '--gateway', world.gateway.url, '--attempts', '2']);
    } finally {
      world.merchant.answer = 'success';
    }
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`alipay-codegen: notification of ${PAGE_PAY} sent to ${world.merchant.origin}/notify: answered "fail" (HTTP 200), not exactly "success" after 2 attempts\n`);
    expect(verifyNotify(new URLSearchParams(world.merchant.notifications.at(-1)!), world.alipayPublicKey)).toBe(true);
  });

  it.each([
    [[PAGE_PAY, '--url', 'http://127.0.0.1:9/notify', '--specs', FIXTURE_SPECS], 'give --gateway <url> (a running serve signs it) or --alipay-private-key <file> to sign with'],
    [[PAGE_PAY, '--url', 'http://127.0.0.1:9/notify', '--alipay-private-key', '/nonexistent/key.pem'], 'cannot read the Alipay private key file /nonexistent/key.pem'],
    [[PAGE_PAY, '--url', 'http://127.0.0.1:9/notify', '--field', 'novalue'], 'expected name=value'],
  ])('%j fails with a message and no stack', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a gateway that is not running is named with the reason', async () => {
    const port = await closedPort();
    const run = await cli([PAGE_PAY, '--url', `${world.merchant.origin}/notify`, '--gateway', `http://127.0.0.1:${port}/gateway.do`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`alipay-codegen: cannot reach the gateway at http://127.0.0.1:${port}: ECONNREFUSED\n`);
  });

  it('an unknown method through a gateway is refused by it', async () => {
    const run = await cli(['alipay.no.such', '--url', `${world.merchant.origin}/notify`, '--gateway', world.gateway.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('alipay-codegen: the gateway refused the notification: "method" must name a served method\n');
  });
});
