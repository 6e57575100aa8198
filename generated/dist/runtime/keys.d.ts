/// <reference path="./platform.d.ts" />
/**
 * Reads RSA keys in every form users paste them: PEM with any label, bare base64 (the form the
 * Alipay console shows), PKCS#1 or PKCS#8 (private) / PKCS#1 or SPKI (public) DER, as string,
 * Buffer or KeyObject. Done once, at client creation; signing then uses the KeyObject.
 */
import { KeyObject } from './platform.js';
/** A key as users may pass it. */
export type KeyInput = string | Uint8Array | KeyObject;
/** The DER encoding found inside a key. */
export type KeyEncoding = 'pkcs1-private' | 'pkcs8-private' | 'pkcs1-public' | 'spki-public' | 'x509-certificate';
/** Tells PKCS#1 from PKCS#8 / SPKI from their first inner ASN.1 elements. */
export declare function detectKeyEncoding(der: Uint8Array): KeyEncoding | undefined;
/** Parses an app private key; throws AlipayConfigError (never quoting the key) if unreadable. */
export declare function loadPrivateKey(input: KeyInput, what?: string): KeyObject;
/** Parses a public key (PKCS#1, SPKI, or the key of an X.509 certificate); throws AlipayConfigError if unreadable. */
export declare function loadPublicKey(input: KeyInput, what?: string): KeyObject;
