/**
 * A shop's server as an app developer writes it with the generated package (node:http on
 * 127.0.0.1): the notification endpoint of each payment method reads the raw body, parses it with
 * the method's generated `parse…Notification` (verified, app_id checked, typed) and answers
 * `success`, or 400 with the refusal's reason; `/paid` is the page the buyer comes back to.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlipayNotifyError, type AlipayClient, type NotifyBody } from '../../generated/dist/runtime/index.js';
import { parseAlipayTradeAppPayNotification, type AlipayTradeAppPayNotification } from '../../generated/dist/methods/alipay.trade.app.pay.js';
import { parseAlipayTradePagePayNotification, type AlipayTradePagePayNotification } from '../../generated/dist/methods/alipay.trade.page.pay.js';
import { parseAlipayTradeWapPayNotification, type AlipayTradeWapPayNotification } from '../../generated/dist/methods/alipay.trade.wap.pay.js';

export type Received =
  | { readonly path: '/notify/page'; readonly notification: AlipayTradePagePayNotification }
  | { readonly path: '/notify/wap'; readonly notification: AlipayTradeWapPayNotification }
  | { readonly path: '/notify/app'; readonly notification: AlipayTradeAppPayNotification };

export interface Shop {
  readonly origin: string;
  /** Notifications the handlers accepted, oldest first. */
  readonly received: Received[];
  /** Reasons of the refused ones. */
  readonly refused: string[];
  close(): Promise<void>;
}

export async function startShop(client: AlipayClient): Promise<Shop> {
  const received: Received[] = [];
  const refused: string[] = [];
  const handlers: Record<string, (body: NotifyBody) => Received> = {
    '/notify/page': (body) => ({ path: '/notify/page', notification: parseAlipayTradePagePayNotification(client, body) }),
    '/notify/wap': (body) => ({ path: '/notify/wap', notification: parseAlipayTradeWapPayNotification(client, body) }),
    '/notify/app': (body) => ({ path: '/notify/app', notification: parseAlipayTradeAppPayNotification(client, body) }),
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://shop').pathname;
    const handler = req.method === 'POST' ? handlers[path] : undefined;
    if (handler === undefined) {
      res.writeHead(200, { 'content-type': 'text/html;charset=utf-8' });
      res.end('<p>thank you</p>');
      return;
    }
    try {
      received.push(handler(Buffer.concat(chunks)));
      res.end('success');
    } catch (error) {
      const reason = error instanceof AlipayNotifyError ? error.reason : 'error';
      refused.push(reason);
      res.statusCode = 400;
      res.end(reason);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
