import { clientState } from './client.js';
import { AlipayValidationError } from './errors.js';
import { splitRequest } from './invoke.js';
import { buildSignContent, signContent } from './sign.js';
import { formatTimestamp } from './timestamp.js';
/** Signs `params` as given (their order is kept) and appends `sign`; blank values are dropped. */
export function signParams(params, client) {
    // Null-prototype: a param named `__proto__` is signed and sent like any other.
    const kept = Object.create(null);
    for (const key in params) {
        const value = params[key];
        if (value !== undefined && value.trim() !== '' && key !== 'sign')
            kept[key] = value;
    }
    const content = buildSignContent(kept);
    const sign = signContent(content, clientState(client).privateKey, client.signType);
    kept['sign'] = sign;
    return { params: kept, signContent: content, sign };
}
/**
 * Validates `request` (AlipayValidationError before anything is signed) and signs the method's
 * params. `timestamp` is for tests; the default is now, in UTC+8.
 */
export function browserParams(client, op, request, options, timestamp = formatTimestamp()) {
    const issues = op.validateRequest(request);
    if (issues.length > 0)
        throw new AlipayValidationError('request', op.method, issues);
    const { top, biz } = splitRequest(request, op.params);
    return signParams({
        method: op.method,
        app_id: client.appId,
        charset: client.charset,
        version: '1.0',
        sign_type: client.signType,
        timestamp,
        app_auth_token: options?.appAuthToken,
        notify_url: options?.notifyUrl,
        return_url: options?.returnUrl,
        ...top,
        // Certificate mode: the serials the gateway checks (where alipay-sdk's pageExecute/sdkExecute put them).
        app_cert_sn: clientState(client).certMode?.appCertSn,
        alipay_root_cert_sn: clientState(client).certMode?.rootCertSn,
        biz_content: biz,
    }, client);
}
