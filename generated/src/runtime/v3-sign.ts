/**
 * The v3 (RESTful) signature, as the official SDKs build it: an `authString` of the app id, the
 * optional app cert SN, a nonce and an epoch-ms timestamp; the string to sign
 * `authString\nMETHOD\npath?query\nbody\n[appAuthToken\n]`, SHA256withRSA; the header
 * `Authorization: ALIPAY-SHA256withRSA <authString>,sign=<base64>`. Answers are signed over
 * `alipay-timestamp\nalipay-nonce\nbody\n`. Pure functions: the nonce and clock come from the caller.
 */
import { Buffer } from 'node:buffer';
import type { KeyObject } from 'node:crypto';
import { signContent, verifyContent } from './sign.js';

/** The scheme word of the Authorization header (v3 signs with SHA256withRSA only). */
export const V3_AUTH_SCHEME = 'ALIPAY-SHA256withRSA';

/** What goes into the authString. */
export interface V3AuthParams {
  readonly appId: string;
  /** 应用公钥证书序列号, in certificate mode only. */
  readonly appCertSn?: string | undefined;
  /** A fresh value per request (the SDKs use a UUID). */
  readonly nonce: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
}

/** `app_id=…[,app_cert_sn=…],nonce=…,timestamp=…` */
export function buildV3AuthString(p: V3AuthParams): string {
  const cert = p.appCertSn === undefined || p.appCertSn === '' ? '' : `,app_cert_sn=${p.appCertSn}`;
  return `app_id=${p.appId}${cert},nonce=${p.nonce},timestamp=${p.timestamp}`;
}

/** What a v3 request signs besides the authString. */
export interface V3SignedParts {
  /** Upper case: `POST`. */
  readonly httpMethod: string;
  /** The request target as sent: path, and `?query` when there is one. */
  readonly pathQuery: string;
  /** The body as sent ('' when none; the ciphertext for AES; the `data` part's JSON for uploads). */
  readonly body: string;
  /** The `alipay-app-auth-token` header's value, when sent: it is signed too. */
  readonly appAuthToken?: string | undefined;
}

/** `authString\nMETHOD\npath?query\nbody\n[appAuthToken\n]` */
export function buildV3SignString(authString: string, parts: V3SignedParts): string {
  const token = parts.appAuthToken === undefined || parts.appAuthToken === '' ? '' : `${parts.appAuthToken}\n`;
  return `${authString}\n${parts.httpMethod}\n${parts.pathQuery}\n${parts.body}\n${token}`;
}

/** The Authorization header value for a request: signs the parts with the app private key. */
export function signV3Request(auth: V3AuthParams, parts: V3SignedParts, privateKey: KeyObject): string {
  const authString = buildV3AuthString(auth);
  const sign = signContent(buildV3SignString(authString, parts), privateKey, 'RSA2');
  return `${V3_AUTH_SCHEME} ${authString},sign=${sign}`;
}

/** An Authorization header taken apart (the gateway's side). */
export interface ParsedV3Authorization {
  /** The exact text before `,sign=`: what was signed. */
  readonly authString: string;
  /** Its `key=value` items (`app_id`, `nonce`, `timestamp`, `app_cert_sn`, …). */
  readonly fields: Readonly<Record<string, string>>;
  readonly sign: string;
}

/** Reads an Authorization header; undefined when it is not `ALIPAY-SHA256withRSA k=v,…,sign=…`. */
export function parseV3Authorization(header: string | undefined): ParsedV3Authorization | undefined {
  if (header === undefined || !header.startsWith(`${V3_AUTH_SCHEME} `)) return undefined;
  const rest = header.slice(V3_AUTH_SCHEME.length + 1);
  const at = rest.lastIndexOf(',sign=');
  if (at <= 0) return undefined;
  const authString = rest.slice(0, at);
  const sign = rest.slice(at + ',sign='.length);
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of authString.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return undefined;
    fields[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return sign === '' ? undefined : { authString, fields, sign };
}

/** The bytes an answer's `alipay-signature` covers: `timestamp\nnonce\nbody\n` (the body as received). */
export function v3AnswerSignedBytes(timestamp: string, nonce: string, body: Uint8Array | string): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), bytes, Buffer.from('\n')]);
}

/** Signs an answer as Alipay does (the gateway's side): the `alipay-signature` value. */
export function signV3Answer(timestamp: string, nonce: string, body: string, privateKey: KeyObject): string {
  return signContent(`${timestamp}\n${nonce}\n${body}\n`, privateKey, 'RSA2');
}

/** Verifies an answer's `alipay-signature`; never throws. */
export function verifyV3Answer(timestamp: string, nonce: string, body: Uint8Array | string, signature: string, publicKey: KeyObject): boolean {
  return verifyContent(v3AnswerSignedBytes(timestamp, nonce, body), signature, publicKey, 'RSA2');
}

/** Verifies a request's Authorization against the parts received (the gateway's side); never throws. */
export function verifyV3Request(auth: ParsedV3Authorization, parts: V3SignedParts, publicKey: KeyObject): boolean {
  return verifyContent(buildV3SignString(auth.authString, parts), auth.sign, publicKey, 'RSA2');
}
