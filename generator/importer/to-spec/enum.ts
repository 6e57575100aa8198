/**
 * Enum values written in a field description. Two layouts occur:
 *   - one `CODE:说明` per line (at least two consecutive lines);
 *   - an inline list `1:weixin(微信);2:alipay(支付宝)` or `1:生效;0:失效`.
 * A numbered list whose items are words can mean either the numbers or the words; the field's
 * example decides, and without a deciding example the words are taken with a warning.
 */
import type { EnumValue } from '../../spec/model.js';
import { isAsciiLetter, isDigit, isWordChar, skipSpace } from '../text.js';

export interface EnumResult {
  values?: EnumValue[];
  warning?: string;
}

interface Entry {
  key: string;
  rest: string;
}


export function parseEnum(description: string | undefined, example?: string | number | boolean): EnumResult {
  if (!description) return {};
  const entries = lineBlock(description) ?? inlineList(description);
  if (!entries) return {};
  const result = toValues(entries, example);
  const values = result.values;
  if (example !== undefined && !result.warning && !values.some((v) => v.value === String(example))) {
    return { values, warning: `example ${JSON.stringify(String(example))} is not one of the enum values [${values.map((v) => v.value).join(', ')}]` };
  }
  return result;
}

/** The first run of at least two consecutive `KEY:text` lines. */
function lineBlock(description: string): Entry[] | undefined {
  let run: Entry[] = [];
  for (const line of [...description.split('\n'), '']) {
    const entry = asEntry(line.trim());
    if (entry) {
      run.push(entry);
      continue;
    }
    if (run.length >= 2) return run;
    run = [];
  }
  return undefined;
}

/** The first line that is a `;`-separated list of at least two `KEY:text` items. */
function inlineList(description: string): Entry[] | undefined {
  for (const line of description.split('\n')) {
    const parts = line.split(/[;；]/).map((p) => p.trim());
    if (parts[parts.length - 1] === '') parts.pop();
    if (parts.length < 2) continue;
    const entries = parts.map(asEntry);
    // `Values: A: x; B: y`: the first key is a lead word, not a value (the list is prose).
    if (entries.every((e) => e !== undefined) && !entries.some((e) => asEntry(e.rest) !== undefined)) return entries as Entry[];
  }
  return undefined;
}

/** `KEY:text` / `KEY：text` (KEY `[A-Za-z0-9][A-Za-z0-9_.-]*`), read by hand in one pass. */
function asEntry(text: string): Entry | undefined {
  if (text === '' || !(isAsciiLetter(text[0]!) || isDigit(text[0]!))) return undefined;
  let i = 1;
  while (i < text.length && (isWordChar(text[i]!) || text[i] === '-' || text[i] === '.')) i++;
  const key = text.slice(0, i);
  const colon = skipSpace(text, i);
  if (text[colon] !== ':' && text[colon] !== '：') return undefined;
  const rest = text.slice(colon + 1).trim();
  // A URL (`http://...`) is prose, not a value.
  if (key.toLowerCase() === 'http' || key.toLowerCase() === 'https' || rest.startsWith('//')) return undefined;
  return { key, rest };
}

/** `name` or `name(说明)` / `name（说明）` (name `[A-Za-z][A-Za-z0-9_-]*`). */
function wordItem(text: string): { name: string; description?: string } | undefined {
  if (text === '' || !isAsciiLetter(text[0]!)) return undefined;
  let i = 1;
  while (i < text.length && (isWordChar(text[i]!) || text[i] === '-')) i++;
  const name = text.slice(0, i);
  const rest = text.slice(i).trim();
  if (rest === '') return { name };
  const open = rest[0]!;
  const close = rest[rest.length - 1]!;
  if (rest.length < 2 || (open !== '(' && open !== '（') || (close !== ')' && close !== '）')) return undefined;
  const description = rest.slice(1, -1).trim();
  return description === '' ? { name } : { name, description };
}

function toValues(entries: readonly Entry[], example: string | number | boolean | undefined): { values: EnumValue[]; warning?: string } {
  const keyed = entries.map((e) => value(e.key, e.rest));
  const numbered = entries.every((e) => [...e.key].every(isDigit));
  const words = entries.map((e) => wordItem(e.rest));
  if (!numbered || !words.every((w) => w !== undefined)) return { values: keyed };
  const named = words.map((w) => value(w!.name, w!.description ?? ''));
  const ex = example === undefined ? undefined : String(example);
  if (ex !== undefined && named.some((v) => v.value === ex)) return { values: named };
  if (ex !== undefined && keyed.some((v) => v.value === ex)) return { values: keyed };
  return {
    values: named,
    warning: `numbered enum list: took the names [${named.map((v) => v.value).join(', ')}] as values, the example does not show whether the numbers or the names are sent`,
  };
}

function value(v: string, description: string): EnumValue {
  return description ? { value: v, description } : { value: v };
}
