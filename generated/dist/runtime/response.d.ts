/** What the scanner found in a gateway body. */
export interface ResponseNode {
    /** `<method>_response` or `error_response`. */
    readonly key: string;
    readonly isErrorResponse: boolean;
    /** The raw JSON text of the node's value, exactly as in the body. */
    readonly raw: string;
    /** The decoded top-level `sign`, if present. */
    readonly sign: string | undefined;
}
/** `alipay.trade.query` -> `alipay_trade_query_response`. */
export declare function responseNodeKey(method: string): string;
/**
 * Extracts the `<method>_response` (or `error_response`) node and the `sign` from a gateway body.
 * Throws AlipayMalformedResponseError when the body is not one JSON object, is truncated, has no
 * such node, or has two (a second node could smuggle unsigned data past the verifier).
 */
export declare function extractResponseNode(body: string, method: string): ResponseNode;
