/**
 * Request/response hooks and the logger option. They see only masked views: the params sent
 * (without `sign`, token values replaced, personal data masked), the status, the trace id and the
 * outcome with the error's masked name and message; never keys, the raw answer nor error objects
 * (an AlipayApiError keeps the raw answer). A hook or logger that throws is ignored.
 */
import { maskParams } from './mask.js';

/** What onRequest sees of a call about to be sent. */
export interface RequestEvent {
  readonly method: string;
  /** The gateway URL without its query string. */
  readonly gateway: string;
  /** Every param sent except `sign`, masked (biz_content included). */
  readonly params: Readonly<Record<string, string>>;
}

/** What onResponse sees of a finished call (also when it failed before any answer). */
export interface ResponseEvent {
  readonly method: string;
  /** HTTP status, when an answer came. */
  readonly status: number | undefined;
  readonly traceId: string | undefined;
  readonly outcome: 'success' | 'pending' | 'error';
  /** The error class name and its (masked) message, when outcome is 'error'. */
  readonly error?: { readonly name: string; readonly message: string };
  /** Milliseconds from sending to the outcome. */
  readonly durationMs: number;
}

/** The logger option: one debug line per call, one warn line per failed call (all masked). */
export interface AlipayLogger {
  debug(message: string): void;
  warn(message: string): void;
}

/** The observers of one client. */
export interface Observers {
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  readonly logger?: AlipayLogger | undefined;
}

function quietly(run: () => void): void {
  try {
    run();
  } catch {
    // Observers must not change the outcome of a call.
  }
}

/** Tells the observers a request is about to go out. */
export function emitRequest(observers: Observers, method: string, gateway: string, params: Readonly<Record<string, string | undefined>>): void {
  const onRequest = observers.onRequest;
  if (onRequest === undefined) return;
  const sent: Record<string, string | undefined> = {};
  for (const key of Object.keys(params)) if (key !== 'sign') sent[key] = params[key];
  quietly(() => onRequest({ method, gateway: gateway.split('?')[0]!, params: maskParams(sent) }));
}

/** Tells the observers how a call ended. */
export function emitResponse(observers: Observers, event: ResponseEvent): void {
  const { onResponse, logger } = observers;
  if (onResponse !== undefined) quietly(() => onResponse(event));
  if (logger === undefined) return;
  const trace = event.traceId === undefined ? '' : ` trace_id=${event.traceId}`;
  const status = event.status === undefined ? '' : ` HTTP ${event.status}`;
  const line = `alipay ${event.method}: ${event.outcome}${status}${trace} in ${Math.round(event.durationMs)} ms`;
  quietly(() => logger.debug(line));
  if (event.error !== undefined) {
    const error = event.error;
    quietly(() => logger.warn(`${line}: ${error.name}: ${error.message}`));
  }
}
