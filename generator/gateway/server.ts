/**
 * `startGateway`: a local Alipay gateway (POST/GET /gateway.do) for the methods of a spec set,
 * on node:http. One request: read params -> scenario -> protocol checks and signature ->
 * biz_content (plus top-level params) with the generated validator -> the example answer, signed as the gateway signs.
 * Page and app payment methods, the pay link and the notification sender: see cashier.ts.
 * A body over MAX_BODY_BYTES (1 MiB) is read to its end and answered `413` with the limit in a
 * text/plain body (see params.ts). An upload (multipart/form-data, multipart.ts) may be up to
 * `maxUploadBytes` (10 MiB); a larger one is answered `413` as soon as it is known to be larger.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadSpecsOrThrow } from '../spec/load.js';
import type { MethodSpec } from '../spec/model.js';
import { checkAesKey, responseNodeKey, type SignType } from '../../templates/runtime/index.js';
import { createBodyWriter } from './body.js';
import { APP_PAY_PATH, CASHIER_PAY_PATH, createCashier, NOTIFY_PATH, paymentKindOf, type CashierAnswer, type SentNotification } from './cashier.js';
import { describeReport, notifyTarget } from './notify-sender.js';
import { bizObject, checkBizContent } from './business.js';
import { businessError, gatewayError, systemError, type Node } from './codes.js';
import { resolveKeys, type GatewayKeys, type KeyOptions } from './keys.js';
import { formatLogLine, sentResult } from './log.js';
import { loadGatewayMethods, type GatewayMethod } from './methods.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, readParams } from './params.js';
import { checkFiles, isMultipart, MalformedMultipartError, MAX_UPLOAD_BYTES, readMultipart, uploadAnswer, UploadTooLargeError, type MultipartRequest } from './multipart.js';
import { checkProtocol } from './protocol.js';
import { withAlipayCertSn } from './cert-mode.js';
import { decryptRequest, encryptNode } from './aes.js';
import { successNode } from './sample.js';
import { TradeBook } from './trades.js';
import { parseScenario, SCENARIO_HEADER, ScenarioError, type Scenario } from './scenario.js';
import { createV3Handler, V3_PREFIX } from './v3-server.js';

export const GATEWAY_PATH = '/gateway.do';
/** Default clock tolerance: host local time of any time zone is within a day of UTC+8. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export interface GatewayOptions extends KeyOptions {
  /** The methods to serve (or `specsDir`). */
  specs?: readonly MethodSpec[];
  /** A spec directory, loaded with the spec loader (errors abort the start). */
  specsDir?: string;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Server-wide scenario (see scenario.ts); a request's `x-alipay-mock-scenario` header replaces it. */
  scenario?: string;
  /** Added to every answer's delay. */
  latencyMs?: number;
  /** Accept only this app_id (default: any). */
  appId?: string;
  maxClockSkewMs?: number;
  /** Where the generated package is cached (default under the OS temp dir). */
  cacheDir?: string;
  /** Receives one line per request (method, result code, time); never keys or biz_content. */
  log?: (line: string) => void;
  /** The app's AES key (base64): `encrypt_type=AES` requests are decrypted and their answers encrypted. */
  aesKey?: string;
  /** Largest multipart/form-data (upload) body, in bytes (default MAX_UPLOAD_BYTES, 10 MiB); larger ones get 413 before they are read. */
  maxUploadBytes?: number;
}

export interface GatewayStats {
  /** Requests answered (or refused), all paths. */
  readonly requests: number;
  /** Answers by result (`10000`, `40002/isv.invalid-signature`, `HTTP 502`, ...). */
  readonly results: Readonly<Record<string, number>>;
}

/** Paths besides /gateway.do: the cashier's pay link, the app SDK stand-in, the notification sender. */
const PAYMENT_PATHS: ReadonlySet<string> = new Set([CASHIER_PAY_PATH, APP_PAY_PATH, NOTIFY_PATH]);
/** Sent notifications kept for `notifications()` (a long-running serve must not grow without bound). */
const MAX_KEPT_NOTIFICATIONS = 1000;

export interface Gateway {
  /** `http://<host>:<port>/gateway.do` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly keys: GatewayKeys;
  /** Served methods, sorted. */
  readonly methods: readonly string[];
  /** Served v3 routes (`POST /v3/alipay/trade/query`), sorted; their base URL is the origin of `url`. */
  readonly v3Routes: readonly string[];
  stats(): GatewayStats;
  /** The notifications sent (by the cashier, the app pay endpoint or `POST /__alipay/notify`), oldest first; the last 1,000. */
  notifications(): readonly SentNotification[];
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json;charset=utf-8';
const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>支付宝 - 网上支付 安全快速！</title></head>' +
  '<body><div class="error"><h2>系统繁忙，请稍后再试</h2><p>Service Temporarily Unavailable</p></div></body></html>';
const TOO_LARGE_TEXT = `request body too large: the gateway accepts at most ${MAX_BODY_BYTES} bytes (1 MiB)\n`;
const BAD_GATEWAY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';

/** The answer decided for one request, before it is written. */
interface Answer {
  key: string;
  node: Node;
  signType: SignType;
  signed: boolean;
  method: string | undefined;
  /** The answer to an encrypted request: the node is written as its ciphertext. */
  encrypted?: boolean;
}

async function loadSpecs(options: GatewayOptions): Promise<readonly MethodSpec[]> {
  if (options.specs !== undefined) return options.specs;
  if (options.specsDir !== undefined) return (await loadSpecsOrThrow(options.specsDir)).map((l) => l.spec);
  throw new Error('startGateway needs specs or specsDir');
}

function defaultBusinessCode(method: GatewayMethod): string {
  return method.ir.errors.find((e) => e.code !== 'INVALID_PARAMETER')?.code ?? 'SYSTEM_ERROR';
}

export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const serverScenario = parseScenario(options.scenario);
  const specs = await loadSpecs(options);
  if (options.aesKey !== undefined) checkAesKey(options.aesKey);
  const [methods, keys] = await Promise.all([loadGatewayMethods(specs, options.cacheDir), resolveKeys(options)]);
  const successNodes = new Map([...methods.values()].map((m) => [m.ir.method, successNode(m.ir)]));
  const writer = createBodyWriter(keys.gatewayPrivateKey);
  const protocolOptions = {
    knownMethods: new Set(methods.keys()),
    appPublicKey: keys.appPublicKey,
    maxClockSkewMs: options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS,
    ...(options.appId === undefined ? {} : { appId: options.appId }),
    ...(keys.certs === undefined ? {} : { certs: keys.certs }),
  };
  const aesKey = options.aesKey;
  const extraLatency = options.latencyMs ?? 0;
  const log = options.log;
  const sent: SentNotification[] = [];
  const trades = new TradeBook();
  const cashier = createCashier({
    gatewayPrivateKey: keys.gatewayPrivateKey,
    writer,
    specs: new Map(specs.map((s) => [s.method, s])),
    appId: options.appId,
    alipayCertSn: keys.certs?.alipayCertSn,
    trades,
    onNotify: (notification) => {
      if (sent.length >= MAX_KEPT_NOTIFICATIONS) sent.shift();
      sent.push(notification);
      log?.(formatLogLine({ httpMethod: 'NOTIFY', method: notification.method, result: `${notifyTarget(notification.report.url)} ${describeReport(notification.report)}`, ms: notification.ms }));
    },
  });
  const paymentKinds = new Map(specs.map((s) => [s.method, paymentKindOf(s)]));
  let requests = 0;
  const results: Record<string, number> = {};
  const timers = new Set<NodeJS.Timeout>();

  const finish = (started: number, httpMethod: string, method: string | undefined, result: string): void => {
    requests++;
    results[result] = (results[result] ?? 0) + 1;
    log?.(formatLogLine({ httpMethod, method, result, ms: performance.now() - started }));
  };
  const sendText = (res: ServerResponse, status: number, type: string, text: string): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  /** Decides the answer to a well-formed gateway call (`upload`: the parts of a multipart request). */
  const decide = (params: Record<string, string>, scenario: Scenario, upload?: MultipartRequest): Answer => {
    const protocol = checkProtocol(params, protocolOptions);
    if (protocol.kind === 'unknown-method') {
      return { key: 'error_response', node: protocol.node, signType: 'RSA2', signed: false, method: protocol.method === undefined || !methods.has(protocol.method) ? undefined : protocol.method };
    }
    const method = methods.get(protocol.method)!;
    const answer = (node: Node): Answer => ({ key: responseNodeKey(protocol.method), node, signType: protocol.signType, signed: true, method: protocol.method });
    if (scenario.outcome.kind === 'error-response') {
      // What the gateway answers before it knows which key to sign with (e.g. an unknown app_id).
      return { key: 'error_response', node: gatewayError('isv.invalid-app-id'), signType: protocol.signType, signed: false, method: protocol.method };
    }
    if (protocol.node !== undefined) return answer(protocol.node);
    const decrypted = decryptRequest(params, aesKey);
    if ('refused' in decrypted) return answer(decrypted.refused);
    const reply = (node: Node): Answer => ({ ...answer(node), encrypted: decrypted.encrypted });
    const files = upload?.files ?? new Map<string, Uint8Array>();
    const refused = checkFiles(method, files) ?? checkBizContent(method, decrypted.bizContent, params, files);
    if (refused !== undefined) return reply(refused);
    if (scenario.outcome.kind === 'business-error') {
      const code = scenario.outcome.code ?? defaultBusinessCode(method);
      const documented = method.ir.errors.find((e) => e.code === code);
      return reply(businessError(code, documented?.description ?? code));
    }
    const success = successNodes.get(protocol.method)!;
    if (upload !== undefined) return reply(uploadAnswer(method, success, files));
    // A trade method about a trade this gateway has seen answers about it (./trades.ts).
    const booked = trades.handles(protocol.method)
      ? trades.answer(protocol.method, { biz: bizObject(decrypted.bizContent), success, response: method.ir.response, errors: method.ir.errors })
      : undefined;
    return reply(booked ?? success);
  };

  const v3 = createV3Handler({
    methods,
    successNodes,
    trades,
    appPublicKey: keys.appPublicKey,
    gatewayPrivateKey: keys.gatewayPrivateKey,
    appId: options.appId,
    maxClockSkewMs: options.maxClockSkewMs,
    certs: keys.certs,
    aesKey,
    maxUploadBytes,
    serverScenario,
    extraLatencyMs: extraLatency,
    delay,
    finish,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const httpMethod = req.method ?? '';
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const path = q < 0 ? target : target.slice(0, q);
    if (path.startsWith(V3_PREFIX)) return v3.handle(req, res, started);
    if (path !== GATEWAY_PATH && !PAYMENT_PATHS.has(path)) {
      req.resume();
      sendText(res, 404, 'text/plain;charset=utf-8', `not found: only ${GATEWAY_PATH}, ${[...PAYMENT_PATHS].join(', ')} are served\n`);
      return finish(started, httpMethod, undefined, 'HTTP 404');
    }
    if (httpMethod !== 'POST' && httpMethod !== 'GET') {
      req.resume();
      res.setHeader('allow', 'GET, POST');
      sendText(res, 405, 'text/plain;charset=utf-8', 'method not allowed\n');
      return finish(started, httpMethod, undefined, 'HTTP 405');
    }
    let scenario: Scenario;
    try {
      scenario = parseScenario(req.headers[SCENARIO_HEADER] as string | undefined, serverScenario);
    } catch (error) {
      req.resume();
      sendText(res, 400, 'text/plain;charset=utf-8', `${(error as ScenarioError).message}\n`);
      return finish(started, httpMethod, undefined, 'HTTP 400');
    }
    let body = '';
    let upload: MultipartRequest | undefined;
    if (httpMethod === 'POST' && isMultipart(req.headers['content-type'])) {
      try {
        upload = await readMultipart(req, maxUploadBytes);
      } catch (error) {
        if (error instanceof UploadTooLargeError) {
          // Answered at once; the rest of the body is drained (multipart.ts) until the connection closes.
          res.setHeader('connection', 'close');
          sendText(res, 413, 'text/plain;charset=utf-8', `request body too large: uploads are limited to ${error.limit} bytes\n`);
          return finish(started, httpMethod, undefined, 'HTTP 413');
        }
        if (!(error instanceof MalformedMultipartError)) throw error;
        sendText(res, 400, 'text/plain;charset=utf-8', `${error.message}\n`);
        return finish(started, httpMethod, undefined, 'HTTP 400');
      }
    } else if (httpMethod === 'POST') {
      try {
        body = await readBody(req);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close');
        sendText(res, 413, 'text/plain;charset=utf-8', TOO_LARGE_TEXT);
        if (error.cut) res.once('finish', () => res.destroy());
        return finish(started, httpMethod, undefined, 'HTTP 413');
      }
    }
    const latency = scenario.latencyMs + extraLatency;
    if (latency > 0) await delay(latency);
    if (res.destroyed) return;

    if (scenario.outcome.kind === 'http-502') {
      sendText(res, 502, 'text/html;charset=utf-8', BAD_GATEWAY_PAGE);
      return finish(started, httpMethod, undefined, 'HTTP 502');
    }
    if (scenario.outcome.kind === 'html-error') {
      sendText(res, 200, 'text/html;charset=utf-8', HTML_ERROR_PAGE);
      return finish(started, httpMethod, undefined, 'HTML page');
    }
    const search = q < 0 ? '' : target.slice(q + 1);
    const sendAnswer = (a: CashierAnswer): void => {
      res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) });
      res.end(a.body);
      finish(started, httpMethod, a.method, a.result);
    };
    if (path === CASHIER_PAY_PATH) {
      const header = req.headers[SCENARIO_HEADER] as string | undefined;
      return sendAnswer(await cashier.pay(new URLSearchParams(search).get('order'), header === undefined ? undefined : scenario));
    }
    if (path === NOTIFY_PATH) return sendAnswer(await cashier.notify(body, scenario));
    if (path === APP_PAY_PATH) {
      // The order string as the app SDK gets it: the body (or the query), one url-encoded query string.
      const order = Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(new URLSearchParams(body.trim() === '' ? search : body.trim())));
      const checked = decide(order, scenario);
      return sendAnswer(await cashier.app(order, checked, scenario));
    }
    const params = readParams(search, body, req.headers['content-type']);
    // An upload's text fields are params like a form body's (a field wins over the query, as there).
    if (upload !== undefined) Object.assign(params, upload.fields);
    const answer = decide(params, scenario, upload);
    if (answer.method !== undefined && paymentKinds.get(answer.method) === 'page') return sendAnswer(cashier.page(params, answer, scenario));
    const sign = !answer.signed || scenario.body === 'missing-signature' ? false : scenario.body === 'wrong-signature' ? 'wrong' : true;
    const written = writer.write(answer.key, answer.encrypted === true ? encryptNode(answer.node, aesKey!) : answer.node, answer.signType, sign);
    const text = keys.certs !== undefined && sign !== false ? withAlipayCertSn(written, keys.certs.alipayCertSn) : written;
    const result = sentResult(answer.node, answer.signed, sign === true ? 'signed' : sign === 'wrong' ? 'wrong' : 'none');
    if (scenario.body === 'truncated') {
      // The full length is announced, half is sent, then the connection drops: a cut-off body.
      const bytes = Buffer.from(text);
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': bytes.length });
      res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
      return finish(started, httpMethod, answer.method, `${result} truncated`);
    }
    sendText(res, 200, JSON_TYPE, text);
    return finish(started, httpMethod, answer.method, result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A bug in the gateway: answer as the real gateway does when it fails, without details.
      if (!res.headersSent) sendText(res, 200, JSON_TYPE, writer.write('error_response', systemError(), 'RSA2', false));
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}${GATEWAY_PATH}`,
    host,
    port,
    keys,
    methods: [...methods.keys()].sort(),
    v3Routes: v3.routes.routes,
    stats: () => ({ requests, results: { ...results } }),
    notifications: () => [...sent],
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => {
          // Keys created in a temp dir of our own go with the server; a --keys-dir given by the user stays.
          const cleanup = options.keysDir === undefined && keys.dir !== undefined ? rm(keys.dir, { recursive: true, force: true }) : Promise.resolve();
          cleanup.then(() => (error ? reject(error) : resolve()), reject);
        });
        server.closeAllConnections();
      }),
  };
}
