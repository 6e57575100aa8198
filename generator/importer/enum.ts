/**
 * Enum values written in a field description. Two layouts occur:
 *   - one `CODE:说明` per line (at least two consecutive lines);
 *   - an inline list `1:weixin(微信);2:alipay(支付宝)` or `1:生效;0:失效`.
 * A numbered list whose items are words can mean either the numbers or the words; the field's
 * example decides, and without a deciding example the words are taken with a warning.
 */
import type { EnumValue } from '../spec/model.js';

export interface EnumResult {
  values?: EnumValue[];
  warning?: string;
}

interface Entry {
  key: string;
  rest: string;
}

const ENTRY = /^([A-Za-z0-9][A-Za-z0-9_\-.]*)\s*[:：]\s*(.*)$/;
const WORD_ITEM = /^([A-Za-z][A-Za-z0-9_\-]*)\s*(?:[(（]\s*(.*?)\s*[)）])?$/;

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
    if (entries.every((e) => e !== undefined)) return entries as Entry[];
  }
  return undefined;
}

function asEntry(text: string): Entry | undefined {
  const m = ENTRY.exec(text);
  // A URL (`http://...`) is prose, not a value.
  if (!m || /^https?$/i.test(m[1]!) || m[2]!.startsWith('//')) return undefined;
  return { key: m[1]!, rest: m[2]!.trim() };
}

function toValues(entries: readonly Entry[], example: string | number | boolean | undefined): { values: EnumValue[]; warning?: string } {
  const keyed = entries.map((e) => value(e.key, e.rest));
  const numbered = entries.every((e) => /^\d+$/.test(e.key));
  const words = entries.map((e) => WORD_ITEM.exec(e.rest));
  if (!numbered || !words.every((w) => w !== null)) return { values: keyed };
  const named = words.map((w) => value(w![1]!, w![2] ?? ''));
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
