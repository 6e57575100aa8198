/**
 * The request example of a doc page is Java code that builds biz_content by concatenating string
 * literals: `request.setBizContent("{" + "\"k\":\"v\"," + ... + "}");`. This reads that call and
 * returns the concatenated string, i.e. the JSON text of biz_content.
 */

/** `end`: where reading stopped (after the closing parenthesis, or at the offending character). */
export type JavaConcatResult =
  | { ok: true; text: string; offset: number; end: number }
  | { ok: false; offset: number; message: string; end: number };

const CALL = /setBizContent\s*\(/;

/** Finds `setBizContent(` in `source` and evaluates its string-literal concatenation. Undefined when there is no such call. */
export function extractBizContent(source: string): JavaConcatResult | undefined {
  const call = CALL.exec(source);
  if (!call) return undefined;
  return evalConcat(source, call.index + call[0].length);
}

/** Evaluates `"a" + "b" + ... )` starting at `start`; stops at the closing parenthesis. */
export function evalConcat(source: string, start: number): JavaConcatResult {
  let i = start;
  let text = '';
  let expectLiteral = true;
  for (;;) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    const c = source[i];
    if (c === undefined) return { ok: false, offset: i, end: i, message: 'setBizContent( is not closed: the request example is cut off' };
    if (expectLiteral) {
      if (c !== '"') return { ok: false, offset: i, end: i, message: `expected a string literal in setBizContent(...), found ${JSON.stringify(c)}` };
      const lit = readLiteral(source, i);
      if (!lit.ok) return lit;
      text += lit.text;
      i = lit.end;
      expectLiteral = false;
    } else if (c === '+') {
      i++;
      expectLiteral = true;
    } else if (c === ')') {
      return { ok: true, text, offset: start, end: i + 1 };
    } else {
      return { ok: false, offset: i, end: i, message: `expected + or ) in setBizContent(...), found ${JSON.stringify(c)}` };
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\', s: ' ' };

const UNICODE_ESCAPE = /u+([0-9a-fA-F]{4})/y;

/** Reads a Java string literal starting at the opening quote. */
function readLiteral(source: string, open: number): { ok: true; text: string; end: number } | { ok: false; offset: number; message: string; end: number } {
  let text = '';
  let i = open + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"') return { ok: true, text, end: i + 1 };
    if (c === '\n') break;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === 'u') {
        // Sticky, at i + 1: no copy of the rest of the source per escape.
        UNICODE_ESCAPE.lastIndex = i + 1;
        const hex = UNICODE_ESCAPE.exec(source);
        if (!hex) return { ok: false, offset: i, end: i, message: 'bad \\u escape in a Java string literal' };
        text += String.fromCharCode(parseInt(hex[1]!, 16));
        i += 1 + hex[0].length;
        continue;
      }
      if (e !== undefined && e in ESCAPES) {
        text += ESCAPES[e];
        i += 2;
        continue;
      }
      return { ok: false, offset: i, end: i, message: `bad escape \\${e ?? ''} in a Java string literal` };
    }
    text += c;
    i++;
  }
  return { ok: false, offset: open, end: i, message: 'unterminated Java string literal' };
}

/**
 * Setters of the Java request class that are SDK settings, not gateway request params (they set
 * protocol params such as notify_url, or client behaviour).
 */
const SDK_SETTERS: ReadonlySet<string> = new Set([
  'BizContent', 'BizModel', 'NotifyUrl', 'ReturnUrl', 'ApiVersion', 'TerminalType', 'TerminalInfo', 'ProdCode', 'NeedEncrypt',
]);

/** A `request.setXxx(...)` call of a page whose params are top-level form params (no biz_content). */
export interface JavaSetter {
  /** `GrantType` of `request.setGrantType(...)`. */
  readonly name: string;
  readonly offset: number;
  /** The argument when it is a string literal (or a concatenation of them); absent otherwise. */
  readonly value?: string;
}

const SETTER = /\brequest\.set([A-Z][A-Za-z0-9]*)\s*\(/g;

/**
 * The param setters of a request example, in source order (SDK settings left out). A match inside
 * the argument just read (a string literal holding `request.setX(`) is text, not a call; skipping
 * it also keeps the scan linear.
 */
export function extractSetters(source: string): JavaSetter[] {
  const setters: JavaSetter[] = [];
  let readUpTo = 0;
  for (const m of source.matchAll(SETTER)) {
    if (m.index < readUpTo) continue;
    const name = m[1]!;
    if (SDK_SETTERS.has(name)) continue;
    const arg = evalConcat(source, m.index + m[0].length);
    readUpTo = arg.end;
    setters.push(arg.ok ? { name, offset: m.index, value: arg.text } : { name, offset: m.index });
  }
  return setters;
}
