/**
 * The signed params of a request the server does not send itself: a page method's (the browser
 * submits it) or an app method's (the Alipay app does). Validated first, like a call; signed with
 * the app key; in the order the official Node SDK builds them (its pageExecute/sdkExecute), so the
 * URL, the form and the order string have the same bytes as its output for the same inputs.
 */
import type { CallOptions, Operation } from './contract.js';
import { clientState, type AlipayClient } from './client.js';
import { AlipayValidationError } from './errors.js';
import { splitRequest } from './invoke.js';
import { buildSignContent, signContent } from './sign.js';
import { formatTimestamp } from './timestamp.js';

/** The per-call options a browser or app request signs: the merchant's token and the callback URLs. */
export type BrowserRequestOptions = Pick<CallOptions, 'appAuthToken' | 'notifyUrl' | 'returnUrl'>;

/** Signed params in wire order, `sign` last, blank values left out (they are neither signed nor sent). */
export interface SignedParams {
  readonly params: Readonly<Record<string, string>>;
  /** The exact string that was signed (to debug `isv.invalid-signature`). */
  readonly signContent: string;
  readonly sign: string;
}

/** Signs `params` as given (their order is kept) and appends `sign`; blank values are dropped. */
export function signParams(params: Readonly<Record<string, string | undefined>>, client: AlipayClient): SignedParams {
  // Null-prototype: a param named `__proto__` is signed and sent like any other.
  const kept = Object.create(null) as Record<string, string>;
  for (const key in params) {
    const value = params[key];
    if (value !== undefined && value.trim() !== '' && key !== 'sign') kept[key] = value;
  }
  const content = buildSignContent(kept);
  const sign = signContent(content, clientState(client).privateKey, client.signType);
  kept['sign'] = sign;
  return { params: kept, signContent: content, sign };
}

/**
 * Validates `request` (AlipayValidationError before anything is signed) and signs the method's
 * params. `timestamp` is for tests; the default is now, in UTC+8.
 */
export function browserParams<Req, Res, Code extends string>(
  client: AlipayClient,
  op: Operation<Req, Res, Code>,
  request: Req,
  options?: BrowserRequestOptions,
  timestamp: string = formatTimestamp(),
): SignedParams {
  const issues = op.validateRequest(request);
  if (issues.length > 0) throw new AlipayValidationError('request', op.method, issues);
  const { top, biz } = splitRequest(request, op.params);
  return signParams(
    {
      method: op.method,
      app_id: client.appId,
      charset: client.charset,
      version: '1.0',
      sign_type: client.signType,
      timestamp,
      app_auth_token: options?.appAuthToken,
      notify_url: options?.notifyUrl,
      return_url: options?.returnUrl,
      ...top,
      // Certificate mode: the serials the gateway checks (where alipay-sdk's pageExecute/sdkExecute put them).
      app_cert_sn: clientState(client).certMode?.appCertSn,
      alipay_root_cert_sn: clientState(client).certMode?.rootCertSn,
      biz_content: biz,
    },
    client,
  );
}
