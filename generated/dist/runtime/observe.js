/**
 * Request/response hooks and the logger option. They see only masked views: the params sent
 * (without `sign`, token values replaced, personal data masked), the status, the trace id and the
 * outcome with the error's masked name and message; never keys, the raw answer nor error objects
 * (an AlipayApiError keeps the raw answer). A hook or logger that throws is ignored.
 */
import { maskParams } from './mask.js';
function quietly(run) {
    try {
        run();
    }
    catch {
        // Observers must not change the outcome of a call.
    }
}
/** Tells the observers a request is about to go out. */
export function emitRequest(observers, method, gateway, params) {
    const onRequest = observers.onRequest;
    if (onRequest === undefined)
        return;
    const sent = {};
    for (const key of Object.keys(params))
        if (key !== 'sign')
            sent[key] = params[key];
    quietly(() => onRequest({ method, gateway: gateway.split('?')[0], params: maskParams(sent) }));
}
/** Tells the observers how a call ended. */
export function emitResponse(observers, event) {
    const { onResponse, logger } = observers;
    if (onResponse !== undefined)
        quietly(() => onResponse(event));
    if (logger === undefined)
        return;
    const trace = event.traceId === undefined ? '' : ` trace_id=${event.traceId}`;
    const status = event.status === undefined ? '' : ` HTTP ${event.status}`;
    const line = `alipay ${event.method}: ${event.outcome}${status}${trace} in ${Math.round(event.durationMs)} ms`;
    quietly(() => logger.debug(line));
    if (event.error !== undefined) {
        const error = event.error;
        quietly(() => logger.warn(`${line}: ${error.name}: ${error.message}`));
    }
}
