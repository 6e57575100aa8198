/// <reference path="./platform.d.ts" />
import { type KeyObject } from './platform.js';
import { type KeyInput } from './keys.js';
import type { AlipayLogger, Observers, RequestEvent, ResponseEvent } from './observe.js';
import type { SignType } from './sign.js';
import { type AlipayCertConfig, type CertMode } from './cert-mode.js';
import { type RetryOptions, type RetryPolicy } from './retry.js';
import type { AlipayProtocol } from './contract.js';
/** The `fetch` the client uses (the global one by default). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
/** The production gateway. */
export declare const DEFAULT_GATEWAY = "https://openapi.alipay.com/gateway.do";
/** Default per-call timeout, covering connection, headers and body. */
export declare const DEFAULT_TIMEOUT_MS = 10000;
/** Largest timeout setTimeout honours (2^31 - 1 ms); larger values would fire at once. */
export declare const MAX_TIMEOUT_MS: number;
/** Default largest answer read, in bytes (gateway answers are a few KB; list queries rarely pass 1 MB). */
export declare const DEFAULT_MAX_RESPONSE_BYTES: number;
/** Throws AlipayConfigError unless `value` is a usable timeout (an integer from 1 to MAX_TIMEOUT_MS). */
export declare function checkTimeoutMs(value: unknown, what: string): number;
interface AlipayClientConfigBase {
    /** The APPID of the application. */
    appId: string;
    /** The app private key: PEM (any label) or bare base64, PKCS#1 or PKCS#8, string, Buffer or KeyObject. */
    privateKey: KeyInput;
    /** Gateway URL; default the production gateway. */
    gateway?: string;
    /** `RSA2` (SHA256withRSA, default) or `RSA` (SHA1withRSA). */
    signType?: SignType;
    /** Only UTF-8 is supported: the runtime encodes and signs UTF-8. */
    charset?: 'utf-8' | 'UTF-8';
    /** Per-call timeout: an integer number of ms from 1 to 2147483647 (default 10000). */
    timeoutMs?: number;
    /**
     * Largest answer read, in bytes (default 4 MiB). Enforced while the body streams in: a larger
     * answer stops the read and rejects with AlipayResponseTooLargeError.
     */
    maxResponseBytes?: number;
    /**
     * A `fetch` implementation (default: the runtime's keep-alive node:http(s) transport, shared by
     * every client, see createNodeTransport; the global fetch when `dispatcher` is set; pass
     * `globalThis.fetch` to use the global fetch). It is
     * called with `redirect: 'manual'`: redirects are never followed, a 3xx answer is an
     * AlipayHttpError (a 307/308 would re-post the signed request to wherever the Location points).
     */
    fetch?: FetchLike;
    /** Run the generated response validator on every answer (default false; per call: CallOptions.validateResponse). */
    validateResponse?: boolean;
    /** Called before each request goes out, with a masked view (no sign, no token values, personal data masked). */
    onRequest?: (event: RequestEvent) => void;
    /** Called when each call ends (success, pending or error), with status, trace id and the masked error message. */
    onResponse?: (event: ResponseEvent) => void;
    /** Gets one masked debug line per call and one warn line per failed call (e.g. `console`). */
    logger?: AlipayLogger;
    /**
     * The AES key (接口内容加密方式, base64) set in the console: every call's biz_content is then sent
     * encrypted (`encrypt_type=AES`) and encrypted answers are decrypted (per call: CallOptions.encrypt).
     */
    aesKey?: string;
    /** Opt-in retries of query methods (see retry.ts for the rule); per call: CallOptions.retry. */
    retry?: RetryOptions;
    /**
     * An undici dispatcher handed to fetch as `init.dispatcher` (e.g. `new ProxyAgent(url)` from undici):
     * how the global fetch goes through a proxy. For node:http(s), use createNodeTransport({ agent }).
     */
    dispatcher?: unknown;
    /**
     * `v3` calls every method that has a v3 route over the RESTful v3 API (default `v2`, gateway.do);
     * per call: CallOptions.protocol. Methods without a route stay on v2.
     */
    protocol?: AlipayProtocol;
    /** Base URL of v3 routes; default the gateway's origin (`https://openapi.alipay.com`). */
    endpoint?: string;
}
/**
 * Client configuration. Response signatures are verified with `alipayPublicKey`; turning that off
 * takes `verifyResponseSign: false`, written out, and is then the only case without a public key.
 */
export type AlipayClientConfig = AlipayClientConfigBase & ({
    alipayPublicKey: KeyInput;
    verifyResponseSign?: true;
} | {
    alipayPublicKey?: KeyInput; /** Skip response signature verification (not for production). */
    verifyResponseSign: false;
} | {
    /** Public-key-certificate mode: the answers are verified with the Alipay certificate's key. */
    certs: AlipayCertConfig;
    alipayPublicKey?: undefined;
    verifyResponseSign?: true;
});
/** What invoke() needs; never exposed to users. */
export interface ClientState {
    readonly privateKey: KeyObject;
    readonly publicKey: KeyObject | undefined;
    readonly fetch: FetchLike;
    /** Undefined when no hook nor logger is set, so calls skip them at no cost. */
    readonly observers: Observers | undefined;
    /** Set in certificate mode. */
    readonly certMode?: CertMode | undefined;
    readonly aesKey?: string | undefined;
    readonly dispatcher?: unknown;
}
/** A configured Alipay gateway client. Pass it to the generated method functions. */
export declare class AlipayClient {
    readonly appId: string;
    readonly gateway: string;
    readonly signType: SignType;
    readonly charset: string;
    readonly timeoutMs: number;
    readonly maxResponseBytes: number;
    readonly verifyResponseSign: boolean;
    readonly validateResponse: boolean;
    /** The client-wide retry policy (undefined: no retries). */
    readonly retry: RetryPolicy | undefined;
    /** Whether calls are sent AES-encrypted by default. */
    readonly encrypted: boolean;
    /** The default protocol of calls (`v2` unless configured). */
    readonly protocol: AlipayProtocol;
    /** Base URL of v3 routes, without a trailing slash. */
    readonly endpoint: string;
    constructor(config: AlipayClientConfig);
}
/** Creates a client; keys are parsed here, once. Throws AlipayConfigError on bad config. */
export declare function createAlipayClient(config: AlipayClientConfig): AlipayClient;
/** @internal The parsed keys and fetch of a client. */
export declare function clientState(client: AlipayClient): ClientState;
export {};
