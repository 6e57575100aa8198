/** The `kind` and `notify` keys of a spec: how the method is used, and its notification's fields. */
import { isMap } from 'yaml';
import type { Field } from './model.js';
import { isMethodKind, METHOD_KINDS, NOTIFY_TYPES, type MethodKind } from './method-kind.js';
import { readFieldMap } from './read-fields.js';
import { readString, type Entry, type Reader } from './reader.js';
import { didYouMean } from './suggest.js';
import { findPair } from './yaml-ast.js';

export function readKind(r: Reader, entry: Entry): MethodKind | undefined {
  const text = readString(r, entry.value, ['kind']);
  if (text === undefined) return undefined;
  if (isMethodKind(text)) return text;
  r.report(entry.value, ['kind'], `unknown method kind "${text}": one of ${METHOD_KINDS.join(', ')}${didYouMean(text, METHOD_KINDS)}`);
  return undefined;
}

/**
 * Notification fields: form params, so text types only (every value arrives as a string and is
 * returned as it came; a nested object has no form of its own there).
 */
export function readNotify(r: Reader, entry: Entry): Field[] | undefined {
  const fields = readFieldMap(r, entry.value, ['notify']);
  if (!fields) return undefined;
  let ok = true;
  for (const f of fields) {
    if (NOTIFY_TYPES.includes(f.type)) continue;
    const node = isMap(entry.value) ? findPair(entry.value, f.name) : undefined;
    const typeNode = isMap(node?.value) ? findPair(node.value, 'type')?.value : undefined;
    r.report(typeNode ?? node?.key, ['notify', f.name, 'type'], `a notification field is a form value: ${NOTIFY_TYPES.join(', ')}, not ${f.type} (a JSON list such as fund_bill_list is a string)`);
    ok = false;
  }
  return ok ? fields : undefined;
}
