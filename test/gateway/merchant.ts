/**
 * A merchant's server on 127.0.0.1 for the payment-flow tests: `/notify` records each notification
 * body as received and answers `answer` (default `success`); `/return` records the browser's
 * return and answers a page.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Merchant {
  readonly origin: string;
  /** Raw bodies of the notifications received, oldest first. */
  readonly notifications: string[];
  readonly contentTypes: string[];
  /** What /notify answers (status 200). */
  answer: string;
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startMerchant(): Promise<Merchant> {
  const notifications: string[] = [];
  const contentTypes: string[] = [];
  const merchant: Merchant = { origin: '', notifications, contentTypes, answer: 'success', close: async () => undefined };
  const server = createServer((req, res) => {
    void read(req).then((body) => {
      if (new URL(req.url ?? '/', 'http://x').pathname === '/notify' && req.method === 'POST') {
        notifications.push(body);
        contentTypes.push(req.headers['content-type'] ?? '');
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(merchant.answer);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>thanks</p>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(merchant, {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
