/**
 * What the HTTP and PII families share: the generated package's public surface (client factory,
 * one method function, error base class, mask), gateway-like signing with a fresh key pair, a
 * node:http server on 127.0.0.1 whose answer is set per call, and the verdict of one call.
 */
import { generateKeyPairSync, createSign, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const METHOD = 'alipay.marketing.card.query';
export const NODE_KEY = 'alipay_marketing_card_query_response';
export const VALID_REQUEST = { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' };

export interface CallOptions {
  appAuthToken?: string;
  timeoutMs?: number;
}

export interface PackageSurface {
  createClient(gateway: string, timeoutMs: number): unknown;
  call(client: unknown, options?: CallOptions): Promise<unknown>;
  AlipayError: new (...args: never[]) => Error;
  mask: ((text: string) => string) | undefined;
}

/** The generated package in `pkgDir` (default: the committed generated/), through its public exports. */
export async function loadPackage(root: string, keys: Keys, pkgDir = join(root, 'generated')): Promise<PackageSurface> {
  const runtimeFile = join(pkgDir, 'dist/runtime/index.js');
  const methodFile = join(pkgDir, `dist/methods/${METHOD}.js`);
  if (!existsSync(runtimeFile) || !existsSync(methodFile)) throw new Error(`the generated package in ${pkgDir} has no dist/ (run npm run generate)`);
  const runtime = (await import(pathToFileURL(runtimeFile).href)) as Record<string, unknown>;
  const methods = (await import(pathToFileURL(methodFile).href)) as Record<string, unknown>;
  const createAlipayClient = runtime.createAlipayClient as (config: Record<string, unknown>) => unknown;
  const fn = methods.alipayMarketingCardQuery as (client: unknown, request: unknown, options?: CallOptions) => Promise<unknown>;
  const mask = (runtime.maskPersonalData ?? runtime.mask) as ((t: string) => string) | undefined;
  return {
    createClient: (gateway, timeoutMs) =>
      createAlipayClient({ appId: '2021000000000001', privateKey: keys.appPrivatePem, alipayPublicKey: keys.alipayPublicPem, gateway, timeoutMs }),
    call: (client, options) => fn(client, VALID_REQUEST, options),
    AlipayError: runtime.AlipayError as PackageSurface['AlipayError'],
    mask: typeof mask === 'function' ? mask : undefined,
  };
}

export interface Keys {
  appPrivatePem: string;
  alipayPublicPem: string;
  alipayPrivate: KeyObject;
}

export function makeKeys(): Keys {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    appPrivatePem: app.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    alipayPublicPem: alipay.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    alipayPrivate: alipay.privateKey,
  };
}

/** RSA2 signature of `content`, as the gateway signs a response node's raw text. */
export function sign(keys: Keys, content: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(keys.alipayPrivate, 'base64');
}

/** A gateway body: the node's raw text under `key`, signed unless told otherwise. */
export function signedBody(keys: Keys, nodeText: string, key = NODE_KEY): string {
  return `{"${key}":${nodeText},"sign":"${sign(keys, nodeText)}"}`;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A server on 127.0.0.1 whose handler is swapped per call; it records what it received. */
export class LocalServer {
  handler: Handler = (_q, res) => void res.end();
  readonly received: { url: string; method: string; body: string }[] = [];
  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<LocalServer> {
    let self: LocalServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        self!.received.push({ url: req.url ?? '', method: req.method ?? '', body });
        try {
          self!.handler(req, res, body);
        } catch {
          res.destroy();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    self = new LocalServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export type Outcome =
  | { kind: 'resolved'; value: unknown }
  | { kind: 'typed'; error: Error }
  | { kind: 'untyped'; error: unknown }
  | { kind: 'hang' };

/** Runs one call, bounded: no settle within `hangMs` is a hang. */
export async function settle(pkg: PackageSurface, run: () => Promise<unknown>, hangMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome>((r) => (timer = setTimeout(() => r({ kind: 'hang' }), hangMs)));
  const call = run().then(
    (value): Outcome => ({ kind: 'resolved', value }),
    (error: unknown): Outcome => (error instanceof pkg.AlipayError ? { kind: 'typed', error } : { kind: 'untyped', error }),
  );
  try {
    return await Promise.race([call, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Own property names of Object.prototype: any change after a call is prototype pollution. */
export function prototypeSnapshot(): string {
  return [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)].sort().join(',');
}
