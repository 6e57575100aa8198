/// <reference path="./platform.d.ts" />
import { type KeyObject } from './platform.js';
/** A certificate as PEM text, DER / PEM bytes, or the path of a file holding it. */
export type CertInput = string | Uint8Array;
/** The `certs` client option. */
export interface AlipayCertConfig {
    /** The app public-key certificate (appCertPublicKey_<APPID>.crt): PEM text or a file path. */
    appCert: CertInput;
    /**
     * The Alipay public-key certificate (alipayCertPublicKey_RSA2.crt), or several (the current and
     * the next one, during a rotation): PEM text or file paths. The first is used when an answer names none.
     */
    alipayCert: CertInput | readonly CertInput[];
    /** The Alipay root certificate bundle (alipayRootCert.crt): PEM text or a file path. */
    alipayRootCert: CertInput;
}
/** The parsed certificates of a client: serials computed once. */
export interface CertMode {
    readonly appCertSn: string;
    readonly rootCertSn: string;
    /** Alipay certificate SN -> its public key, in the order given. */
    readonly alipayKeys: ReadonlyMap<string, KeyObject>;
}
/** Reads and checks the certificates; throws AlipayConfigError naming the option (never the content). */
export declare function loadCertMode(config: AlipayCertConfig): CertMode;
/**
 * The key that verifies an answer: the Alipay certificate its `alipay_cert_sn` names (the first one
 * when it names none). An SN the client has no certificate for is an AlipaySignatureError that
 * names it and the client's SNs (serials are not secrets): add the new certificate to `certs.alipayCert`.
 */
export declare function alipayKeyFor(mode: CertMode, answerSn: string | undefined, method: string, traceId: string | undefined): KeyObject;
