import { createPublicKey } from 'node:crypto';
import { AlipayConfigError } from './errors.js';
import { loadPrivateKey, loadPublicKey } from './keys.js';
import { defaultTransport } from './node-transport.js';
import { loadCertMode } from './cert-mode.js';
import { checkAesKey } from './aes-call.js';
import { retryPolicy } from './retry.js';
import { v3Endpoint } from './v3-endpoint.js';
/** The production gateway. */
export const DEFAULT_GATEWAY = 'https://openapi.alipay.com/gateway.do';
/** Default per-call timeout, covering connection, headers and body. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Largest timeout setTimeout honours (2^31 - 1 ms); larger values would fire at once. */
export const MAX_TIMEOUT_MS = 2_147_483_647;
/** Default largest answer read, in bytes (gateway answers are a few KB; list queries rarely pass 1 MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Throws AlipayConfigError unless `value` is a usable timeout (an integer from 1 to MAX_TIMEOUT_MS). */
export function checkTimeoutMs(value, what) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
        throw new AlipayConfigError(`${what} must be an integer number of milliseconds from 1 to 2^31 - 1 (about 24.8 days)`);
    }
    return value;
}
/** The DER of a public key, to compare keys. */
function spki(key) {
    return key.export({ type: 'spki', format: 'der' });
}
const states = new WeakMap();
/** A configured Alipay gateway client. Pass it to the generated method functions. */
export class AlipayClient {
    appId;
    gateway;
    signType;
    charset;
    timeoutMs;
    maxResponseBytes;
    verifyResponseSign;
    validateResponse;
    /** The client-wide retry policy (undefined: no retries). */
    retry;
    /** Whether calls are sent AES-encrypted by default. */
    encrypted;
    /** The default protocol of calls (`v2` unless configured). */
    protocol;
    /** Base URL of v3 routes, without a trailing slash. */
    endpoint;
    constructor(config) {
        if (typeof config.appId !== 'string' || config.appId.trim() === '')
            throw new AlipayConfigError('appId is required');
        const signType = config.signType ?? 'RSA2';
        if (signType !== 'RSA2' && signType !== 'RSA')
            throw new AlipayConfigError('signType must be RSA2 or RSA');
        const charset = config.charset ?? 'utf-8';
        if (charset.toLowerCase() !== 'utf-8')
            throw new AlipayConfigError('charset must be utf-8');
        const gateway = config.gateway ?? DEFAULT_GATEWAY;
        let protocol;
        try {
            protocol = new URL(gateway).protocol;
        }
        catch {
            throw new AlipayConfigError('gateway is not a valid URL');
        }
        if (protocol !== 'https:' && protocol !== 'http:')
            throw new AlipayConfigError('gateway must be an http(s) URL');
        const defaultProtocol = config.protocol ?? 'v2';
        if (defaultProtocol !== 'v2' && defaultProtocol !== 'v3')
            throw new AlipayConfigError('protocol must be v2 or v3');
        const endpoint = v3Endpoint(config.endpoint, gateway);
        const timeoutMs = checkTimeoutMs(config.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
        const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
        if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
            throw new AlipayConfigError('maxResponseBytes must be a positive integer number of bytes');
        }
        const verify = config.verifyResponseSign !== false;
        const certs = config.certs;
        if (certs !== undefined && config.alipayPublicKey !== undefined) {
            throw new AlipayConfigError('pass either alipayPublicKey (public-key mode) or certs (certificate mode), not both');
        }
        const certMode = certs === undefined ? undefined : loadCertMode(certs);
        if (verify && config.alipayPublicKey === undefined && certMode === undefined) {
            throw new AlipayConfigError('alipayPublicKey is required (or set verifyResponseSign: false explicitly)');
        }
        // A dispatcher is the global fetch's (undici) way through a proxy: with one, the default is that fetch.
        const fetchImpl = config.fetch ?? (config.dispatcher !== undefined ? globalThis.fetch : defaultTransport());
        if (typeof fetchImpl !== 'function')
            throw new AlipayConfigError('fetch must be a function');
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
export function createAlipayClient(config) {
    return new AlipayClient(config);
}
/** @internal The parsed keys and fetch of a client. */
export function clientState(client) {
    const state = states.get(client);
    if (state === undefined)
        throw new AlipayConfigError('not a client made by createAlipayClient');
    return state;
}
