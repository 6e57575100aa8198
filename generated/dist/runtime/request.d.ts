/// <reference path="./platform.d.ts" />
/**
 * Builds a signed v1 gateway request: protocol params (charset included, the gateway decodes the
 * body with it) in the query string, application params (`biz_content` and a method's top-level
 * params such as `grant_type`) in the x-www-form-urlencoded body, as the official SDKs send them.
 */
import type { KeyObject } from './platform.js';
import { type SignParams, type SignType } from './sign.js';
/** A request ready to POST. */
export interface SignedRequest {
    /** Gateway URL with the protocol params and `sign` in the query string. */
    readonly url: string;
    /** `application/x-www-form-urlencoded` body (`biz_content=...`). */
    readonly body: string;
    /** The exact string that was signed (useful to debug `isv.invalid-signature`). */
    readonly signContent: string;
    readonly sign: string;
}
/**
 * Signs `params` (every param that is sent, `biz_content` included) and splits them between query
 * and body. Blank values are not sent at all, so what is sent is exactly what is signed.
 * `bodyParams` names the top-level application params that go in the body beside `biz_content`
 * (they may carry secrets such as an auth code, which should not land in URL logs).
 */
export declare function buildSignedRequest(gateway: string, params: SignParams, privateKey: KeyObject, signType: SignType, bodyParams?: readonly string[]): SignedRequest;
