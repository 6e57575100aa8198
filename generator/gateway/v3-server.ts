/**
 * The gateway's v3 side (`/v3/...` routes of every spec that has one): route -> scenario -> body
 * (1 MiB) -> Authorization (signature, timestamp window, nonce) -> the request object validated
 * with the method's generated validator -> the success answer, the method's fields only. Every
 * answer but the unsigned scenarios is signed as Alipay signs v3 answers: `alipay-timestamp`,
 * `alipay-nonce`, `alipay-signature` over `timestamp\nnonce\nbody\n`, plus `alipay-trace-id`.
 * Failures are HTTP >= 400 with `{code, message}`. Cert mode, AES and uploads: v3-modes.ts.
 * The v2 scenarios map to v3: business-error ->
 * 400 with the method's code; error-response -> 401 unsigned; wrong/missing-signature spoil
 * `alipay-signature`; truncated, http-502, html-error, latency as over v2.
 */
import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseV3Authorization, signV3Answer, type ValidationIssue } from '../../templates/runtime/index.js';
import type { GatewayCertSns } from './cert-mode.js';
import { SUCCESS_CODE, type Node } from './codes.js';
import type { TradeBook } from './trades.js';
import type { GatewayMethod } from './methods.js';
import { checkFiles, isMultipart, MalformedMultipartError, MAX_UPLOAD_BYTES, readMultipart, uploadAnswer, UploadTooLargeError } from './multipart.js';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from './params.js';
import { parseScenario, SCENARIO_HEADER, ScenarioError, type Scenario } from './scenario.js';
import { createV3AuthChecker, V3_MAX_CLOCK_SKEW_MS, type V3Refusal } from './v3-auth.js';
import { checkV3CertSns, encryptV3Answer, refusalOfNode, v3CertAnswerHeaders, v3RequestJson, withFiles } from './v3-modes.js';
import { buildV3Routes, v3RequestObject, V3_PREFIX, type V3RouteTable } from './v3-routes.js';

export { V3_PREFIX };

const JSON_TYPE = 'application/json;charset=utf-8';
const TEXT_TYPE = 'text/plain;charset=utf-8';
const BAD_GATEWAY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
const HTML_ERROR_PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>支付宝</title></head><body><h2>系统繁忙，请稍后再试</h2></body></html>';
/** The common response fields of a v2 node: a v3 success body has the method's fields only. */
const V2_COMMON = new Set(['code', 'msg', 'sub_code', 'sub_msg']);
const LISTED = 5;

export interface V3Context {
  readonly methods: ReadonlyMap<string, GatewayMethod>;
  readonly successNodes: ReadonlyMap<string, Node>;
  /** The trades the gateway has seen, shared with /gateway.do (./trades.ts). */
  readonly trades?: TradeBook;
  readonly appPublicKey: KeyObject;
  readonly gatewayPrivateKey: KeyObject;
  readonly appId?: string | undefined;
  /** Default V3_MAX_CLOCK_SKEW_MS. */
  readonly maxClockSkewMs?: number | undefined;
  readonly serverScenario: Scenario;
  readonly extraLatencyMs: number;
  readonly delay: (ms: number) => Promise<void>;
  /** Certificate mode: the serials requests must carry and answers announce. */
  readonly certs?: GatewayCertSns | undefined;
  /** The app's AES key: bodies sent with `alipay-encrypt-type: AES` are decrypted, their success answers encrypted. */
  readonly aesKey?: string | undefined;
  /** Largest upload (multipart) body; default MAX_UPLOAD_BYTES. */
  readonly maxUploadBytes?: number | undefined;
  /** Records the request (stats, log line). */
  readonly finish: (started: number, httpMethod: string, method: string | undefined, result: string) => void;
}

export interface V3Handler {
  readonly routes: V3RouteTable;
  handle(req: IncomingMessage, res: ServerResponse, started: number): Promise<void>;
}

/** A v3 answer before it is written. */
interface V3Answer {
  readonly status: number;
  readonly body: string;
  /** false: no signature headers (unsigned scenarios). */
  readonly signed: boolean;
  /** The body is AES ciphertext (sent as text/plain). */
  readonly encrypted?: boolean;
  readonly method: string | undefined;
  /** For the log: `200`, `400/ACQ.TRADE_NOT_EXIST`, ... */
  readonly result: string;
}

function describe(issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, LISTED).map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ');
  return issues.length > LISTED ? `${listed}; and ${issues.length - LISTED} more` : listed;
}

/** The method's fields of its success node (code and msg are v2's). */
function successBody(node: Node): string {
  const out: Node = {};
  for (const key of Object.keys(node)) {
    if (!V2_COMMON.has(key)) Object.defineProperty(out, key, { value: node[key], enumerable: true, writable: true, configurable: true });
  }
  return JSON.stringify(out);
}

function failure(refusal: V3Refusal, method: string | undefined, signed = true): V3Answer {
  return { status: refusal.status, body: JSON.stringify({ code: refusal.code, message: refusal.message }), signed, method, result: `${refusal.status}/${refusal.code}` };
}

/** The refusal of an invalid request object, named as the v2 side names it (the method's INVALID_PARAMETER first). */
function invalidRequest(method: GatewayMethod, issues: readonly ValidationIssue[]): V3Refusal {
  if (method.ir.errors.some((e) => e.code === 'INVALID_PARAMETER')) return { status: 400, code: 'INVALID_PARAMETER', message: `参数有误 ${describe(issues)}` };
  const missing = issues.filter((i) => i.rule === 'required');
  if (missing.length > 0) return { status: 400, code: 'missing-parameter', message: `缺少必选参数: ${describe(missing)}` };
  return { status: 400, code: 'invalid-parameter', message: `参数无效: ${describe(issues)}` };
}

export function createV3Handler(ctx: V3Context): V3Handler {
  const routes = buildV3Routes(ctx.methods);
  const auth = createV3AuthChecker({ appPublicKey: ctx.appPublicKey, appId: ctx.appId, maxClockSkewMs: ctx.maxClockSkewMs ?? V3_MAX_CLOCK_SKEW_MS });

  const sendText = (res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  /** Decides the answer of an authentic-looking call to a known route (`body`: an upload's `data` part). */
  const decide = (
    req: IncomingMessage,
    target: string,
    body: string,
    scenario: Scenario,
    method: GatewayMethod,
    pathValues: Readonly<Record<string, string>>,
    files: ReadonlyMap<string, Uint8Array> | undefined,
  ): V3Answer => {
    const name = method.ir.method;
    if (scenario.outcome.kind === 'error-response') {
      return failure({ status: 401, code: 'invalid-app-id', message: '无效的AppID参数' }, name, false);
    }
    const refused = auth.check({
      httpMethod: req.method ?? '',
      target,
      body,
      authorization: req.headers.authorization,
      appAuthToken: req.headers['alipay-app-auth-token'] as string | undefined,
    });
    if (refused !== undefined) return failure(refused, name);
    if (ctx.certs !== undefined) {
      const appCertSn = parseV3Authorization(req.headers.authorization)?.fields['app_cert_sn'];
      const certRefused = checkV3CertSns(appCertSn, req.headers['alipay-root-cert-sn'] as string | undefined, ctx.certs);
      if (certRefused !== undefined) return failure(certRefused, name);
    }
    const decrypted = v3RequestJson(body, req.headers['alipay-encrypt-type'] as string | undefined, ctx.aesKey);
    if ('refused' in decrypted) return failure(decrypted.refused, name);
    const filesRefused = files === undefined ? undefined : checkFiles(method, files);
    if (filesRefused !== undefined) return failure(refusalOfNode(filesRefused), name);
    const q = target.indexOf('?');
    const parsed = v3RequestObject({ method, pathValues }, new URLSearchParams(q < 0 ? '' : target.slice(q + 1)), decrypted.json);
    if (parsed === undefined) return failure({ status: 400, code: 'invalid-parameter', message: '参数无效: the body is not a JSON object' }, name);
    const request = files === undefined ? parsed : withFiles(parsed, files);
    const issues = method.validateRequest(request).filter((i) => i.rule !== 'unknown');
    if (issues.length > 0) return failure(invalidRequest(method, issues), name);
    if (scenario.outcome.kind === 'business-error') {
      const code = scenario.outcome.code ?? method.ir.errors.find((e) => e.code !== 'INVALID_PARAMETER')?.code ?? 'SYSTEM_ERROR';
      const documented = method.ir.errors.find((e) => e.code === code);
      return failure({ status: 400, code, message: documented?.description ?? code }, name);
    }
    const node = ctx.successNodes.get(name)!;
    // A trade method about a trade the gateway has seen answers about it, as on /gateway.do.
    const booked = files === undefined ? ctx.trades?.answer(name, { biz: request, success: node, response: method.ir.response, errors: method.ir.errors }) : undefined;
    if (booked !== undefined && booked['code'] !== SUCCESS_CODE) return failure(refusalOfNode(booked), name);
    const json = successBody(booked ?? (files === undefined ? node : uploadAnswer(method, node, files)));
    if (!decrypted.encrypted) return { status: 200, body: json, signed: true, method: name, result: '200' };
    return { status: 200, body: encryptV3Answer(json, ctx.aesKey!), signed: true, encrypted: true, method: name, result: '200 AES' };
  };

  const write = (res: ServerResponse, answer: V3Answer, scenario: Scenario): string => {
    const headers: Record<string, string> = { 'alipay-trace-id': randomBytes(12).toString('hex') };
    if (answer.signed && scenario.body !== 'missing-signature') {
      const timestamp = String(Date.now());
      const nonce = randomUUID();
      // A wrong signature: a real one, of other bytes, so only verification can tell.
      const signedBody = scenario.body === 'wrong-signature' ? `${answer.body} ` : answer.body;
      Object.assign(headers, { 'alipay-timestamp': timestamp, 'alipay-nonce': nonce, 'alipay-signature': signV3Answer(timestamp, nonce, signedBody, ctx.gatewayPrivateKey) });
      Object.assign(headers, v3CertAnswerHeaders(ctx.certs));
    }
    const type = answer.encrypted === true ? TEXT_TYPE : JSON_TYPE;
    if (scenario.body === 'truncated') {
      // The full length is announced, half is sent, then the connection drops.
      const bytes = Buffer.from(answer.body);
      res.writeHead(answer.status, { 'content-type': type, 'content-length': bytes.length, ...headers });
      res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
      return `${answer.result} truncated`;
    }
    sendText(res, answer.status, type, answer.body, headers);
    return answer.result;
  };

  return {
    routes,
    async handle(req, res, started) {
      const httpMethod = req.method ?? '';
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const found = routes.lookup(httpMethod, q < 0 ? target : target.slice(0, q));
      if (found.kind !== 'found') {
        req.resume();
        const refusal: V3Refusal =
          found.kind === 'wrong-method' ? { status: 405, code: 'method-not-allowed', message: `use ${found.allowed.join(', ')}` }
          : found.kind === 'bad-path' ? { status: 400, code: 'invalid-path', message: 'a path segment is not valid percent-encoding' }
          : { status: 404, code: 'not-found', message: 'no v3 route of a served method has this path' };
        sendText(res, refusal.status, JSON_TYPE, JSON.stringify({ code: refusal.code, message: refusal.message }), found.kind === 'wrong-method' ? { allow: found.allowed.join(', ') } : {});
        return ctx.finish(started, httpMethod, undefined, `${refusal.status}/${refusal.code}`);
      }
      const method = found.match.method;
      let scenario: Scenario;
      try {
        scenario = parseScenario(req.headers[SCENARIO_HEADER] as string | undefined, ctx.serverScenario);
      } catch (error) {
        req.resume();
        sendText(res, 400, TEXT_TYPE, `${(error as ScenarioError).message}\n`);
        return ctx.finish(started, httpMethod, undefined, 'HTTP 400');
      }
      let body: string;
      let files: ReadonlyMap<string, Uint8Array> | undefined;
      if (httpMethod === 'POST' && isMultipart(req.headers['content-type'])) {
        const maxUploadBytes = ctx.maxUploadBytes ?? MAX_UPLOAD_BYTES;
        try {
          const upload = await readMultipart(req, maxUploadBytes);
          // The data part is the signed JSON (a part without one signs as '').
          body = upload.fields['data'] ?? '';
          files = upload.files;
        } catch (error) {
          if (error instanceof UploadTooLargeError) {
            // Answered at once; the rest of the body is drained (multipart.ts) until the connection closes.
            res.setHeader('connection', 'close');
            sendText(res, 413, TEXT_TYPE, `request body too large: uploads are limited to ${maxUploadBytes} bytes\n`);
            return ctx.finish(started, httpMethod, undefined, 'HTTP 413');
          }
          if (!(error instanceof MalformedMultipartError)) throw error;
          sendText(res, 400, JSON_TYPE, JSON.stringify({ code: 'invalid-parameter', message: '参数无效: malformed multipart/form-data body' }));
          return ctx.finish(started, httpMethod, undefined, '400/invalid-parameter');
        }
      } else {
        try {
          body = await readBody(req);
        } catch (error) {
          if (!(error instanceof BodyTooLargeError)) throw error;
          res.setHeader('connection', 'close');
          sendText(res, 413, TEXT_TYPE, `request body too large: the gateway accepts at most ${MAX_BODY_BYTES} bytes (1 MiB)\n`);
          if (error.cut) res.once('finish', () => res.destroy());
          return ctx.finish(started, httpMethod, undefined, 'HTTP 413');
        }
      }
      const latency = scenario.latencyMs + ctx.extraLatencyMs;
      if (latency > 0) await ctx.delay(latency);
      if (res.destroyed) return;
      if (scenario.outcome.kind === 'http-502') {
        sendText(res, 502, 'text/html;charset=utf-8', BAD_GATEWAY_PAGE);
        return ctx.finish(started, httpMethod, undefined, 'HTTP 502');
      }
      if (scenario.outcome.kind === 'html-error') {
        sendText(res, 200, 'text/html;charset=utf-8', HTML_ERROR_PAGE);
        return ctx.finish(started, httpMethod, undefined, 'HTML page');
      }
      const answer = decide(req, target, body, scenario, method, found.match.pathValues, files);
      return ctx.finish(started, httpMethod, answer.method, write(res, answer, scenario));
    },
  };
}
