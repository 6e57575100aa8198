/**
 * Verifies asynchronous notifications (异步通知) and gateway messages. V1 (rsaCheckV1, payment
 * notifications) leaves `sign` and `sign_type` out of the signed string; V2 (rsaCheckV2) only `sign`.
 * Values are used as received (no URL decoding); non-string values are JSON-stringified, as when
 * a form parser has already turned `fund_bill_list` into an array.
 */
import type { KeyObject } from 'node:crypto';
import { loadPublicKey, type KeyInput } from './keys.js';
import { buildSignContent, verifyContent, type SignType } from './sign.js';

/** Notification params as parsed from the form body or query. */
export type NotifyParams = URLSearchParams | Readonly<Record<string, unknown>>;

/** `v1`: sign and sign_type left out; `v2`: only sign; `auto` (default): accept either. */
export type NotifyVersion = 'v1' | 'v2' | 'auto';

function toStrings(params: NotifyParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<[string, unknown]> = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** The string Alipay signed for a notification under `version`. */
export function notifySignContent(params: NotifyParams, version: 'v1' | 'v2'): string {
  return buildSignContent(toStrings(params), version === 'v1' ? ['sign_type'] : undefined);
}

/**
 * True when the notification's `sign` verifies with the Alipay public key. The algorithm follows
 * the notification's `sign_type` (RSA2 when absent). Pass a KeyObject (see loadPublicKey) to avoid
 * parsing the key on every call.
 */
export function verifyNotify(params: NotifyParams, alipayPublicKey: KeyInput | KeyObject, version: NotifyVersion = 'auto'): boolean {
  const strings = toStrings(params);
  const sign = strings['sign'];
  if (sign === undefined || sign === '') return false;
  const signType: SignType = strings['sign_type'] === 'RSA' ? 'RSA' : 'RSA2';
  const key = loadPublicKey(alipayPublicKey);
  const check = (v: 'v1' | 'v2'): boolean =>
    verifyContent(buildSignContent(strings, v === 'v1' ? ['sign_type'] : undefined), sign, key, signType);
  if (version === 'auto') return check('v1') || check('v2');
  return check(version);
}
