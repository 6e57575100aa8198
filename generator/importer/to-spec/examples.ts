/**
 * The page's example texts as JSON values. A broken example is a warning, not a failure: the
 * fields are still importable and the reviewer fixes the example by hand. The warning is one
 * line: V8's message quotes the broken input (newlines and all), which is cut off here.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Position, RawText } from '../page-model.js';
import { MAX_YAML_DEPTH } from '../../spec/limits.js';

export type JsonResult = { ok: true; value: unknown } | { ok: false; pos: Position; message: string };

/**
 * How deep an example's JSON may nest: the spec holds it under `examples.<key>` (and a response
 * node under its `<method>_response` key), and the loader reads YAML up to MAX_YAML_DEPTH levels.
 */
export const MAX_EXAMPLE_DEPTH = MAX_YAML_DEPTH - 4;

export function parseExampleJson(raw: RawText, what: string): JsonResult {
  try {
    const value: unknown = JSON.parse(raw.text);
    if (jsonDepth(value, MAX_EXAMPLE_DEPTH) > MAX_EXAMPLE_DEPTH) {
      return { ok: false, pos: raw.pos, message: `${what}: the example nests more than ${MAX_EXAMPLE_DEPTH} levels deep (a spec holds at most that)` };
    }
    return { ok: true, value };
  } catch (error) {
    const reason = jsonReason(error instanceof Error ? error.message : String(error));
    const pos = raw.verbatim && reason.offset !== undefined ? positionIn(raw, reason.offset) : raw.pos;
    return { ok: false, pos, message: `${what}: the example is not valid JSON: ${reason.text}` };
  }
}

/** The nesting depth of a JSON value (a scalar is 0), counted without recursion and up to `stopAbove` + 1. */
function jsonDepth(value: unknown, stopAbove: number): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAbove) return deepest;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
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
