/**
 * Answers in GBK. The gateway answers in the charset it declares in Content-Type (GBK or GB2312 for
 * apps configured so, whatever the request said); it signs the bytes it wrote. So the body is
 * decoded with the declared charset (TextDecoder, no table shipped), and the signature is verified
 * over the node's bytes exactly as received, found by walking the bytes alongside the decoded text.
 */
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
/** The charset an answer declares in its Content-Type (UTF-8 when none or another is declared). */
export function declaredCharset(contentType) {
    const label = contentType == null ? undefined : CHARSET.exec(contentType)?.[1]?.toLowerCase();
    if (label === 'gbk' || label === 'gb2312' || label === 'x-gbk' || label === 'cp936')
        return 'gbk';
    if (label === 'gb18030')
        return 'gb18030';
    return 'utf-8';
}
/**
 * The bytes of `text.slice(start, end)` in `bytes`, where `text` is `bytes` decoded as GBK/GB18030:
 * ASCII is one byte, 0x80 and 0xFF one byte, a lead byte followed by 0x30-0x39 four bytes (GB18030),
 * any other pair two. Returns undefined when the walk does not land on the end of the bytes (invalid
 * sequences): verification then fails closed.
 */
export function gbkByteRange(bytes, text, start, end) {
    let b = 0;
    let byteStart = -1;
    let byteEnd = -1;
    for (let i = 0; i <= text.length;) {
        if (i === start)
            byteStart = b;
        if (i === end)
            byteEnd = b;
        if (i === text.length)
            break;
        const c = text.codePointAt(i);
        const lead = bytes[b];
        if (c < 0x80 || lead === 0x80 || lead === 0xff)
            b += 1;
        else {
            const next = bytes[b + 1];
            b += next !== undefined && next >= 0x30 && next <= 0x39 ? 4 : 2;
        }
        i += c > 0xffff ? 2 : 1;
    }
    if (b !== bytes.length || byteStart < 0 || byteEnd < byteStart)
        return undefined;
    return bytes.subarray(byteStart, byteEnd);
}
