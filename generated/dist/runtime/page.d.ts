/// <reference path="./platform.d.ts" />
/**
 * Page methods (alipay.trade.page.pay, alipay.trade.wap.pay): the server signs, the buyer's browser
 * sends. `pageRequest` gives both forms of the same signed request: a GET link (redirect to it) and
 * an auto-submitting POST form (send it as the page; biz_content stays out of the URL, so long
 * orders do not hit URL limits). Every value in the form is HTML-escaped so the browser submits
 * exactly the signed text.
 */
import type { Operation } from './contract.js';
import type { AlipayClient } from './client.js';
import { type BrowserRequestOptions, type SignedParams } from './page-params.js';
/** A signed page request. */
export interface PageRequest {
    /** GET link: the gateway with every param in the query string. */
    readonly url: string;
    /** An HTML fragment: a POST form to the gateway and the script that submits it. */
    readonly html: string;
    /** The exact string that was signed. */
    readonly signContent: string;
}
/**
 * Text safe inside a quoted HTML attribute, read back by the browser as exactly `text`: `&` must be
 * escaped too, or `&amp;` / `&lt;` in a value would be read as `&` / `<` (a character reference).
 */
export declare function escapeHtml(text: string): string;
/** The GET link and POST form of already signed params (any order is kept). */
export declare function pageRequestOf(gateway: string, signed: SignedParams): PageRequest;
/**
 * Validates the request (AlipayValidationError, nothing signed) and returns the signed page
 * request of `op`. Pass `returnUrl` (where the browser comes back) and `notifyUrl` (where Alipay
 * posts the payment notification) per call.
 */
export declare function pageRequest<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: BrowserRequestOptions): PageRequest;
