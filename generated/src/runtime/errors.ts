/**
 * Error classes thrown by the runtime. Users can `instanceof` each one; all extend AlipayError.
 * No error holds the client, its config or any key: only what describes the failure. Every string
 * field is masked for personal data and tokens when the error is made, and `toJSON` / util.inspect
 * show only those masked fields (never `cause` objects nor the raw `response` of an API error).
 */
import type { Operation, ResponseBase, ValidationIssue } from './contract.js';
import { maskPersonalData } from './mask.js';

/** What every runtime error may carry besides its message. */
export interface AlipayErrorOptions {
  cause?: unknown;
  /** The gateway's trace id of the answer that failed (`trace_id` header). */
  traceId?: string | undefined;
}

/** Base class of every error thrown by the runtime. */
export class AlipayError extends Error {
  override name: string = 'AlipayError';
  /** The gateway method of the call that failed, when there was one. */
  readonly method: string | undefined;
  /** The gateway's trace id when the failure came with an answer (quote it to Alipay support). */
  readonly traceId: string | undefined;

  constructor(message: string, method?: string, options?: AlipayErrorOptions) {
    super(maskPersonalData(message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.method = method === undefined ? undefined : maskPersonalData(method);
    this.traceId = options?.traceId;
  }

  /** The masked fields only: name, message and the error's own enumerable fields. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of Object.keys(this)) {
      if (key === 'cause') continue;
      const value = (this as unknown as Record<string, unknown>)[key];
      // The trace id is kept whole (it is what Alipay support asks for); traceIdOf admits only [A-Za-z0-9_-].
      out[key] = key === 'traceId' ? value : maskValue(value);
    }
    if (this.cause !== undefined) out['cause'] = describeCause(this.cause);
    return out;
  }
}

function maskValue(value: unknown): unknown {
  return typeof value === 'string' ? maskPersonalData(value) : value;
}

/** A cause as a masked one-line text: its own fields could hold anything (URLs, sockets). */
function describeCause(cause: unknown): string {
  const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : typeof cause === 'string' ? cause : typeof cause;
  return maskPersonalData(text);
}

type InspectFn = (value: unknown, options: unknown) => string;

// util.inspect (console.log) of any runtime error: the masked stack plus the toJSON fields, also
// with showHidden. Defined through the well-known symbol so the runtime does not import node:util.
Object.defineProperty(AlipayError.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value(this: AlipayError, _depth: number, options: unknown, inspect: InspectFn): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const head = maskPersonalData(this.stack ?? `${this.name}: ${this.message}`);
    return Object.keys(fields).length === 0 ? head : `${head} ${inspect(fields, options)}`;
  },
});

/** The client was configured wrongly (unreadable key, bad option). Never repeats the key itself. */
export class AlipayConfigError extends AlipayError {
  override name: string = 'AlipayConfigError';
}

/** A generated validator found problems in the request (before sending) or in the response. */
export class AlipayValidationError extends AlipayError {
  override name: string = 'AlipayValidationError';
  /** Every problem found, with its path. */
  readonly issues: readonly ValidationIssue[];
  /** Whether the request (never sent) or the response failed validation. */
  readonly target: 'request' | 'response';

  constructor(target: 'request' | 'response', method: string, issues: readonly ValidationIssue[], options?: AlipayErrorOptions) {
    const list = issues
      .slice(0, 10)
      .map((i) => `${i.path || '(root)'}: ${i.message}`)
      .join('; ');
    const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
    super(`${method}: invalid ${target}: ${list}${more}`, method, options);
    this.issues = issues.map((i) => ({ path: maskPersonalData(i.path), rule: i.rule, message: maskPersonalData(i.message) }));
    this.target = target;
  }
}

/** Fields of an API error, named as on the wire. */
export interface ApiErrorFields<Code extends string = string> {
  code: string;
  msg: string;
  sub_code?: Code | undefined;
  sub_msg?: string | undefined;
}

/**
 * The gateway answered with a code other than `10000` (success) or `10003` (pending). `code`/`msg`
 * are the gateway's (40004 ...), `sub_code`/`sub_msg` the business error; all four are masked for
 * personal data. `signed` tells whether the answer's signature was verified: real gateways answer
 * some failures (unknown app_id, bad signature) without `sign`, and such an answer is reported with
 * its codes but `signed: false` (it could have been written by anyone on the path).
 * The raw answer is in `response` (not enumerable, and left out of toJSON and inspect).
 */
export class AlipayApiError<Code extends string = string> extends AlipayError {
  override name: string = 'AlipayApiError';
  declare readonly method: string;
  readonly code: string;
  readonly msg: string;
  readonly sub_code: Code | undefined;
  readonly sub_msg: string | undefined;
  /** True when the answer carried a `sign` that verified with the Alipay public key. */
  readonly signed: boolean;
  /** The parsed response node (`<method>_response` or `error_response`), as received, unmasked. */
  declare readonly response: ResponseBase & Record<string, unknown>;

  constructor(method: string, response: ResponseBase & Record<string, unknown>, options?: AlipayErrorOptions & { signed?: boolean }) {
    // Normalise: a gateway answer may omit msg or carry non-string junk; the fields stay strings.
    const code = maskPersonalData(String(response.code));
    const msg = typeof response.msg === 'string' ? maskPersonalData(response.msg) : '';
    const sub_code = typeof response.sub_code === 'string' ? maskPersonalData(response.sub_code) : undefined;
    const sub_msg = typeof response.sub_msg === 'string' ? maskPersonalData(response.sub_msg) : undefined;
    const signed = options?.signed ?? true;
    const detail = sub_code === undefined ? '' : ` ${sub_code}${sub_msg === undefined ? '' : ` (${sub_msg})`}`;
    super(`${method}: ${code} ${msg}${detail}${signed ? '' : ' [unsigned answer]'}`, method, options);
    this.code = code;
    this.msg = msg;
    this.sub_code = sub_code as Code | undefined;
    this.sub_msg = sub_msg;
    this.signed = signed;
    Object.defineProperty(this, 'response', { value: response, enumerable: false });
  }
}

/** The response signature is missing or does not verify with the Alipay public key. */
export class AlipaySignatureError extends AlipayError {
  override name: string = 'AlipaySignatureError';
}

/** The gateway answered with an HTTP status other than 200 (redirects included: they are never followed). */
export class AlipayHttpError extends AlipayError {
  override name: string = 'AlipayHttpError';
  readonly status: number;
  /** The start of the answer's body (at most 2 KB), masked; undefined when empty or unread (redirects). */
  readonly body: string | undefined;

  constructor(method: string, status: number, options?: AlipayErrorOptions & { detail?: string; body?: string | undefined }) {
    const detail = options?.detail === undefined ? '' : `: ${options.detail}`;
    super(`${method}: HTTP ${status} from the gateway${detail}`, method, options);
    this.status = status;
    this.body = options?.body === undefined ? undefined : maskPersonalData(options.body);
  }
}

/** No complete answer within the timeout. */
export class AlipayTimeoutError extends AlipayError {
  override name: string = 'AlipayTimeoutError';
  readonly timeoutMs: number;

  constructor(method: string, timeoutMs: number, options?: AlipayErrorOptions) {
    super(`${method}: no answer within ${timeoutMs} ms`, method, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The answer is larger than the client's `maxResponseBytes`; reading stopped there. */
export class AlipayResponseTooLargeError extends AlipayError {
  override name: string = 'AlipayResponseTooLargeError';
  readonly maxResponseBytes: number;

  constructor(method: string, maxResponseBytes: number, options?: AlipayErrorOptions) {
    super(`${method}: the answer is larger than maxResponseBytes (${maxResponseBytes} bytes)`, method, options);
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** The body is not a gateway answer: not JSON, truncated, no response node, or two of them. */
export class AlipayMalformedResponseError extends AlipayError {
  override name: string = 'AlipayMalformedResponseError';
}

/** The request did not get through: DNS, connection refused or reset, TLS. */
export class AlipayNetworkError extends AlipayError {
  override name: string = 'AlipayNetworkError';
}

/**
 * True when `error` is an API error of `op`'s method whose `sub_code` is one of the method's
 * documented business error codes, so `error.sub_code` narrows to that union. Gateway-level
 * failures (isv.* sub codes, missing sub_code) are AlipayApiErrors but do not narrow.
 */
export function isApiErrorOf<Code extends string>(
  op: Operation<unknown, unknown, Code>,
  error: unknown,
): error is AlipayApiError<Code> & { readonly sub_code: Code } {
  if (!(error instanceof AlipayApiError) || error.method !== op.method) return false;
  const sub = error.sub_code;
  return sub !== undefined && (op.errorCodes as readonly string[]).includes(sub);
}

/** Why a notification was refused (see AlipayNotifyError). */
export type NotifyFailure =
  /** The body was URL-decoded before it reached us (a raw form body has no spaces nor non-ASCII text; a base64 sign has no space). */
  | 'decoded'
  /** Not a form body: a pair without `=`, a param given twice, an undecodable value or an unknown charset. */
  | 'malformed'
  /** No `sign` param. */
  | 'missing-sign'
  /** The sign does not verify with the client's Alipay public key (a wrong key, or a changed body). */
  | 'bad-signature'
  /** A verified notification for another app_id than the client's. */
  | 'app-id'
  /** Verified, but its fields do not match the method's notification fields. */
  | 'invalid';

/**
 * An asynchronous notification (异步通知) was refused: `reason` says why. Answer anything but
 * `success` and Alipay sends it again later. Like every error, the message is masked and never
 * repeats the body, the sign or a key.
 */
export class AlipayNotifyError extends AlipayError {
  override name: string = 'AlipayNotifyError';
  readonly reason: NotifyFailure;
  /** The problems found when `reason` is `invalid`; empty otherwise. */
  readonly issues: readonly ValidationIssue[];

  constructor(method: string, reason: NotifyFailure, detail: string, issues: readonly ValidationIssue[] = []) {
    super(`${method}: notification refused (${reason}): ${detail}`, method);
    this.reason = reason;
    this.issues = issues.map((i) => ({ path: maskPersonalData(i.path), rule: i.rule, message: maskPersonalData(i.message) }));
  }
}
