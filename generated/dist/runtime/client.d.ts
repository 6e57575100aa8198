/**
 * The client: validated config and parsed keys, created once. Keys live in a module-private
 * WeakMap, not on the object, so logging or serialising a client never shows them.
 */
import type { KeyObject } from 'node:crypto';
import { type KeyInput } from './keys.js';
import type { SignType } from './sign.js';
/** The `fetch` the client uses (the global one by default). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
/** The production gateway. */
export declare const DEFAULT_GATEWAY = "https://openapi.alipay.com/gateway.do";
/** Default per-call timeout, covering connection, headers and body. */
export declare const DEFAULT_TIMEOUT_MS = 10000;
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
    /** Per-call timeout in ms (default 10000). */
    timeoutMs?: number;
    /** A `fetch` implementation (default the global fetch). */
    fetch?: FetchLike;
    /** Run the generated response validator on every answer (default false; per call: CallOptions.validateResponse). */
    validateResponse?: boolean;
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
});
/** What invoke() needs; never exposed to users. */
export interface ClientState {
    readonly privateKey: KeyObject;
    readonly publicKey: KeyObject | undefined;
    readonly fetch: FetchLike;
}
/** A configured Alipay gateway client. Pass it to the generated method functions. */
export declare class AlipayClient {
    readonly appId: string;
    readonly gateway: string;
    readonly signType: SignType;
    readonly charset: string;
    readonly timeoutMs: number;
    readonly verifyResponseSign: boolean;
    readonly validateResponse: boolean;
    constructor(config: AlipayClientConfig);
}
/** Creates a client; keys are parsed here, once. Throws AlipayConfigError on bad config. */
export declare function createAlipayClient(config: AlipayClientConfig): AlipayClient;
/** @internal The parsed keys and fetch of a client. */
export declare function clientState(client: AlipayClient): ClientState;
export {};
