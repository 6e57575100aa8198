/// <reference path="./platform.d.ts" />
/**
 * The signed params of a request the server does not send itself: a page method's (the browser
 * submits it) or an app method's (the Alipay app does). Validated first, like a call; signed with
 * the app key; in the order the official Node SDK builds them (its pageExecute/sdkExecute), so the
 * URL, the form and the order string have the same bytes as its output for the same inputs.
 */
import type { CallOptions, Operation } from './contract.js';
import { type AlipayClient } from './client.js';
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
export declare function signParams(params: Readonly<Record<string, string | undefined>>, client: AlipayClient): SignedParams;
/**
 * Validates `request` (AlipayValidationError before anything is signed) and signs the method's
 * params. `timestamp` is for tests; the default is now, in UTC+8.
 */
export declare function browserParams<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: BrowserRequestOptions, timestamp?: string): SignedParams;
