/// <reference path="./platform.d.ts" />
/** The v3 base URL without a trailing slash; throws AlipayConfigError unless it is an http(s) URL without query. */
export declare function v3Endpoint(endpoint: string | undefined, gateway: string): string;
