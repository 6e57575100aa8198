/** A MIME type with optional parameters (RFC 9110 tokens, quoted values without line breaks). */
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const MIME_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`);
const OCTET_STREAM = 'application/octet-stream';
export function isBytes(value) {
    return value instanceof Uint8Array;
}
export function isBlobLike(value) {
    const v = value;
    return typeof v === 'object' && v !== null && typeof v.size === 'number' && typeof v.arrayBuffer === 'function';
}
function isByteStream(value) {
    const v = value;
    return typeof v === 'object' && v !== null && typeof v[Symbol.asyncIterator] === 'function';
}
function isFileData(value) {
    return isBytes(value) || isBlobLike(value) || isByteStream(value);
}
/** True for a MIME type that is safe in a part header (`image/png`, `text/plain; charset=utf-8`). */
export function isMimeType(text) {
    return MIME_TYPE.test(text);
}
/** Whether `value` is a file: bytes, a Blob, a stream, or `{ data, filename?, contentType? }` with a valid MIME type. */
export function isAlipayFile(value) {
    if (isFileData(value))
        return true;
    if (typeof value !== 'object' || value === null)
        return false;
    const { data, filename, contentType } = value;
    return (isFileData(data) &&
        (filename === undefined || typeof filename === 'string') &&
        (contentType === undefined || (typeof contentType === 'string' && isMimeType(contentType))));
}
export function dataOf(file) {
    return isFileData(file) ? file : file.data;
}
/** The file's size in bytes when known before sending (bytes, a Blob); undefined for a stream or a non-file. */
export function alipayFileSize(value) {
    if (!isAlipayFile(value))
        return undefined;
    const data = dataOf(value);
    if (isBytes(data))
        return data.byteLength;
    return isBlobLike(data) ? data.size : undefined;
}
/**
 * A value for a quoted header parameter: `"`, `\` and control characters (CR and LF among them)
 * are percent-encoded, as the HTML standard encodes form names, so a value can neither close the
 * quoted string nor start a header line. Other text (Chinese file names) is sent as UTF-8.
 */
export function quoteHeaderValue(text) {
    // eslint-disable-next-line no-control-regex
    return `"${text.replace(/["\\\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}"`;
}
/** The name and type a file part announces. */
export function fileMeta(name, file) {
    const parts = isFileData(file) ? undefined : file;
    const data = dataOf(file);
    const blob = isBlobLike(data) ? data : undefined;
    const filename = parts?.filename ?? (typeof blob?.name === 'string' && blob.name !== '' ? blob.name : name);
    const own = typeof blob?.type === 'string' && isMimeType(blob.type) ? blob.type : undefined;
    return { filename, contentType: parts?.contentType ?? own ?? OCTET_STREAM };
}
