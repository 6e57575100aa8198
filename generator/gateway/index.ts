/** The local gateway as a library: `startGateway` and its types. */
export { startGateway, GATEWAY_PATH, DEFAULT_MAX_CLOCK_SKEW_MS, type Gateway, type GatewayOptions, type GatewayStats } from './server.js';
export type { GatewayKeys } from './keys.js';
export { SCENARIO_HEADER, SCENARIO_NAMES } from './scenario.js';
export { MAX_BODY_BYTES } from './params.js';
export { MAX_UPLOAD_BYTES } from './multipart.js';
