/// <reference path="./platform.d.ts" />
import type { FetchLike } from './client.js';
/** Options of createNodeTransport. */
/**
 * A node:http(s) Agent as the option needs it (an `http.Agent`, `https.Agent` or a proxy agent is
 * one): structural, so the package's declarations do not need @types/node.
 */
export interface NodeAgent {
    destroy(): void;
}
export interface NodeTransportOptions {
    /** Most sockets kept per host (default 64). */
    maxSockets?: number;
    /** How long an idle socket is kept, in ms (default 4000: below the common 5 s server keep-alive). */
    idleTimeoutMs?: number;
    /**
     * The agent every request goes through instead of the built-in keep-alive ones: a proxy agent
     * (an HTTP CONNECT tunnel, e.g. `https-proxy-agent`) or any custom node:http(s) Agent. It must
     * suit the gateway's protocol (an https.Agent for an https gateway). maxSockets / idleTimeoutMs
     * then do not apply (they configure the built-in agents).
     */
    agent?: NodeAgent;
}
/** `headers.get` of a Response over node:http's header record (lower-case names, lists joined as fetch joins them). */
export declare function headersOf(record: Readonly<Record<string, string | string[] | undefined>>): {
    get(name: string): string | null;
};
/** A call as the runtime hands it to a node transport directly (transport.ts), bypassing the fetch shape. */
export interface DirectRequest {
    readonly method: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string | undefined;
    /** The whole exchange (headers and body) must end within it. */
    readonly timeoutMs: number;
    readonly signal: AbortSignal | undefined;
    /** Most body bytes kept: past it the socket is closed and the answer is `truncated`. */
    readonly limit: number;
}
/** The whole answer: status, headers, the body (at most `limit` bytes; `truncated` when there were more). */
export interface DirectAnswer {
    readonly status: number;
    /** As node:http gives them: lower-case names; set-cookie (never read here) is a list. */
    readonly headers: Readonly<Record<string, string | string[] | undefined>>;
    readonly body: Uint8Array;
    readonly truncated: boolean;
}
/**
 * Why a direct call failed: the timeout fired, the signal aborted (its reason is `cause`), or the
 * request failed (`cause`: the system error); `answered` holds the status and headers when they had come.
 */
export declare class DirectFailure extends Error {
    readonly reason: 'timeout' | 'aborted' | 'failed';
    readonly answered: Pick<DirectAnswer, 'status' | 'headers'> | undefined;
    constructor(reason: 'timeout' | 'aborted' | 'failed', answered: Pick<DirectAnswer, 'status' | 'headers'> | undefined, options: {
        cause: unknown;
    });
}
/** @internal The property of a node transport's `fetch` holding its direct form (transport.ts uses it). */
export declare const DIRECT: unique symbol;
export type Direct = (url: string, request: DirectRequest) => Promise<DirectAnswer>;
/** The direct form of a node transport, when `fetch` is one (undefined for any other fetch). */
export declare function directOf(fetch: FetchLike): Direct | undefined;
/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export declare function createNodeTransport(options?: NodeTransportOptions): FetchLike;
/** The transport of clients created without `fetch`: one keep-alive transport per process, made on first use. */
export declare function defaultTransport(): FetchLike;
