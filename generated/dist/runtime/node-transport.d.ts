/// <reference path="./platform.d.ts" />
/**
 * The default transport, on node:http / node:https with keep-alive: global fetch (undici) costs
 * noticeably more CPU per call on Node 20 (see the README's Performance section). Every client
 * without its own `fetch` shares one (defaultTransport), so they share its sockets;
 * createNodeTransport makes one with other limits.
 *
 * It returns the part of a fetch Response the runtime reads (status, headers.get, body.getReader(),
 * body.cancel(), text()); the body is handed out chunk by chunk as the runtime reads it, so the
 * runtime's size limit stops a huge body early, and a body cut short rejects, exactly as with fetch.
 * It never follows redirects (node:http does not): a 3xx reaches the runtime as its status.
 */
import { Agent as HttpAgent } from 'node:http';
import type { FetchLike } from './client.js';
/** Options of createNodeTransport. */
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
    agent?: HttpAgent;
}
/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export declare function createNodeTransport(options?: NodeTransportOptions): FetchLike;
/** The transport of clients created without `fetch`: one keep-alive transport per process, made on first use. */
export declare function defaultTransport(): FetchLike;
