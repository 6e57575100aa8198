/**
 * Error classes thrown by the runtime. Users can `instanceof` each one; all extend AlipayError.
 * No error holds the client, its config or any key: only what describes the failure.
 */
import type { Operation, ResponseBase, ValidationIssue } from './contract.js';
import { maskPersonalData } from './mask.js';

/** Base class of every error thrown by the runtime. */
export class AlipayError extends Error {
  override name: string = 'AlipayError';
  /** The gateway method of the call that failed, when there was one. */
  readonly method: string | undefined;

  constructor(message: string, method?: string, options?: { cause?: unknown }) {
    super(maskPersonalData(message), options);
    this.method = method;
  }
}

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

  constructor(target: 'request' | 'response', method: string, issues: readonly ValidationIssue[]) {
    const list = issues
      .slice(0, 10)
      .map((i) => `${i.path || '(root)'}: ${i.message}`)
      .join('; ');
    const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
    super(`${method}: invalid ${target}: ${list}${more}`, method);
    this.issues = issues;
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
 * The gateway answered with a code other than `10000`. `code`/`msg` are the gateway's (40004 ...),
 * `sub_code`/`sub_msg` the business error. `sub_msg` and the message are masked for personal data;
 * the unmasked answer is in `response` (not enumerable, so logging the error does not dump it).
 */
export class AlipayApiError<Code extends string = string> extends AlipayError {
  override name: string = 'AlipayApiError';
  declare readonly method: string;
  readonly code: string;
  readonly msg: string;
  readonly sub_code: Code | undefined;
  readonly sub_msg: string | undefined;
  /** The parsed response node (`<method>_response` or `error_response`), as received. */
  declare readonly response: ResponseBase & Record<string, unknown>;

  constructor(method: string, response: ResponseBase & Record<string, unknown>) {
    // Normalise: a gateway answer may omit msg or carry non-string junk; the fields stay strings.
    const code = String(response.code);
    const msg = typeof response.msg === 'string' ? response.msg : '';
    const sub_code = typeof response.sub_code === 'string' ? response.sub_code : undefined;
    const sub_msg = typeof response.sub_msg === 'string' ? response.sub_msg : undefined;
    const detail = sub_code === undefined ? '' : ` ${sub_code}${sub_msg === undefined ? '' : ` (${sub_msg})`}`;
    super(`${method}: ${code} ${msg}${detail}`, method);
    this.code = code;
    this.msg = msg;
    this.sub_code = sub_code as Code | undefined;
    this.sub_msg = sub_msg === undefined ? undefined : maskPersonalData(sub_msg);
    Object.defineProperty(this, 'response', { value: response, enumerable: false });
  }
}

/** The response signature is missing or does not verify with the Alipay public key. */
export class AlipaySignatureError extends AlipayError {
  override name: string = 'AlipaySignatureError';
}

/** The gateway answered with an HTTP status other than 200. */
export class AlipayHttpError extends AlipayError {
  override name: string = 'AlipayHttpError';
  readonly status: number;

  constructor(method: string, status: number) {
    super(`${method}: HTTP ${status} from the gateway`, method);
    this.status = status;
  }
}

/** No complete answer within the timeout. */
export class AlipayTimeoutError extends AlipayError {
  override name: string = 'AlipayTimeoutError';
  readonly timeoutMs: number;

  constructor(method: string, timeoutMs: number) {
    super(`${method}: no answer within ${timeoutMs} ms`, method);
    this.timeoutMs = timeoutMs;
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
