import { browserParams } from './page-params.js';
/**
 * The params the gateway takes from the URL (the official SDKs' list); the rest (biz_content,
 * top-level params) are application params: form fields, or appended to the GET link.
 */
const URL_PARAMS = new Set([
    'app_id', 'method', 'format', 'charset', 'sign_type', 'sign', 'timestamp', 'version',
    'notify_url', 'return_url', 'auth_token', 'app_auth_token', 'app_cert_sn', 'alipay_root_cert_sn', 'ws_service_url',
]);
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Text safe inside a quoted HTML attribute, read back by the browser as exactly `text`: `&` must be
 * escaped too, or `&amp;` / `&lt;` in a value would be read as `&` / `<` (a character reference).
 */
export function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/** The gateway URL with the URL params of `params` (form-encoded, as URLSearchParams writes them). */
function actionUrl(gateway, params) {
    const url = new URL(gateway);
    const fields = [];
    for (const key in params) {
        if (URL_PARAMS.has(key))
            url.searchParams.append(key, params[key]);
        else
            fields.push([key, params[key]]);
    }
    return { action: url.toString(), fields };
}
/** The GET link and POST form of already signed params (any order is kept). */
export function pageRequestOf(gateway, signed) {
    const { action, fields } = actionUrl(gateway, signed.params);
    const tail = fields.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const url = tail === '' ? action : `${action}&${tail}`;
    // accept-charset: the browser encodes the fields in UTF-8 (what was signed) even on a GBK page.
    const html = `<form id="alipay_submit" name="alipay_submit" method="post" accept-charset="utf-8" action="${escapeHtml(action)}">\n` +
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
export function pageRequest(client, op, request, options) {
    return pageRequestOf(client.gateway, browserParams(client, op, request, options));
}
