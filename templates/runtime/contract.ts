/**
 * The contract between generated method modules and the runtime. Generated code imports only
 * what is declared here (and the names re-exported by ./index.ts); the runtime implements it.
 * Changing this file changes every generated module: keep it small and stable.
 */

/** One problem found by a generated validator. `path` is dotted with [i] for array items: `front_text_list[0].label`. */
export interface ValidationIssue {
  path: string;
  /** Which rule failed (`oneOf`: not exactly one field of a one-of group is present; the path is the object's). */
  rule: 'required' | 'type' | 'maxLength' | 'enum' | 'format' | 'unknown' | 'oneOf';
  /** Human-readable, in English; never contains the offending value (it may be personal data). */
  message: string;
}

/** A generated validator: returns every problem found, an empty array when the value is valid. */
export type Validator = (value: unknown) => ValidationIssue[];

/**
 * What a generated method module hands to the runtime for one gateway method.
 * `Code` is the union of the method's documented business error codes (the 业务错误码 table).
 */
export interface Operation<Req, Res, Code extends string = string> {
  /** Wire name, e.g. `alipay.marketing.card.query`. */
  readonly method: string;
  readonly validateRequest: Validator;
  readonly validateResponse: Validator;
  /** The documented business error codes, for error messages and type narrowing. */
  readonly errorCodes: readonly Code[];
  /**
   * Request fields sent as top-level form params (signed beside the protocol params) instead of
   * inside `biz_content`, e.g. `grant_type` of `alipay.system.oauth.token`. Absent when none.
   */
  readonly params?: readonly string[];
  /**
   * File params (upload methods): sent as multipart/form-data file parts beside the signed text
   * params, never signed. Absent when none.
   */
  readonly files?: readonly string[];
  /**
   * The method's v3 (RESTful) route, e.g. `{ method: 'POST', path: '/v3/alipay/trade/query' }`.
   * Absent when the method has none: it is then always called over v2 (gateway.do).
   */
  readonly v3?: V3Route;
  /** Phantom fields so an Operation carries its request/response types; never set at run time. */
  readonly __types?: { request: Req; response: Res };
}

/**
 * Anything with a size and its bytes: a Blob or File (global in Node 18+ and browsers), without
 * depending on the DOM or Node type libraries.
 */
export interface AlipayBlobLike {
  readonly size: number;
  /** The MIME type, `''` when unknown. */
  readonly type?: string;
  /** A File's name. */
  readonly name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A file's bytes: a Uint8Array (a Node Buffer is one), a Blob or File, or a stream (a Node Readable, any async iterable of byte chunks). */
export type AlipayFileData = Uint8Array | AlipayBlobLike | AsyncIterable<Uint8Array>;

/** A file's bytes with the name and MIME type its part announces (defaults: a File's own, else the field name and `application/octet-stream`). */
export interface AlipayFileParts {
  readonly data: AlipayFileData;
  readonly filename?: string;
  /** A MIME type such as `image/png` (no line breaks; checked by the validator). */
  readonly contentType?: string;
}

/** The value of a `file` field: the bytes alone, or with a filename and content type. */
export type AlipayFile = AlipayFileData | AlipayFileParts;

/** Which protocol a call uses: `v2` (gateway.do, the default) or `v3` (RESTful, JSON, signed headers). */
export type AlipayProtocol = 'v2' | 'v3';

/** An HTTP method of a v3 route. */
export type V3HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where a method is served over v3 (see v3-request.ts for where each request field goes). */
export interface V3Route {
  readonly method: V3HttpMethod;
  /** `/v3/alipay/trade/query`; a `{name}` segment is the request field `name`, sent in the path. */
  readonly path: string;
  /** Request fields sent in the query string (a GET route sends every field not in the path there). */
  readonly query?: readonly string[];
}

/** Common response fields of every gateway answer (公共响应参数), besides `sign`. */
export interface ResponseBase {
  /** 网关返回码: `10000` on success. */
  code: string;
  /** 网关返回码描述 */
  msg: string;
  /** 业务返回码 (present on failure) */
  sub_code?: string;
  /** 业务返回码描述 (present on failure) */
  sub_msg?: string;
}

/**
 * The fields of a `10003` (业务处理中, e.g. alipay.trade.pay waiting for the buyer) answer: the common
 * fields, and whichever of the method's fields the gateway already filled (`trade_no`, ...).
 */
export type PendingResponse<Res> = ResponseBase & { readonly code: '10003' } & Partial<Omit<Res, keyof ResponseBase>>;

/** A verified answer with code `10000`. */
export interface CallSuccess<Res> {
  readonly status: 'success';
  readonly response: Res;
  /** The gateway's trace id (`trace_id` header), when it sent one. */
  readonly traceId: string | undefined;
}

/**
 * A verified answer with code `10003`: accepted but not finished. Not a failure (the payment often
 * completes); poll the method's query (e.g. alipay.trade.query) or wait for the notification.
 */
export interface CallPending<Res> {
  readonly status: 'pending';
  readonly response: PendingResponse<Res>;
  readonly traceId: string | undefined;
}

/** What a call resolves to: narrow on `status`. Every other answer rejects with an AlipayError. */
export type CallResult<Res> = CallSuccess<Res> | CallPending<Res>;

/** Per-call options accepted by every generated method function. */
export interface CallOptions {
  /** 应用授权令牌 (`app_auth_token`), for calls on behalf of a merchant (third-party apps). */
  appAuthToken?: string;
  /** 用户授权令牌 (`auth_token`, the user's access_token), for methods that act for a user. */
  authToken?: string;
  /** `terminal_type` (Java SDK request option). */
  terminalType?: string;
  /** `terminal_info` (Java SDK request option). */
  terminalInfo?: string;
  /** `prod_code`, the product code some methods take as a protocol param (Java SDK request option). */
  prodCode?: string;
  notifyUrl?: string;
  returnUrl?: string;
  /** Overrides the client's timeout for this call: an integer number of ms, 1 to 2147483647. */
  timeoutMs?: number;
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Run the generated response validator on the answer and fail on problems (default: the client's setting, false). */
  validateResponse?: boolean;
  /** Send this call's biz_content AES-encrypted (default: true when the client has an aesKey). */
  encrypt?: boolean;
  /** Overrides the client's retry policy for this call (`false`: no retries). Only eligible calls retry (retry.ts). */
  retry?: { attempts: number; backoffMs?: number; maxBackoffMs?: number } | false;
  /**
   * The request field that holds this call's idempotency key (`out_trade_no`, `out_request_no`,
   * `out_biz_no` ...): naming it allows retries of a method that is not a query. It must be set.
   */
  idempotencyKey?: string;
  /**
   * `v3` calls the method's v3 route (default: the client's `protocol`, itself `v2` by default). A
   * method without a v3 route is called over v2 whatever this says.
   */
  protocol?: AlipayProtocol;
}
