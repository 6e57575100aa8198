/// <reference path="./platform.d.ts" />
/**
 * Answers in GBK. The gateway answers in the charset it declares in Content-Type (GBK or GB2312 for
 * apps configured so, whatever the request said); it signs the bytes it wrote. So the body is
 * decoded with the declared charset (TextDecoder, no table shipped), and the signature is verified
 * over the node's bytes exactly as received, found by walking the bytes alongside the decoded text.
 */
/** The charsets answers are decoded with: UTF-8 unless Content-Type declares GBK, GB2312 or GB18030. */
export type AnswerCharset = 'utf-8' | 'gbk' | 'gb18030';
/** The charset an answer declares in its Content-Type (UTF-8 when none or another is declared). */
export declare function declaredCharset(contentType: string | null | undefined): AnswerCharset;
/**
 * The bytes of `text.slice(start, end)` in `bytes`, where `text` is `bytes` decoded as GBK/GB18030:
 * ASCII is one byte, 0x80 and 0xFF one byte, a lead byte followed by 0x30-0x39 four bytes (GB18030),
 * any other pair two. Returns undefined when the walk does not land on the end of the bytes (invalid
 * sequences): verification then fails closed.
 */
export declare function gbkByteRange(bytes: Uint8Array, text: string, start: number, end: number): Uint8Array | undefined;
