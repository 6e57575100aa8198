/**
 * Enum values an English description states in running prose. Taken only when the wording leaves
 * no doubt: a `values:` / `enum:` lead followed, on the same line, by `CODE: text` items separated
 * by `;`, or by a list of upper-case codes (`RSA2, RSA`); the codes are upper-case identifiers.
 * Anything looser is for the reviewer (see `proseKeys`).
 */
import type { EnumValue } from '../../../spec/model.js';

const LEAD = /\b(?:values?|enum(?:eration)?s?)\s*(?:are|include|is)?\s*[:：]\s*/i;
const CODE = '[A-Z0-9][A-Z0-9_.-]*';
const ITEM = new RegExp(`^[\`"]?(${CODE})[\`"]?\\s*[:：]\\s*(.+)$`);
const BARE = new RegExp(`^[\`"]?(${CODE})[\`"]?$`);

export function proseEnum(description: string): EnumValue[] | undefined {
  for (const line of description.split('\n')) {
    const lead = LEAD.exec(line);
    if (!lead) continue;
    const rest = line.slice(lead.index + lead[0].length).trim().replace(/[.。]$/, '');
    const parts = rest.split(/[;；]/).map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length >= 2) {
      const items = parts.map((p) => ITEM.exec(p));
      if (items.every((m) => m !== null)) return unique(items.map((m) => ({ value: m![1]!, description: m![2]!.trim().replace(/[.。]$/, '') })));
    }
    const codes = rest.split(/\s*,\s*|\s+or\s+|\s+and\s+/).map((c) => c.trim());
    if (codes.length >= 2 && codes.every((c) => BARE.test(c))) return unique(codes.map((c) => ({ value: BARE.exec(c)![1]! })));
  }
  return undefined;
}

function unique(values: EnumValue[]): EnumValue[] | undefined {
  return new Set(values.map((v) => v.value)).size === values.length ? values : undefined;
}

/** `Word:` openings in the prose (after a sentence or clause start): values the prose may list. */
export function proseKeys(description: string): string[] {
  return [...description.matchAll(/(?:^|[.;:。；：]\s*)([A-Za-z][A-Za-z0-9_]*)\s*[:：]\s/gm)].map((m) => m[1]!);
}
