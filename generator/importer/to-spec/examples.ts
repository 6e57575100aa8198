/**
 * The page's example texts as JSON values. A broken example is a warning, not a failure: the
 * fields are still importable and the reviewer fixes the example by hand. The warning is one
 * line: V8's message quotes the broken input (newlines and all), which is cut off here.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Position, RawText } from '../page-model.js';

export type JsonResult = { ok: true; value: unknown } | { ok: false; pos: Position; message: string };

export function parseExampleJson(raw: RawText, what: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(raw.text) };
  } catch (error) {
    const reason = jsonReason(error instanceof Error ? error.message : String(error));
    const pos = raw.verbatim && reason.offset !== undefined ? positionIn(raw, reason.offset) : raw.pos;
    return { ok: false, pos, message: `${what}: the example is not valid JSON: ${reason.text}` };
  }
}

export function jsonWarning(result: JsonResult & { ok: false }): Omit<Diagnostic, 'file'> {
  return { severity: 'warning', line: result.pos.line, col: result.pos.col, message: result.message };
}

/**
 * The reason of a JSON.parse error without the input V8 may quote after it
 * (`Unexpected token 'a', "{a: 1}" is not valid JSON`, or `..."tail"... is not valid JSON`),
 * and the offset it names (`at position 12`).
 */
function jsonReason(message: string): { text: string; offset?: number } {
  const firstLine = message.split('\n', 1)[0]!;
  const quoted = [firstLine.indexOf(', "'), firstLine.indexOf(', ...')].filter((i) => i >= 0);
  const text = quoted.length > 0 ? firstLine.slice(0, Math.min(...quoted)) : firstLine;
  const at = message.indexOf('position ');
  let end = at + 'position '.length;
  while (at >= 0 && end < message.length && message[end]! >= '0' && message[end]! <= '9') end++;
  const digits = at >= 0 ? message.slice(at + 'position '.length, end) : '';
  return digits === '' ? { text } : { text, offset: Number(digits) };
}

/** Position of `offset` in a verbatim example text. */
function positionIn(raw: RawText, offset: number): Position {
  let line = raw.pos.line;
  let col = raw.pos.col;
  for (let i = 0; i < offset && i < raw.text.length; i++) {
    if (raw.text[i] === '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  return { line, col };
}
