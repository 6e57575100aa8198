/**
 * Public entry of the runtime shipped inside the generated package. Generated method modules import
 * from here; users import the client, errors and helpers from here too.
 */
export type {
  AlipayProtocol,
  CallOptions,
  CallPending,
  CallResult,
  CallSuccess,
  Operation,
  PendingResponse,
  ResponseBase,
  ValidationIssue,
  Validator,
  V3HttpMethod,
  V3Route,
} from './contract.js';
export {
  AlipayClient,
  createAlipayClient,
  DEFAULT_GATEWAY,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  type AlipayClientConfig,
  type FetchLike,
} from './client.js';
export { invoke, invokeResult, traceIdOf } from './invoke.js';
export { isDateTime, isPrice } from './formats.js';
export { alipayFileSize, isAlipayFile, isMimeType } from './multipart.js';
export type { AlipayBlobLike, AlipayFile, AlipayFileData, AlipayFileParts } from './contract.js';
export {
  AlipayApiError,
  AlipayConfigError,
  AlipayError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipayNetworkError,
  AlipayResponseTooLargeError,
  AlipaySignatureError,
  AlipayTimeoutError,
  AlipayValidationError,
  isApiErrorOf,
  type AlipayErrorOptions,
  type ApiErrorFields,
} from './errors.js';
export { maskParams, maskPersonalData } from './mask.js';
export type { AlipayLogger, RequestEvent, ResponseEvent } from './observe.js';
export { detectKeyEncoding, loadPrivateKey, loadPublicKey, type KeyEncoding, type KeyInput } from './keys.js';
export { buildSignContent, signContent, verifyContent, type SignParams, type SignType } from './sign.js';
export { formatTimestamp } from './timestamp.js';
export { buildSignedRequest, type SignedRequest } from './request.js';
export { extractResponseNode, responseNodeKey, type ResponseNode } from './response.js';
export { checkResponseSignature } from './verify.js';
export { aesDecrypt, aesEncrypt } from './aes.js';
export { certSn, isRsaSigned, rootCertSn } from './cert.js';
export { notifySignContent, verifyNotify, type NotifyParams, type NotifyVersion } from './notify.js';
export { createNodeTransport, type NodeTransportOptions } from './node-transport.js';
export { alipayKeyFor, loadCertMode, type AlipayCertConfig, type CertInput, type CertMode } from './cert-mode.js';
export { checkAesKey, decryptAnswer, encryptedBizContent } from './aes-call.js';
export { backoffDelay, isRetryableFailure, mayRetry, retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
export { AlipayV3ApiError, type V3ErrorBody, type V3ErrorLink } from './v3-errors.js';
export {
  buildV3AuthString,
  buildV3SignString,
  parseV3Authorization,
  signV3Answer,
  signV3Request,
  V3_AUTH_SCHEME,
  v3AnswerSignedBytes,
  verifyV3Answer,
  verifyV3Request,
  type ParsedV3Authorization,
  type V3AuthParams,
  type V3SignedParts,
} from './v3-sign.js';
export { buildV3Target, v3HasBody, v3PathParams, type V3Target } from './v3-request.js';
export { buildV3Headers } from './v3-invoke.js';
export { checkV3AlipaySn, decryptV3Answer, encryptV3Body, v3CertHeaders } from './v3-modes.js';
export { pageRequest, pageRequestOf, escapeHtml, type PageRequest } from './page.js';
export { appOrderString, appOrderStringOf } from './app.js';
export { browserParams, signParams, type BrowserRequestOptions, type SignedParams } from './page-params.js';
export { parseNotification, type NotifyBody, type NotifyOperation, type NotifyOptions } from './notify-parse.js';
export { AlipayNotifyError, type NotifyFailure } from './errors.js';
