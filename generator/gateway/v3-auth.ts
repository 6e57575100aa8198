/**
 * The gateway's check of a v3 Authorization header: its form, the app_id, the timestamp window,
 * the nonce (each accepted once within the window) and the signature over
 * `authString\nMETHOD\npath?query\nbody\n[app auth token\n]`, as received.
 */
import type { KeyObject } from 'node:crypto';
import { buildV3SignString, parseV3Authorization, verifyV3Request } from '../../templates/runtime/index.js';

/** Default window for v3 timestamps (epoch ms, so no time-zone slack is needed). */
export const V3_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Most nonces remembered; past it the oldest are forgotten (a replay then needs a very old nonce). */
const MAX_NONCES = 100_000;

export interface V3AuthOptions {
  readonly appPublicKey: KeyObject;
  readonly appId?: string | undefined;
  readonly maxClockSkewMs: number;
}

export interface V3Request {
  readonly httpMethod: string;
  /** The request target as received (path and query). */
  readonly target: string;
  readonly body: string;
  readonly authorization: string | undefined;
  readonly appAuthToken: string | undefined;
}

/** A refusal: the HTTP status, the v3 code and message. */
export interface V3Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export interface V3AuthChecker {
  /** Undefined when the request is authentic; else why not. */
  check(request: V3Request, now?: number): V3Refusal | undefined;
}

export function createV3AuthChecker(options: V3AuthOptions): V3AuthChecker {
  // Insertion order is time order: the oldest entries are first.
  const nonces = new Map<string, number>();
  const remember = (nonce: string, now: number): boolean => {
    for (const [n, expires] of nonces) {
      if (expires > now && nonces.size < MAX_NONCES) break;
      nonces.delete(n);
    }
    if (nonces.has(nonce)) return false;
    nonces.set(nonce, now + options.maxClockSkewMs);
    return true;
  };
  return {
    check(request, now = Date.now()) {
      const refuse = (status: number, code: string, message: string): V3Refusal => ({ status, code, message });
      const auth = parseV3Authorization(request.authorization);
      if (auth === undefined) {
        return refuse(401, 'invalid-authorization', 'Authorization must be ALIPAY-SHA256withRSA app_id=...,nonce=...,timestamp=...,sign=...');
      }
      const { app_id: appId, nonce, timestamp } = auth.fields;
      if (appId === undefined || appId === '') return refuse(401, 'invalid-authorization', 'Authorization has no app_id');
      if (options.appId !== undefined && appId !== options.appId) return refuse(401, 'invalid-app-id', 'app_id is not this gateway\'s app');
      if (nonce === undefined || nonce === '') return refuse(401, 'invalid-authorization', 'Authorization has no nonce');
      const ms = Number(timestamp);
      if (timestamp === undefined || !/^\d{1,16}$/.test(timestamp) || Math.abs(ms - now) > options.maxClockSkewMs) {
        return refuse(401, 'invalid-timestamp', `timestamp must be epoch milliseconds within ${options.maxClockSkewMs} ms of the gateway's clock`);
      }
      const parts = { httpMethod: request.httpMethod, pathQuery: request.target, body: request.body, appAuthToken: request.appAuthToken };
      if (!verifyV3Request(auth, parts, options.appPublicKey)) {
        return refuse(401, 'invalid-signature', `验签出错，网关生成的验签字符串为：${JSON.stringify(buildV3SignString(auth.authString, parts))}`);
      }
      // Only an authentic request uses up its nonce (a forged one cannot block a genuine one).
      if (!remember(nonce, now)) return refuse(401, 'replayed-nonce', 'this nonce was already used');
      return undefined;
    },
  };
}
