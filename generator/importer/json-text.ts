/**
 * Finds and parses the JSON value of an example section. The dumps put the JSON after a
 * `• JSON示例` tab label, sometimes followed by more page text, so this scans for the first `{`
 * and reads up to its matching `}` (respecting strings) instead of parsing the rest of the section.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; offset: number; message: string };

/** Parses the first JSON object in `text`; undefined when there is no `{` at all. */
export function parseFirstJsonObject(text: string): JsonResult | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  const end = matchingBrace(text, start);
  if (end < 0) return { ok: false, offset: start, message: 'the JSON example is not closed (is the page cut off?)' };
  return parseJson(text.slice(start, end + 1), start);
}

/** JSON.parse with the error turned into an offset into the original text. */
export function parseJson(json: string, base = 0): JsonResult {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    // V8 sometimes quotes the whole input in the message; a diagnostic wants just the reason.
    const message = (error instanceof Error ? error.message : String(error)).replace(/, "[\s\S]*" is not valid JSON$/, '');
    const pos = /position (\d+)/.exec(message);
    return { ok: false, offset: base + (pos ? Number(pos[1]) : 0), message: `the example is not valid JSON: ${message}` };
  }
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** 1-based line of `offset` within `text`, counted from `firstLine`. */
export function lineAt(text: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
