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
/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export declare function createNodeTransport(options?: NodeTransportOptions): FetchLike;
/** The transport of clients created without `fetch`: one keep-alive transport per process, made on first use. */
export declare function defaultTransport(): FetchLike;
