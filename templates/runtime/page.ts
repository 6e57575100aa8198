/**
 * Page methods (alipay.trade.page.pay, alipay.trade.wap.pay): the server signs, the buyer's browser
 * sends. `pageRequest` gives both forms of the same signed request: a GET link (redirect to it) and
 * an auto-submitting POST form (send it as the page; biz_content stays out of the URL, so long
 * orders do not hit URL limits). Every value in the form is HTML-escaped so the browser submits
 * exactly the signed text.
 */
import type { Operation } from './contract.js';
import type { AlipayClient } from './client.js';
import { browserParams, type BrowserRequestOptions, type SignedParams } from './page-params.js';

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
 * The params the gateway takes from the URL (the official SDKs' list); the rest (biz_content,
 * top-level params) are application params: form fields, or appended to the GET link.
 */
const URL_PARAMS: ReadonlySet<string> = new Set([
  'app_id', 'method', 'format', 'charset', 'sign_type', 'sign', 'timestamp', 'version',
  'notify_url', 'return_url', 'auth_token', 'app_auth_token', 'app_cert_sn', 'alipay_root_cert_sn', 'ws_service_url',
]);

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe inside a quoted HTML attribute, read back by the browser as exactly `text`: `&` must be
 * escaped too, or `&amp;` / `&lt;` in a value would be read as `&` / `<` (a character reference).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The gateway URL with the URL params of `params` (form-encoded, as URLSearchParams writes them). */
function actionUrl(gateway: string, params: Readonly<Record<string, string>>): { action: string; fields: [string, string][] } {
  const url = new URL(gateway);
  const fields: [string, string][] = [];
  for (const key in params) {
    if (URL_PARAMS.has(key)) url.searchParams.append(key, params[key]!);
    else fields.push([key, params[key]!]);
  }
  return { action: url.toString(), fields };
}

/** The GET link and POST form of already signed params (any order is kept). */
export function pageRequestOf(gateway: string, signed: SignedParams): PageRequest {
  const { action, fields } = actionUrl(gateway, signed.params);
  const tail = fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const url = tail === '' ? action : `${action}&${tail}`;
  // accept-charset: the browser encodes the fields in UTF-8 (what was signed) even on a GBK page.
  const html =
    `<form id="alipay_submit" name="alipay_submit" method="post" accept-charset="utf-8" action="${escapeHtml(action)}">\n` +
    fields.map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">\n`).join('') +
    `<noscript><button type="submit">continue</button></noscript>\n` +
    `</form>\n` +
    `<script>document.getElementById("alipay_submit").submit();</script>\n`;
  return { url, html, signContent: signed.signContent };
}

/**
 * Validates the request (AlipayValidationError, nothing signed) and returns the signed page
 * request of `op`. Pass `returnUrl` (where the browser comes back) and `notifyUrl` (where Alipay
 * posts the payment notification) per call.
 */
export function pageRequest<Req, Res, Code extends string>(
  client: AlipayClient,
  op: Operation<Req, Res, Code>,
  request: Req,
  options?: BrowserRequestOptions,
): PageRequest {
  return pageRequestOf(client.gateway, browserParams(client, op, request, options));
}
