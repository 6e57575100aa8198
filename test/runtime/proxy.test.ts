/**
 * Routing through a proxy: a real HTTP CONNECT proxy on 127.0.0.1 (node:http, tunnels the socket)
 * in front of the test gateway, reached by the node transport through an `agent` and by the global
 * fetch through an undici `dispatcher`. Network errors name the host and port they failed on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent as HttpAgent, createServer, type ClientRequestArgs } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ProxyAgent } from 'undici';
import {
  AlipayNetworkError,
  createAlipayClient,
  maskPersonalData,
  createNodeTransport,
  invokeResult,
  type AlipayClientConfig,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

const queryOp: Operation<{ out_trade_no: string }, ResponseBase & { trade_no?: string }> = {
  method: 'alipay.trade.query',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
};
const app = rsaKeyPair();
const alipay = rsaKeyPair();

interface ConnectProxy {
  readonly url: string;
  readonly port: number;
  /** `host:port` of every CONNECT it tunnelled. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

/** A CONNECT proxy: answers 200 and pipes the client socket to the requested host:port. */
async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A node:http Agent that opens each connection as a CONNECT tunnel through the proxy. */
class TunnelAgent extends HttpAgent {
  constructor(private readonly proxyPort: number) {
    super({ keepAlive: true });
  }

  override createConnection(options: ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    if (callback === undefined) throw new Error('node:http always passes a callback');
    const target = `${options.host}:${options.port}`;
    const socket = connect(this.proxyPort, '127.0.0.1', () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 200')) callback(null, socket);
      else callback(new Error(`proxy refused: ${head.split('\r\n')[0]}`), socket);
    };
    socket.on('data', onData);
    socket.once('error', (error) => callback(error, socket));
    return undefined;
  }
}

let gw: TestGateway;
let proxy: ConnectProxy;
beforeAll(async () => {
  [gw, proxy] = await Promise.all([startTestGateway(), startConnectProxy()]);
  gw.setHandler((_req, res) => res.end(gatewayBody('alipay_trade_query_response', { code: '10000', msg: 'Success', trade_no: '2013112011001004330000121536' }, alipay.privateKey)));
});
afterAll(async () => {
  await Promise.all([gw.close(), proxy.close()]);
});

function clientWith(extra: Partial<AlipayClientConfig>, gateway = gw.url) {
  return createAlipayClient({ appId: '2021000122671080', privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway, ...extra } as AlipayClientConfig);
}
const gatewayHost = (): string => new URL(gw.url).host;

describe('through a CONNECT proxy', () => {
  it('the node transport goes through its `agent`', async () => {
    const before = gw.requests.length;
    const client = clientWith({ fetch: createNodeTransport({ agent: new TunnelAgent(proxy.port) }) });
    const result = await invokeResult(client, queryOp, { out_trade_no: '1' });
    expect(result.response.trade_no).toBe('2013112011001004330000121536');
    expect(proxy.tunnels).toContain(gatewayHost());
    expect(gw.requests.length).toBe(before + 1);
  });

  it('the global fetch goes through the `dispatcher` (undici ProxyAgent)', async () => {
    const tunnelled = proxy.tunnels.length;
    const dispatcher = new ProxyAgent(proxy.url);
    try {
      const result = await invokeResult(clientWith({ dispatcher }), queryOp, { out_trade_no: '1' });
      expect(result.status).toBe('success');
      expect(proxy.tunnels.slice(tunnelled)).toEqual([gatewayHost()]);
    } finally {
      await dispatcher.close();
    }
  });
});

describe('network errors', () => {
  it('name the host and port on both transports (ECONNREFUSED 127.0.0.1:<port>)', async () => {
    const closed = createTcpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/gateway.do`;
    for (const extra of [{}, { fetch: createNodeTransport() }]) {
      const error = await invokeResult(clientWith(extra, url), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlipayNetworkError);
      expect((error as Error).message).toBe(`alipay.trade.query: request failed: ECONNREFUSED 127.0.0.1:${port}`);
    }
  });

  it('the address survives masking; digit runs shaped otherwise do not', () => {
    for (const kept of ['ECONNREFUSED 127.0.0.1:8080', 'ETIMEDOUT 203.0.113.255:443', 'EHOSTUNREACH 10.0.0.1']) expect(maskPersonalData(kept)).toBe(kept);
    for (const masked of ['138.1234.5678', '10.20.30.40.50', '6222.0200.1234.5678', '1.2.3.45678']) expect(maskPersonalData(masked)).not.toBe(masked);
  });
});
