/// <reference path="./platform.d.ts" />
/** What the scanner found in a gateway body. */
export interface ResponseNode {
    /** `<method>_response` or `error_response`. */
    readonly key: string;
    readonly isErrorResponse: boolean;
    /** The raw JSON text of the node's value, exactly as in the body. */
    readonly raw: string;
    /** Where `raw` starts in the body text. */
    readonly rawStart: number;
    /**
     * The node's bytes as received, when the answer was not UTF-8 (GBK): the signature covers those
     * bytes, not a re-encoding of `raw`. Absent for UTF-8 answers (then the UTF-8 of `raw` is signed).
     */
    readonly bytes?: Uint8Array;
    /** The decoded top-level `sign`, if present. */
    readonly sign: string | undefined;
    /** The top-level `alipay_cert_sn` (certificate mode: which Alipay certificate signed), if present. */
    readonly certSn?: string | undefined;
}
/** `alipay.trade.query` -> `alipay_trade_query_response`. */
export declare function responseNodeKey(method: string): string;
/**
 * Extracts the `<method>_response` (or `error_response`) node and the `sign` from a gateway body.
 * Throws AlipayMalformedResponseError when the body is not one JSON object, is truncated, has no
 * such node, or has two (a second node could smuggle unsigned data past the verifier).
 */
export declare function extractResponseNode(body: string, method: string, traceId?: string): ResponseNode;
