/**
 * A minimal gateway on 127.0.0.1 for the runtime tests: records each request as received and
 * answers with whatever the test's handler writes. Real sockets, real fetch, no mocks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { signContent } from '../../templates/runtime/index.js';

export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: ReceivedRequest, res: ServerResponse) => void;

export interface TestGateway {
  url: string;
  requests: ReceivedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

export function rsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export async function startTestGateway(): Promise<TestGateway> {
  const requests: ReceivedRequest[] = [];
  let handler: Handler = (_req, res) => res.end('{}');
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      handler(received, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/gateway.do`,
    requests,
    setHandler(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes the body the way the gateway does: node value signed as raw text, `/` escaped as `\/`. */
export function gatewayBody(
  nodeKey: string,
  node: unknown,
  key: KeyObject | undefined,
  signType: 'RSA2' | 'RSA' = 'RSA2',
): string {
  const raw = JSON.stringify(node).replaceAll('/', '\\/');
  if (key === undefined) return `{"${nodeKey}":${raw}}`;
  const sign = signContent(raw, key, signType);
  return `{"${nodeKey}":${raw},"sign":"${sign.replaceAll('/', '\\/')}"}`;
}
