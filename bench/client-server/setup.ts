/**
 * What the client/server runs share: keys, the gateway child process, and the three contenders
 * calling alipay.marketing.card.query (ours over global fetch, ours over the node transport, the
 * official SDK with validateSign), each resolving true on a correct answer. Each contender runs in
 * a client process of its own, so one client's modules never change another's costs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { generateKeyPairSync, type KeyExportOptions, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MethodSpec } from '../../generator/spec/model.js';
import { repoRoot } from '../catalogue/source.js';
import { writePackage } from '../workspace.js';

export const METHOD = 'alipay.marketing.card.query';
export const APP_ID = '2021000000000001';

export interface Contender {
  readonly name: string;
  readonly call: () => Promise<boolean>;
}

export interface Keys {
  readonly app: { privateKey: KeyObject; publicKey: KeyObject };
  readonly alipay: { privateKey: KeyObject; publicKey: KeyObject };
}

export function makeKeys(): Keys {
  return { app: generateKeyPairSync('rsa', { modulusLength: 2048 }), alipay: generateKeyPairSync('rsa', { modulusLength: 2048 }) };
}

export function pem(key: KeyObject, type: 'pkcs1' | 'pkcs8' | 'spki'): string {
  return key.export({ type, format: 'pem' } as KeyExportOptions<'pem'>) as string;
}

/** Starts the gateway for specs/ in a child process (keys sent over IPC); resolves with its URL. */
export async function startServer(keys: Keys): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(import.meta.dirname, 'server-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    child.send({ specsDir: join(repoRoot(), 'specs'), appPublicKeyPem: pem(keys.app.publicKey, 'spki'), gatewayPrivateKeyPem: pem(keys.alipay.privateKey, 'pkcs8') });
  });
  return { child, url };
}

/** The gateway process's CPU time (ms) and request count so far. */
export function serverUsage(child: ChildProcess): Promise<{ cpuMs: number; requests: number }> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpu?: NodeJS.CpuUsage; requests?: number }): void => {
      if (m.cpu === undefined) return;
      child.off('message', onMessage);
      resolve({ cpuMs: (m.cpu.user + m.cpu.system) / 1000, requests: m.requests ?? 0 });
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

/**
 * Ours with the default transport (keep-alive node:http), with `fetch: globalThis.fetch`, and with
 * an in-memory transport (the gateway's first answer replayed: what is left is the runtime's own
 * cost, RSA included); the official SDK.
 */
export const DEFAULT_CLIENT = 'ours (default transport: node:http keep-alive)';
export const FETCH_CLIENT = 'ours (fetch: globalThis.fetch)';
export const IN_MEMORY_CLIENT = 'ours (in-memory transport)';
/**
 * Not a client: the round trip alone. One request signed by our client at setup, then POSTed as
 * it is over a keep-alive node:http agent, the answer read to its end and nothing else done (the
 * gateway still verifies it and signs its answer). What any Node client pays besides its own work.
 */
export const BARE_ROUND_TRIP = 'bare round trip (node:http keep-alive, a request signed once, nothing parsed)';
/**
 * Not a client either: the bare round trip with, per call, the floor's work done in the same
 * process (the captured request's sign content signed, the gateway's answer node verified). The
 * least CPU per call a verifying client on node:http can spend here: RSA and round trip measured
 * together, so their interaction (caches, wake-ups) is in it, which a sum of the two leaves out.
 */
export const BARE_WITH_RSA = 'bare round trip + one sign and one verify per call (RSA and network, nothing else)';
export const CONTENDERS = [DEFAULT_CLIENT, FETCH_CLIENT, IN_MEMORY_CLIENT, BARE_ROUND_TRIP, BARE_WITH_RSA, 'alipay-sdk'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** What a client process needs to build one contender (PEM strings: users configure clients so). */
export interface ContenderSetup {
  readonly name: ContenderName;
  readonly url: string;
  /** Directory of our generated package. */
  readonly packageDir: string;
  readonly request: Record<string, unknown>;
  readonly appPrivateKeyPkcs8: string;
  readonly appPrivateKeyPkcs1: string;
  readonly alipayPublicKey: string;
}

export function contenderSetup(name: ContenderName, keys: Keys, url: string, packageDir: string, request: Record<string, unknown>): ContenderSetup {
  return {
    name,
    url,
    packageDir,
    request,
    appPrivateKeyPkcs8: pem(keys.app.privateKey, 'pkcs8'),
    appPrivateKeyPkcs1: pem(keys.app.privateKey, 'pkcs1'),
    alipayPublicKey: pem(keys.alipay.publicKey, 'spki'),
  };
}

/**
 * Builds one contender. Only what it needs is loaded: alipay-sdk brings urllib, whose undici
 * installs itself as the process-wide dispatcher and so changes what global fetch costs.
 */
export async function makeContender(setup: ContenderSetup): Promise<Contender> {
  const { name, request } = setup;
  if (name === 'alipay-sdk') {
    const { AlipaySdk } = await import('alipay-sdk');
    // As its README configures it: PEM strings, camelcase results (default), validateSign per call.
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: setup.appPrivateKeyPkcs1, alipayPublicKey: setup.alipayPublicKey, gateway: setup.url });
    return { name, call: async () => ((await sdk.exec(METHOD, { bizContent: request }, { validateSign: true })) as { code?: string }).code === '10000' };
  }
  const ours = (await import(pathToFileURL(join(setup.packageDir, 'dist/index.js')).href)) as Record<string, any>;
  const config = { appId: APP_ID, privateKey: setup.appPrivateKeyPkcs8, alipayPublicKey: setup.alipayPublicKey, gateway: setup.url };
  if (name === BARE_ROUND_TRIP) return bareRoundTrip(ours, config, request);
  if (name === BARE_WITH_RSA) return bareWithRsa(ours, config, request);
  const client = ours.createAlipayClient(
    name === FETCH_CLIENT ? { ...config, fetch: globalThis.fetch } : name === IN_MEMORY_CLIENT ? { ...config, fetch: replaying(ours.createNodeTransport()) } : config,
  );
  return { name, call: async () => (await ours.alipayMarketingCardQuery(client, request)).response.code === '10000' };
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The request our client signs for `request` (captured, never sent by the client itself). */
async function capturedRequest(ours: Record<string, any>, config: object, request: Record<string, unknown>): Promise<{ url: string; body: string }> {
  let sent: { url: string; body: string } | undefined;
  const capture: Fetch = async (url, init) => {
    sent = { url, body: String(init.body) };
    return new Response('{}', { status: 500 });
  };
  await ours.alipayMarketingCardQuery(ours.createAlipayClient({ ...config, fetch: capture }), request).catch(() => undefined);
  if (sent === undefined) throw new Error('the client sent no request to capture');
  return sent;
}

/** POSTs one fixed request over a keep-alive agent; resolves with the answer's text (nothing parsed). */
function bareSender(url: string, body: string): () => Promise<string> {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const headers = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', 'content-length': String(Buffer.byteLength(body)) };
  return () =>
    new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(res.statusCode === 200 ? Buffer.concat(chunks).toString('latin1') : ''));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** BARE_ROUND_TRIP: our client signs one request (captured), which is then sent again and again. */
async function bareRoundTrip(ours: Record<string, any>, config: object, request: Record<string, unknown>): Promise<Contender> {
  const { url, body } = await capturedRequest(ours, config, request);
  const send = bareSender(url, body);
  return { name: BARE_ROUND_TRIP, call: async () => (await send()).length > 0 };
}

/** BARE_WITH_RSA: the bare round trip, plus the floor's sign and verify on real payloads per call. */
async function bareWithRsa(ours: Record<string, any>, config: { privateKey: string; alipayPublicKey: string }, request: Record<string, unknown>): Promise<Contender> {
  const { url, body } = await capturedRequest(ours, config, request);
  const send = bareSender(url, body);
  const privateKey = ours.loadPrivateKey(config.privateKey) as KeyObject;
  const publicKey = ours.loadPublicKey(config.alipayPublicKey) as KeyObject;
  // What a real call signs: the protocol params and biz_content, sorted (here: as sent, one string of that size).
  const signed = decodeURIComponent(new URL(url).search.slice(1) + '&' + body);
  const node = ours.extractResponseNode(Buffer.from(await send(), 'latin1').toString('utf8'), METHOD) as { raw: string; sign: string };
  const call = async (): Promise<boolean> => {
    ours.signContent(signed, privateKey, 'RSA2');
    const text = await send();
    return text.length > 0 && ours.verifyContent(node.raw, node.sign, publicKey, 'RSA2') === true;
  };
  return { name: BARE_WITH_RSA, call };
}

/** A transport that sends the first request for real and answers every later one with that answer. */
function replaying(transport: Fetch): Fetch {
  let answer: { status: number; headers: [string, string][]; body: string } | undefined;
  return async (url, init) => {
    if (answer === undefined) {
      const res = await transport(url, init);
      answer = { status: res.status, headers: [['content-type', res.headers.get('content-type') ?? 'application/json']], body: await res.text() };
    }
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}

/** Our generated package for `specs`, in the bench workspace. */
export function writeClientPackage(specs: readonly MethodSpec[]): Promise<string> {
  return writePackage('client-server-package', specs);
}
