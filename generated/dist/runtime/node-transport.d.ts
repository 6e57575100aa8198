/// <reference path="./platform.d.ts" />
import type { FetchLike } from './client.js';
/** Options of createNodeTransport. */
export interface NodeTransportOptions {
    /** Most sockets kept per host (default 64). */
    maxSockets?: number;
    /** How long an idle socket is kept, in ms (default 4000: below the common 5 s server keep-alive). */
    idleTimeoutMs?: number;
}
/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export declare function createNodeTransport(options?: NodeTransportOptions): FetchLike;
