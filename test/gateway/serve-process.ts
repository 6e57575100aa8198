/**
 * `alipay-codegen serve` started as users start it: the built CLI as a child process on a free
 * port, with a temp keys directory. Resolves once it printed where it listens and which key files
 * to use; the client is configured from that output and those files only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export interface ServeProcess {
  /** The gateway URL it printed (`http://127.0.0.1:<port>/gateway.do`). */
  readonly url: string;
  readonly origin: string;
  /** The key files it printed, as read from disk. */
  readonly appPrivateKeyPem: string;
  readonly alipayPublicKeyPem: string;
  /** With `--cert-mode`: the certificate files it printed, as read from disk, and the Alipay cert's SN. */
  readonly certs?: { readonly appCert: string; readonly alipayCert: string; readonly alipayRootCert: string; readonly alipayCertSn: string };
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Waits until its output matches `pattern` (its log is written as requests finish). */
  waitFor(pattern: RegExp): Promise<string>;
  /** SIGTERM; resolves with its exit code. */
  stop(): Promise<number | null>;
}

const START_DEADLINE_MS = 60_000;

async function until(child: ChildProcess, output: () => string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (!pattern.test(output())) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}) before printing ${pattern}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`serve did not print ${pattern}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return output();
}

export async function startServe(args: readonly string[] = []): Promise<ServeProcess> {
  const keysDir = await mkdtemp(join(tmpdir(), 'serve-flow-keys-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'serve', '--specs', join(ROOT, 'specs'), '--keys-dir', keysDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = (): string => out;
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const code = await exited;
    await rm(keysDir, { recursive: true, force: true });
    return code;
  };
  try {
    await until(child, output, / v3 routes.*\n/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/gateway\.do)/.exec(out)?.[1];
    const appKeyFile = /app private key \(privateKey, signs the requests\): (\S+)/.exec(out)?.[1];
    const alipayKeyFile = /Alipay public key [^\n]*\n\s+file: (\S+)/.exec(out)?.[1];
    if (url === undefined || appKeyFile === undefined || alipayKeyFile === undefined) throw new Error(`unexpected serve output:\n${out}`);
    const [appPrivateKeyPem, alipayPublicKeyPem] = await Promise.all([readFile(appKeyFile, 'utf8'), readFile(alipayKeyFile, 'utf8')]);
    const certFile = (name: string) => new RegExp(`certs\\.${name} (\\S+) \\((?:app|alipay|alipay_root)_cert_sn (\\w+)\\)`).exec(out);
    const [app, alipay, root] = [certFile('appCert'), certFile('alipayCert'), certFile('alipayRootCert')];
    const certs =
      app === null || alipay === null || root === null
        ? undefined
        : { appCert: await readFile(app[1]!, 'utf8'), alipayCert: await readFile(alipay[1]!, 'utf8'), alipayRootCert: await readFile(root[1]!, 'utf8'), alipayCertSn: alipay[2]! };
    return { url, origin: new URL(url).origin, appPrivateKeyPem, alipayPublicKeyPem, ...(certs === undefined ? {} : { certs }), output, waitFor: (p) => until(child, output, p), stop };
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(keysDir, { recursive: true, force: true });
    throw error;
  }
}
