/// <reference path="./platform.d.ts" />
/**
 * App methods (alipay.trade.app.pay): the server signs an order string and hands it to the app,
 * whose Alipay SDK sends it. The string is every param, `sign` last, `k=v` joined with `&`, values
 * URL-encoded with encodeURIComponent (what the official Node SDK's sdkExecute writes).
 */
import type { Operation } from './contract.js';
import type { AlipayClient } from './client.js';
import { type BrowserRequestOptions, type SignedParams } from './page-params.js';
/** The order string of already signed params (their order is kept). */
export declare function appOrderStringOf(signed: SignedParams): string;
/**
 * Validates the request (AlipayValidationError, nothing signed) and returns the signed order
 * string of `op` for the app. `notifyUrl` is where Alipay posts the payment notification.
 */
export declare function appOrderString<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: Omit<BrowserRequestOptions, 'returnUrl'>): string;
