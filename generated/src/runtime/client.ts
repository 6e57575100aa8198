/**
 * The client: validated config and parsed keys, created once. Keys live in a module-private
 * WeakMap, not on the object, so logging or serialising a client never shows them.
 */
import { Buffer } from 'node:buffer';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { AlipayConfigError } from './errors.js';
import { loadPrivateKey, loadPublicKey, type KeyInput } from './keys.js';
import { defaultTransport } from './node-transport.js';
import type { AlipayLogger, Observers, RequestEvent, ResponseEvent } from './observe.js';
import type { SignType } from './sign.js';
import { loadCertMode, type AlipayCertConfig, type CertMode } from './cert-mode.js';
import { checkAesKey } from './aes-call.js';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import type { AlipayProtocol } from './contract.js';
import { v3Endpoint } from './v3-endpoint.js';

/** The `fetch` the client uses (the global one by default). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The production gateway. */
export const DEFAULT_GATEWAY = 'https://openapi.alipay.com/gateway.do';
/** Default per-call timeout, covering connection, headers and body. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Largest timeout setTimeout honours (2^31 - 1 ms); larger values would fire at once. */
export const MAX_TIMEOUT_MS: number = 2_147_483_647;
/** Default largest answer read, in bytes (gateway answers are a few KB; list queries rarely pass 1 MB). */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 4 * 1024 * 1024;

/** Throws AlipayConfigError unless `value` is a usable timeout (an integer from 1 to MAX_TIMEOUT_MS). */
export function checkTimeoutMs(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw new AlipayConfigError(`${what} must be an integer number of milliseconds from 1 to 2^31 - 1 (about 24.8 days)`);
  }
  return value;
}

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
export type AlipayClientConfig = AlipayClientConfigBase &
  (
    | { /** The Alipay public key (支付宝公钥), or an Alipay public key certificate. */ alipayPublicKey: KeyInput; verifyResponseSign?: true }
    | { alipayPublicKey?: KeyInput; /** Skip response signature verification (not for production). */ verifyResponseSign: false }
    | {
        /** Public-key-certificate mode: the answers are verified with the Alipay certificate's key. */
        certs: AlipayCertConfig;
        alipayPublicKey?: undefined;
        verifyResponseSign?: true;
      }
  );

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

/** The DER of a public key, to compare keys. */
function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

const states = new WeakMap<AlipayClient, ClientState>();

/** A configured Alipay gateway client. Pass it to the generated method functions. */
export class AlipayClient {
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

  constructor(config: AlipayClientConfig) {
    if (typeof config.appId !== 'string' || config.appId.trim() === '') throw new AlipayConfigError('appId is required');
    const signType = config.signType ?? 'RSA2';
    if (signType !== 'RSA2' && signType !== 'RSA') throw new AlipayConfigError('signType must be RSA2 or RSA');
    const charset = config.charset ?? 'utf-8';
    if (charset.toLowerCase() !== 'utf-8') throw new AlipayConfigError('charset must be utf-8');
    const gateway = config.gateway ?? DEFAULT_GATEWAY;
    let protocol: string;
    try {
      protocol = new URL(gateway).protocol;
    } catch {
      throw new AlipayConfigError('gateway is not a valid URL');
    }
    if (protocol !== 'https:' && protocol !== 'http:') throw new AlipayConfigError('gateway must be an http(s) URL');
    const defaultProtocol = config.protocol ?? 'v2';
    if (defaultProtocol !== 'v2' && defaultProtocol !== 'v3') throw new AlipayConfigError('protocol must be v2 or v3');
    const endpoint = v3Endpoint(config.endpoint, gateway);
    const timeoutMs = checkTimeoutMs(config.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
    const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
      throw new AlipayConfigError('maxResponseBytes must be a positive integer number of bytes');
    }
    const verify = config.verifyResponseSign !== false;
    const certs = (config as { certs?: AlipayCertConfig }).certs;
    if (certs !== undefined && config.alipayPublicKey !== undefined) {
      throw new AlipayConfigError('pass either alipayPublicKey (public-key mode) or certs (certificate mode), not both');
    }
    const certMode = certs === undefined ? undefined : loadCertMode(certs);
    if (verify && config.alipayPublicKey === undefined && certMode === undefined) {
      throw new AlipayConfigError('alipayPublicKey is required (or set verifyResponseSign: false explicitly)');
    }
    // A dispatcher is the global fetch's (undici) way through a proxy: with one, the default is that fetch.
    const fetchImpl = config.fetch ?? (config.dispatcher !== undefined ? globalThis.fetch : defaultTransport());
    if (typeof fetchImpl !== 'function') throw new AlipayConfigError('fetch must be a function');

    const privateKey = loadPrivateKey(config.privateKey, 'privateKey');
    const publicKey = config.alipayPublicKey === undefined ? undefined : loadPublicKey(config.alipayPublicKey, 'alipayPublicKey');
    // The console shows the app public key (应用公钥) beside the Alipay public key (支付宝公钥); the
    // app's own key would make every genuine answer fail verification.
    if (publicKey !== undefined && spki(publicKey).equals(spki(createPublicKey(privateKey)))) {
      throw new AlipayConfigError("alipayPublicKey is the app's own public key (应用公钥): use the Alipay public key (支付宝公钥) shown beside it");
    }
    // Same mix-up in certificate mode: the app certificate (appCertPublicKey_<APPID>.crt) given as the Alipay one.
    if (certMode !== undefined) {
      const own = spki(createPublicKey(privateKey));
      if ([...certMode.alipayKeys.values()].some((key) => spki(key).equals(own))) {
        throw new AlipayConfigError("certs.alipayCert is the app's own certificate (appCertPublicKey_<APPID>.crt): use alipayCertPublicKey_RSA2.crt");
      }
    }
    const { onRequest, onResponse, logger } = config;
    const observed = onRequest !== undefined || onResponse !== undefined || logger !== undefined;
    const aesKey = config.aesKey === undefined ? undefined : checkAesKey(config.aesKey);
    const retry = config.retry === undefined ? undefined : retryPolicy(config.retry, 'retry');
    states.set(this, {
      privateKey,
      publicKey,
      fetch: fetchImpl,
      observers: observed ? { onRequest, onResponse, logger } : undefined,
      certMode,
      aesKey,
      dispatcher: config.dispatcher,
    });
    this.retry = retry;
    this.encrypted = aesKey !== undefined;
    this.appId = config.appId;
    this.gateway = gateway;
    this.signType = signType;
    this.charset = charset;
    this.timeoutMs = timeoutMs;
    this.maxResponseBytes = maxResponseBytes;
    this.verifyResponseSign = verify;
    this.validateResponse = config.validateResponse ?? false;
    this.protocol = defaultProtocol;
    this.endpoint = endpoint;
  }
}

/** Creates a client; keys are parsed here, once. Throws AlipayConfigError on bad config. */
export function createAlipayClient(config: AlipayClientConfig): AlipayClient {
  return new AlipayClient(config);
}

/** @internal The parsed keys and fetch of a client. */
export function clientState(client: AlipayClient): ClientState {
  const state = states.get(client);
  if (state === undefined) throw new AlipayConfigError('not a client made by createAlipayClient');
  return state;
}
