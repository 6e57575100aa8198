/// <reference path="./platform.d.ts" />
/** The v1 gateway signature: the string to sign and SHA256withRSA (RSA2) / SHA1withRSA (RSA). */
import { type KeyObject } from './platform.js';
/** `RSA2` = SHA256withRSA (recommended, default), `RSA` = SHA1withRSA (legacy). */
export type SignType = 'RSA2' | 'RSA';
/** Param values as they go into the string to sign; `undefined` means "not sent". */
export type SignParams = Readonly<Record<string, string | undefined>>;
/**
 * The string to sign: every param except `sign`, blank values left out, keys sorted (UTF-16 code
 * unit order, as Java's TreeMap), `k=v` joined with `&`, nothing URL-encoded.
 * `omit` lists further keys to leave out (notification V1 verification leaves out `sign_type`).
 */
export declare function buildSignContent(params: SignParams, omit?: readonly string[]): string;
/** Signs `content` (UTF-8) with the private key; returns base64. */
export declare function signContent(content: string, privateKey: KeyObject, signType: SignType): string;
/** Verifies a base64 `signature` of `content` (a string: its UTF-8; or the bytes themselves) with the public key. Never throws on bad input. */
export declare function verifyContent(content: string | Uint8Array, signature: string, publicKey: KeyObject, signType: SignType): boolean;
