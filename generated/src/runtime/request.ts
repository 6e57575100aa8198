/**
 * Builds a signed v1 gateway request: protocol params (charset included, the gateway decodes the
 * body with it) in the query string, application params (`biz_content` and a method's top-level
 * params such as `grant_type`) in the x-www-form-urlencoded body, as the official SDKs send them.
 */
import type { KeyObject } from 'node:crypto';
import { buildSignContent, signContent, type SignParams, type SignType } from './sign.js';

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

/** Travels in the body with `bodyParams`; every other param goes in the query string. */
const BODY_PARAM = 'biz_content';

function appendPair(out: string, key: string, value: string): string {
  return `${out}${out === '' ? '' : '&'}${key}=${encodeURIComponent(value)}`;
}

/**
 * Signs `params` (every param that is sent, `biz_content` included) and splits them between query
 * and body. Blank values are not sent at all, so what is sent is exactly what is signed.
 * `bodyParams` names the top-level application params that go in the body beside `biz_content`
 * (they may carry secrets such as an auth code, which should not land in URL logs).
 */
export function buildSignedRequest(
  gateway: string,
  params: SignParams,
  privateKey: KeyObject,
  signType: SignType,
  bodyParams?: readonly string[],
): SignedRequest {
  const content = buildSignContent(params);
  const sign = signContent(content, privateKey, signType);
  let query = '';
  let body = '';
  for (const key in params) {
    const value = params[key];
    if (value === undefined || value.trim() === '') continue;
    if (key === BODY_PARAM || (bodyParams !== undefined && bodyParams.includes(key))) body = appendPair(body, key, value);
    else query = appendPair(query, key, value);
  }
  query = appendPair(query, 'sign', sign);
  const url = `${gateway}${gateway.includes('?') ? '&' : '?'}${query}`;
  return { url, body, signContent: content, sign };
}
