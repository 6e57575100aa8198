/// <reference path="./platform.d.ts" />
/**
 * Verifies asynchronous notifications (异步通知) and gateway messages. V1 (rsaCheckV1, payment
 * notifications) leaves `sign` and `sign_type` out of the signed string; V2 (rsaCheckV2) only `sign`.
 * Values are used as received (no URL decoding); non-string values are JSON-stringified, as when
 * a form parser has already turned `fund_bill_list` into an array.
 */
import type { KeyObject } from './platform.js';
import { type KeyInput } from './keys.js';
/** Notification params as parsed from the form body or query. */
export type NotifyParams = URLSearchParams | Readonly<Record<string, unknown>>;
/** `v1`: sign and sign_type left out; `v2`: only sign; `auto` (default): accept either. */
export type NotifyVersion = 'v1' | 'v2' | 'auto';
/** The string Alipay signed for a notification under `version`. */
export declare function notifySignContent(params: NotifyParams, version: 'v1' | 'v2'): string;
/**
 * True when the notification's `sign` verifies with the Alipay public key. The algorithm follows
 * the notification's `sign_type` (RSA2 when absent). Pass a KeyObject (see loadPublicKey) to avoid
 * parsing the key on every call.
 */
export declare function verifyNotify(params: NotifyParams, alipayPublicKey: KeyInput | KeyObject, version?: NotifyVersion): boolean;
