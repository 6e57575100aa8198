/// <reference path="./platform.d.ts" />
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
    readonly error?: {
        readonly name: string;
        readonly message: string;
    };
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
/** Tells the observers a request is about to go out. */
export declare function emitRequest(observers: Observers, method: string, gateway: string, params: Readonly<Record<string, string | undefined>>): void;
/** Tells the observers how a call ended. */
export declare function emitResponse(observers: Observers, event: ResponseEvent): void;
