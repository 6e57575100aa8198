/// <reference path="./platform.d.ts" />
import type { Validator } from './contract.js';
import { type AlipayClient } from './client.js';
import type { NotifyVersion } from './notify.js';
/** What a Node, Express, Fastify or Next handler has of a form POST. */
export type NotifyBody = string | Uint8Array | URLSearchParams | Readonly<Record<string, unknown>>;
/** What a generated module hands over for a method's notification. */
export interface NotifyOperation {
    readonly method: string;
    readonly validateNotification: Validator;
}
export interface NotifyOptions {
    /** `v1` (payment notifications: sign and sign_type unsigned), `v2` (only sign), `auto` (default: either). */
    readonly version?: NotifyVersion;
}
/**
 * Verifies and validates a notification of `op`'s method and returns its params (strings, as the
 * notification carries them). Throws AlipayNotifyError with the reason (`decoded`, `malformed`,
 * `missing-sign`, `bad-signature`, `app-id`, `invalid`); AlipayConfigError when the client has no
 * Alipay public key.
 */
export declare function parseNotification<N>(client: AlipayClient, op: NotifyOperation, body: NotifyBody, options?: NotifyOptions): N;
