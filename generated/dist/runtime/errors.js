import { maskPersonalData } from './mask.js';
/** Base class of every error thrown by the runtime. */
export class AlipayError extends Error {
    name = 'AlipayError';
    /** The gateway method of the call that failed, when there was one. */
    method;
    constructor(message, method, options) {
        super(maskPersonalData(message), options);
        this.method = method;
    }
}
/** The client was configured wrongly (unreadable key, bad option). Never repeats the key itself. */
export class AlipayConfigError extends AlipayError {
    name = 'AlipayConfigError';
}
/** A generated validator found problems in the request (before sending) or in the response. */
export class AlipayValidationError extends AlipayError {
    name = 'AlipayValidationError';
    /** Every problem found, with its path. */
    issues;
    /** Whether the request (never sent) or the response failed validation. */
    target;
    constructor(target, method, issues) {
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
/**
 * The gateway answered with a code other than `10000`. `code`/`msg` are the gateway's (40004 ...),
 * `sub_code`/`sub_msg` the business error. `sub_msg` and the message are masked for personal data;
 * the unmasked answer is in `response` (not enumerable, so logging the error does not dump it).
 */
export class AlipayApiError extends AlipayError {
    name = 'AlipayApiError';
    code;
    msg;
    sub_code;
    sub_msg;
    constructor(method, response) {
        // Normalise: a gateway answer may omit msg or carry non-string junk; the fields stay strings.
        const code = String(response.code);
        const msg = typeof response.msg === 'string' ? response.msg : '';
        const sub_code = typeof response.sub_code === 'string' ? response.sub_code : undefined;
        const sub_msg = typeof response.sub_msg === 'string' ? response.sub_msg : undefined;
        const detail = sub_code === undefined ? '' : ` ${sub_code}${sub_msg === undefined ? '' : ` (${sub_msg})`}`;
        super(`${method}: ${code} ${msg}${detail}`, method);
        this.code = code;
        this.msg = msg;
        this.sub_code = sub_code;
        this.sub_msg = sub_msg === undefined ? undefined : maskPersonalData(sub_msg);
        Object.defineProperty(this, 'response', { value: response, enumerable: false });
    }
}
/** The response signature is missing or does not verify with the Alipay public key. */
export class AlipaySignatureError extends AlipayError {
    name = 'AlipaySignatureError';
}
/** The gateway answered with an HTTP status other than 200. */
export class AlipayHttpError extends AlipayError {
    name = 'AlipayHttpError';
    status;
    constructor(method, status) {
        super(`${method}: HTTP ${status} from the gateway`, method);
        this.status = status;
    }
}
/** No complete answer within the timeout. */
export class AlipayTimeoutError extends AlipayError {
    name = 'AlipayTimeoutError';
    timeoutMs;
    constructor(method, timeoutMs) {
        super(`${method}: no answer within ${timeoutMs} ms`, method);
        this.timeoutMs = timeoutMs;
    }
}
/** The body is not a gateway answer: not JSON, truncated, no response node, or two of them. */
export class AlipayMalformedResponseError extends AlipayError {
    name = 'AlipayMalformedResponseError';
}
/** The request did not get through: DNS, connection refused or reset, TLS. */
export class AlipayNetworkError extends AlipayError {
    name = 'AlipayNetworkError';
}
/**
 * True when `error` is an API error of `op`'s method whose `sub_code` is one of the method's
 * documented business error codes, so `error.sub_code` narrows to that union. Gateway-level
 * failures (isv.* sub codes, missing sub_code) are AlipayApiErrors but do not narrow.
 */
export function isApiErrorOf(op, error) {
    if (!(error instanceof AlipayApiError) || error.method !== op.method)
        return false;
    const sub = error.sub_code;
    return sub !== undefined && op.errorCodes.includes(sub);
}
