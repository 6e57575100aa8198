import { AlipayConfigError } from './errors.js';
import { loadPrivateKey, loadPublicKey } from './keys.js';
/** The production gateway. */
export const DEFAULT_GATEWAY = 'https://openapi.alipay.com/gateway.do';
/** Default per-call timeout, covering connection, headers and body. */
export const DEFAULT_TIMEOUT_MS = 10_000;
const states = new WeakMap();
/** A configured Alipay gateway client. Pass it to the generated method functions. */
export class AlipayClient {
    appId;
    gateway;
    signType;
    charset;
    timeoutMs;
    verifyResponseSign;
    validateResponse;
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
        const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
            throw new AlipayConfigError('timeoutMs must be a positive number');
        const verify = config.verifyResponseSign !== false;
        if (verify && config.alipayPublicKey === undefined) {
            throw new AlipayConfigError('alipayPublicKey is required (or set verifyResponseSign: false explicitly)');
        }
        const fetchImpl = config.fetch ?? globalThis.fetch;
        if (typeof fetchImpl !== 'function')
            throw new AlipayConfigError('no fetch available: pass config.fetch');
        states.set(this, {
            privateKey: loadPrivateKey(config.privateKey, 'privateKey'),
            publicKey: config.alipayPublicKey === undefined ? undefined : loadPublicKey(config.alipayPublicKey, 'alipayPublicKey'),
            fetch: fetchImpl,
        });
        this.appId = config.appId;
        this.gateway = gateway;
        this.signType = signType;
        this.charset = charset;
        this.timeoutMs = timeoutMs;
        this.verifyResponseSign = verify;
        this.validateResponse = config.validateResponse ?? false;
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
