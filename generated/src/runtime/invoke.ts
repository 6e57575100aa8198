/**
 * One gateway call: validate, sign, POST with a timeout, read the body (bounded), scan, verify,
 * parse, map errors. Validation comes first so an invalid request is never signed nor sent.
 */
import { Buffer } from 'node:buffer';
import type { CallOptions, CallResult, Operation, PendingResponse, ResponseBase } from './contract.js';
import { checkTimeoutMs, clientState, type AlipayClient } from './client.js';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipayNetworkError,
  AlipayResponseTooLargeError,
  AlipayTimeoutError,
  AlipayValidationError,
} from './errors.js';
import { declaredCharset, gbkByteRange, type AnswerCharset } from './charset.js';
import { maskPersonalData } from './mask.js';
import { emitRequest, emitResponse } from './observe.js';
import { buildMultipartBody, splitFiles, type MultipartBody } from './multipart-body.js';
import { buildSignedRequest } from './request.js';
import { extractResponseNode } from './response.js';
import { formatTimestamp } from './timestamp.js';
import { checkResponseSignature } from './verify.js';
import type { KeyObject } from 'node:crypto';
import { alipayKeyFor } from './cert-mode.js';
import { decryptAnswer, encryptedBizContent } from './aes-call.js';
import { callPolicy, mayRetry, withRetries } from './retry.js';
// v3-invoke.js imports this module's transport helpers back: a cycle of functions only, used at call time.
import { invokeV3 } from './v3-invoke.js';

const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
  accept: 'application/json',
};

/** The gateway's success code, and 业务处理中 (accepted, not finished: e.g. a payment waiting for the buyer). */
const SUCCESS = '10000';
const PENDING = '10003';

const utf8 = new TextDecoder('utf-8');
type Decoder = InstanceType<typeof TextDecoder>;
const decoders: Partial<Record<AnswerCharset, Decoder>> = { 'utf-8': utf8 };

function decoderFor(charset: AnswerCharset): Decoder {
  return (decoders[charset] ??= new TextDecoder(charset));
}
/** How much of a non-200 body is kept (masked) on AlipayHttpError. */
const HTTP_ERROR_BODY_BYTES = 2048;

type SystemError = { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown; cause?: unknown };

/** `ECONNREFUSED 127.0.0.1:1234`: the code and where, from a system error (fetch wraps it in `cause`). */
function describeSystemError(error: SystemError): string | undefined {
  if (typeof error.code !== 'string') return undefined;
  const host = typeof error.address === 'string' ? error.address : typeof error.hostname === 'string' ? error.hostname : undefined;
  const port = typeof error.port === 'number' || typeof error.port === 'string' ? `:${error.port}` : '';
  return host === undefined ? error.code : `${error.code} ${host.includes(':') ? `[${host}]` : host}${port}`;
}

/** A short, key-free description of why fetch failed (e.g. `ECONNREFUSED 127.0.0.1:1234`). */
export function describeFailure(error: unknown, url: string): string {
  const own = typeof error === 'object' && error !== null ? (error as SystemError) : undefined;
  const cause = own?.cause;
  const described =
    (typeof cause === 'object' && cause !== null ? describeSystemError(cause as SystemError) : undefined) ?? (own === undefined ? undefined : describeSystemError(own));
  if (described !== undefined) return described.includes(' ') ? described : `${described} ${hostOf(url)}`;
  if (error instanceof Error) return `${error.message} (${hostOf(url)})`;
  return `unknown error (${hostOf(url)})`;
}

/** `host:port` of the gateway URL (never its query, which holds the signed params). */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port === '' ? `${parsed.hostname}:${parsed.protocol === 'https:' ? 443 : 80}` : parsed.host;
  } catch {
    return 'the gateway';
  }
}

/**
 * Moves the operation's top-level params out of the request (stringified; absent ones left out)
 * and serialises what remains as `biz_content`, sent only when something remains or the method
 * has no top-level params (then `{}` is its documented empty biz_content).
 */
export function splitRequest(request: unknown, params: readonly string[] | undefined): { top: Record<string, string>; biz: string | undefined } {
  const top: Record<string, string> = {};
  if (params === undefined || params.length === 0) return { top, biz: JSON.stringify(request) };
  const rest: Record<string, unknown> = {};
  const source = request as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (!params.includes(key)) rest[key] = value;
    else if (value !== undefined && value !== null) top[key] = String(value);
  }
  return { top, biz: Object.keys(rest).length > 0 ? JSON.stringify(rest) : undefined };
}

const TRACE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The gateway's trace id: the `trace_id` header of gateway.do answers (where the official SDKs read
 * it), else `alipay-trace-id` (v3). Only an id-shaped value (letters, digits, `_`, `-`) is taken.
 */
export function traceIdOf(response: Pick<Response, 'headers'>): string | undefined {
  const headers = response.headers as Response['headers'] | undefined;
  if (headers === undefined || typeof headers.get !== 'function') return undefined;
  const value = headers.get('trace_id') ?? headers.get('alipay-trace-id');
  return value !== null && TRACE_ID.test(value) ? value : undefined;
}

/**
 * Reads the whole body, at most `limit` bytes: a declared Content-Length above it fails before
 * reading, and the stream is cancelled as soon as the bytes read pass it. Without `tooLarge`, the
 * first `limit` bytes are returned instead.
 */
export async function readBounded(response: Response, limit: number, tooLarge: (() => Error) | undefined): Promise<Uint8Array> {
  const declared = Number(response.headers?.get('content-length') ?? Number.NaN);
  if (declared > limit && tooLarge !== undefined) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const body = response.body;
  if (body === null || body === undefined) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => undefined);
      if (tooLarge !== undefined) throw tooLarge();
      // Without tooLarge: keep the first `limit` bytes.
      chunks.push(value.subarray(0, value.byteLength - (total - limit)));
      total = limit;
      break;
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** The start of a non-200 body, for AlipayHttpError (masked there); undefined when it cannot be read. */
export async function httpErrorBody(response: Response): Promise<string | undefined> {
  try {
    const text = utf8.decode(await readBounded(response, HTTP_ERROR_BODY_BYTES, undefined)).trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

interface Answer {
  readonly text: string;
  readonly traceId: string | undefined;
  /** The body as received, kept when it was not UTF-8 (the signature covers those bytes). */
  readonly bytes: Uint8Array | undefined;
}

/** What a call learnt of its answer, for the observers (also when it failed). */
interface Progress {
  status: number | undefined;
  traceId: string | undefined;
}

/** The fetch init of a form body, or of an upload's multipart body (a stream body needs `duplex: 'half'`). */
function requestInit(body: string | MultipartBody, signal: AbortSignal): RequestInit {
  if (typeof body === 'string') return { method: 'POST', headers: REQUEST_HEADERS, body, signal, redirect: 'manual' };
  // No content-length: fetch derives it from a Blob (a newer undici as global dispatcher refuses one set by hand).
  const headers: Record<string, string> = { 'content-type': body.contentType, accept: 'application/json' };
  return { method: 'POST', headers, body: body.body, signal, redirect: 'manual', ...(body.length === undefined && { duplex: 'half' }) } as RequestInit;
}

/** POSTs the signed request and reads the answer, under one timeout covering headers and body. */
async function send(client: AlipayClient, method: string, url: string, body: string | MultipartBody, options: CallOptions | undefined, progress: Progress): Promise<Answer> {
  const state = clientState(client);
  const timeoutMs = options?.timeoutMs === undefined ? client.timeoutMs : checkTimeoutMs(options.timeoutMs, 'options.timeoutMs');
  // One controller for our timeout and the caller's signal; the timer covers the body read too.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const userSignal = options?.signal;
  const onUserAbort = (): void => controller.abort(userSignal?.reason);
  if (userSignal !== undefined) {
    if (userSignal.aborted) {
      clearTimeout(timer);
      throw userSignal.reason;
    }
    userSignal.addEventListener('abort', onUserAbort, { once: true });
  }

  let traceId: string | undefined;
  try {
    let response: Response;
    try {
      // Never follow redirects: a 307/308 would re-post the signed request wherever Location points.
      const init = requestInit(body, controller.signal);
      // undici's extension of RequestInit: how the global fetch is routed through a proxy.
      if (state.dispatcher !== undefined) (init as Record<string, unknown>)['dispatcher'] = state.dispatcher;
      response = await state.fetch(url, init);
    } catch (error) {
      if (timedOut) throw new AlipayTimeoutError(method, timeoutMs);
      if (userSignal?.aborted === true) throw userSignal.reason;
      throw new AlipayNetworkError(`${method}: request failed: ${describeFailure(error, url)}`, method, { cause: error });
    }
    traceId = traceIdOf(response);
    progress.status = response.status;
    progress.traceId = traceId;
    if (response.status !== 200) {
      const redirect = response.status >= 300 && response.status < 400;
      if (redirect) {
        response.body?.cancel().catch(() => undefined);
        throw new AlipayHttpError(method, response.status, { traceId, detail: 'redirect refused (redirects are never followed)' });
      }
      throw new AlipayHttpError(method, response.status, { traceId, body: await httpErrorBody(response) });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBounded(response, client.maxResponseBytes, () => new AlipayResponseTooLargeError(method, client.maxResponseBytes, { traceId }));
    } catch (error) {
      if (error instanceof AlipayResponseTooLargeError) throw error;
      if (timedOut) throw new AlipayTimeoutError(method, timeoutMs, { traceId });
      if (userSignal?.aborted === true) throw userSignal.reason;
      throw new AlipayMalformedResponseError(`${method}: response body ended early`, method, { cause: error, traceId });
    }
    const charset = declaredCharset(response.headers?.get('content-type'));
    // Buffer's UTF-8 decoding is the cheaper one on Node 20 for small bodies.
    if (charset === 'utf-8') return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), traceId, bytes: undefined };
    return { text: decoderFor(charset).decode(bytes), traceId, bytes };
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

/**
 * Calls `op` on the gateway and resolves with the verified answer: `{ status: 'success', response }`
 * for code 10000, `{ status: 'pending', response }` for 10003 (业务处理中), both with the trace id.
 * Rejects with AlipayValidationError, AlipayConfigError (a bad per-call option), AlipayHttpError,
 * AlipayTimeoutError, AlipayNetworkError, AlipayResponseTooLargeError, AlipayMalformedResponseError,
 * AlipaySignatureError or AlipayApiError (and with the abort reason when `options.signal` aborts).
 */
export async function invokeResult<Req, Res, Code extends string>(
  client: AlipayClient,
  op: Operation<Req, Res, Code>,
  request: Req,
  options?: CallOptions,
): Promise<CallResult<Res>> {
  const method = op.method;
  const issues = op.validateRequest(request);
  if (issues.length > 0) throw new AlipayValidationError('request', method, issues);
  // A method with a v3 route goes there when the call or the client asks for v3; others stay on v2.
  if (op.v3 !== undefined && (options?.protocol ?? client.protocol) === 'v3') return invokeV3(client, op, op.v3, request, options);

  const state = clientState(client);
  // Upload methods: files leave the request first (never signed); with files, biz_content goes only when fields remain.
  const uploads = op.files === undefined ? undefined : splitFiles(request, op.files);
  const { top, biz: plainBiz } = uploads === undefined ? splitRequest(request, op.params) : splitRequest(uploads.rest, [...(op.params ?? []), ...op.files!]);
  const encrypt = state.aesKey !== undefined && plainBiz !== undefined && (options?.encrypt ?? true);
  if (options?.encrypt === true && state.aesKey === undefined) throw new AlipayConfigError(`${method}: options.encrypt needs the client option aesKey`);
  const encrypted = encrypt ? encryptedBizContent(plainBiz!, state.aesKey!) : undefined;
  const biz = encrypted?.biz_content ?? plainBiz;
  const policy = callPolicy(client, options?.retry);
  // An upload is never resent: a stream can be read only once.
  const retrying = uploads === undefined && policy !== undefined && policy.attempts > 1 && mayRetry(method, request, options?.idempotencyKey) ? policy : undefined;
  const params: Record<string, string | undefined> = {
    ...top,
    app_id: client.appId,
    method,
    format: 'JSON',
    charset: client.charset,
    sign_type: client.signType,
    timestamp: formatTimestamp(),
    version: '1.0',
    app_auth_token: options?.appAuthToken,
    auth_token: options?.authToken,
    terminal_type: options?.terminalType,
    terminal_info: options?.terminalInfo,
    prod_code: options?.prodCode,
    notify_url: options?.notifyUrl,
    return_url: options?.returnUrl,
    app_cert_sn: state.certMode?.appCertSn,
    alipay_root_cert_sn: state.certMode?.rootCertSn,
    encrypt_type: encrypted?.encrypt_type,
    biz_content: biz,
  };
  const signed = buildSignedRequest(client.gateway, params, state.privateKey, client.signType, op.params);
  // The body's params (text params, biz_content) become form fields; the query is the same as for calls.
  const body = uploads === undefined ? signed.body : buildMultipartBody([...new URLSearchParams(signed.body)], uploads.files);

  const progress: Progress = { status: undefined, traceId: undefined };
  const observers = state.observers;
  const attempt = async (): Promise<CallResult<Res>> => interpret(client, op, await send(client, method, signed.url, body, options, progress), options, encrypt);
  if (observers === undefined) return withRetries(retrying, options?.signal, attempt);

  emitRequest(observers, method, client.gateway, params);
  const started = performance.now();
  const ended = (outcome: 'success' | 'pending' | 'error', error?: unknown): void =>
    emitResponse(observers, {
      method,
      status: progress.status,
      traceId: progress.traceId,
      outcome,
      ...(error === undefined ? {} : { error: describeError(error) }),
      durationMs: performance.now() - started,
    });
  try {
    const result = await withRetries(retrying, options?.signal, attempt);
    ended(result.status);
    return result;
  } catch (error) {
    ended('error', error);
    throw error;
  }
}

/** An error as observers may see it: its class name and masked message, nothing else. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: maskPersonalData(error.message) };
  return { name: typeof error, message: '' };
}

/** Scans, verifies and parses the answer into a result, or throws the error it stands for. */
function interpret<Req, Res, Code extends string>(
  client: AlipayClient,
  op: Operation<Req, Res, Code>,
  answer: Answer,
  options: CallOptions | undefined,
  encrypted: boolean = false,
): CallResult<Res> {
  const method = op.method;
  const { text, traceId } = answer;
  const scanned = extractResponseNode(text, method, traceId);
  const node =
    answer.bytes === undefined ? scanned : { ...scanned, bytes: gbkByteRange(answer.bytes, text, scanned.rawStart, scanned.rawStart + scanned.raw.length) ?? new Uint8Array(0) };
  const malformed = (why: string): AlipayMalformedResponseError =>
    new AlipayMalformedResponseError(`${method}: the ${node.key} node ${why}`, method, { traceId });
  let parsed: unknown;
  try {
    parsed = JSON.parse(node.raw);
  } catch {
    throw malformed('is not valid JSON');
  }
  const state = clientState(client);
  const key = (): KeyObject => (state.certMode === undefined ? state.publicKey! : alipayKeyFor(state.certMode, node.certSn, method, traceId));
  // An encrypted answer (a string of ciphertext): its signature covers the quoted ciphertext and
  // is checked before decrypting. It is never an unsigned failure (those come as plain objects).
  let verifiedEarly = false;
  if (typeof parsed === 'string' && encrypted && !node.isErrorResponse) {
    if (client.verifyResponseSign) verifiedEarly = checkResponseSignature(node, key(), client.signType, method, false, traceId);
    parsed = decryptAnswer(parsed, state.aesKey!, method, node.key, traceId);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('is not an object');
  const result = parsed as ResponseBase & Record<string, unknown>;
  if (typeof result.code !== 'string') throw malformed('has no code');
  const code = result.code;
  // An error_response is never a success nor pending, whatever it claims.
  if (node.isErrorResponse && (code === SUCCESS || code === PENDING)) throw malformed(`has code ${code}`);
  const failure = code !== SUCCESS && code !== PENDING;
  const verified = verifiedEarly || (client.verifyResponseSign && checkResponseSignature(node, key(), client.signType, method, failure, traceId));
  if (failure) throw new AlipayApiError<Code>(method, result, { signed: verified, traceId });
  if (code === PENDING) return { status: 'pending', response: result as PendingResponse<Res>, traceId };

  if (options?.validateResponse ?? client.validateResponse) {
    const problems = op.validateResponse(result);
    if (problems.length > 0) throw new AlipayValidationError('response', method, problems, { traceId });
  }
  return { status: 'success', response: result as Res, traceId };
}

/**
 * Calls `op` and resolves with the verified response node of a success (code 10000); every other
 * answer rejects, a pending one (10003) with an AlipayApiError of code 10003 (its `response` holds
 * trade_no ...). Kept for method modules generated before invokeResult; new code calls invokeResult.
 */
export async function invoke<Req, Res, Code extends string>(
  client: AlipayClient,
  op: Operation<Req, Res, Code>,
  request: Req,
  options?: CallOptions,
): Promise<Res> {
  const result = await invokeResult(client, op, request, options);
  if (result.status === 'pending') throw new AlipayApiError<Code>(op.method, result.response, { traceId: result.traceId });
  return result.response;
}
