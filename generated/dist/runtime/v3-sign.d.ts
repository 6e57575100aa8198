/// <reference path="./platform.d.ts" />
/**
 * The v3 (RESTful) signature, as the official SDKs build it: an `authString` of the app id, the
 * optional app cert SN, a nonce and an epoch-ms timestamp; the string to sign
 * `authString\nMETHOD\npath?query\nbody\n[appAuthToken\n]`, SHA256withRSA; the header
 * `Authorization: ALIPAY-SHA256withRSA <authString>,sign=<base64>`. Answers are signed over
 * `alipay-timestamp\nalipay-nonce\nbody\n`. Pure functions: the nonce and clock come from the caller.
 */
import { Buffer } from 'node:buffer';
import type { KeyObject } from './platform.js';
/** The scheme word of the Authorization header (v3 signs with SHA256withRSA only). */
export declare const V3_AUTH_SCHEME = "ALIPAY-SHA256withRSA";
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
export declare function buildV3AuthString(p: V3AuthParams): string;
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
export declare function buildV3SignString(authString: string, parts: V3SignedParts): string;
/** The Authorization header value for a request: signs the parts with the app private key. */
export declare function signV3Request(auth: V3AuthParams, parts: V3SignedParts, privateKey: KeyObject): string;
/** An Authorization header taken apart (the gateway's side). */
export interface ParsedV3Authorization {
    /** The exact text before `,sign=`: what was signed. */
    readonly authString: string;
    /** Its `key=value` items (`app_id`, `nonce`, `timestamp`, `app_cert_sn`, …). */
    readonly fields: Readonly<Record<string, string>>;
    readonly sign: string;
}
/** Reads an Authorization header; undefined when it is not `ALIPAY-SHA256withRSA k=v,…,sign=…`. */
export declare function parseV3Authorization(header: string | undefined): ParsedV3Authorization | undefined;
/** The bytes an answer's `alipay-signature` covers: `timestamp\nnonce\nbody\n` (the body as received). */
export declare function v3AnswerSignedBytes(timestamp: string, nonce: string, body: Uint8Array | string): Buffer;
/** Signs an answer as Alipay does (the gateway's side): the `alipay-signature` value. */
export declare function signV3Answer(timestamp: string, nonce: string, body: string, privateKey: KeyObject): string;
/** Verifies an answer's `alipay-signature`; never throws. */
export declare function verifyV3Answer(timestamp: string, nonce: string, body: Uint8Array | string, signature: string, publicKey: KeyObject): boolean;
/** Verifies a request's Authorization against the parts received (the gateway's side); never throws. */
export declare function verifyV3Request(auth: ParsedV3Authorization, parts: V3SignedParts, publicKey: KeyObject): boolean;
