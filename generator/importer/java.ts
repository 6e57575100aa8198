/**
 * The request example of a doc page is Java code that builds biz_content by concatenating string
 * literals: `request.setBizContent("{" + "\"k\":\"v\"," + ... + "}");`. This reads that call and
 * returns the concatenated string, i.e. the JSON text of biz_content.
 */

export type JavaConcatResult =
  | { ok: true; text: string; offset: number }
  | { ok: false; offset: number; message: string };

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
    if (c === undefined) return { ok: false, offset: i, message: 'setBizContent( is not closed: the request example is cut off' };
    if (expectLiteral) {
      if (c !== '"') return { ok: false, offset: i, message: `expected a string literal in setBizContent(...), found ${JSON.stringify(c)}` };
      const lit = readLiteral(source, i);
      if (!lit.ok) return lit;
      text += lit.text;
      i = lit.end;
      expectLiteral = false;
    } else if (c === '+') {
      i++;
      expectLiteral = true;
    } else if (c === ')') {
      return { ok: true, text, offset: start };
    } else {
      return { ok: false, offset: i, message: `expected + or ) in setBizContent(...), found ${JSON.stringify(c)}` };
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\', s: ' ' };

/** Reads a Java string literal starting at the opening quote. */
function readLiteral(source: string, open: number): { ok: true; text: string; end: number } | { ok: false; offset: number; message: string } {
  let text = '';
  let i = open + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"') return { ok: true, text, end: i + 1 };
    if (c === '\n') break;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === 'u') {
        const hex = /^u+([0-9a-fA-F]{4})/.exec(source.slice(i + 1));
        if (!hex) return { ok: false, offset: i, message: 'bad \\u escape in a Java string literal' };
        text += String.fromCharCode(parseInt(hex[1]!, 16));
        i += 1 + hex[0].length;
        continue;
      }
      if (e !== undefined && e in ESCAPES) {
        text += ESCAPES[e];
        i += 2;
        continue;
      }
      return { ok: false, offset: i, message: `bad escape \\${e ?? ''} in a Java string literal` };
    }
    text += c;
    i++;
  }
  return { ok: false, offset: open, message: 'unterminated Java string literal' };
}
