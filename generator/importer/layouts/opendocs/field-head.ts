/**
 * The head line of an opendocs field: `**name**必选string(64)`, `**fund_bill_list**必选TradeFundBill[]`,
 * `**query_options**可选string[](128)`, `**trade_no**string(64)` (no marker, inside a one-of group).
 * A second bold label after the name (`**orderStr****｜签名字符串**`) is skipped. Read by hand.
 */
import type { Requiredness } from '../../../spec/model.js';
import { parseRequired, parseType, type ParsedType } from '../../columns.js';
import { isDigit } from '../../text.js';

export interface FieldHead {
  name: string;
  /** Undefined when the page shows no marker. */
  required?: Requiredness;
  type: ParsedType;
  maxLength: number | null;
}

const MARKERS = ['特殊可选', '必选', '可选'];

export function parseFieldHead(text: string): FieldHead | undefined {
  if (!text.startsWith('**')) return undefined;
  const close = text.indexOf('**', 2);
  if (close <= 2) return undefined;
  const name = text.slice(2, close).trim();
  if (name === '' || /\s/.test(name)) return undefined;
  let rest = text.slice(close + 2);
  // A bold label after the name: `****｜签名字符串**`.
  while (rest.startsWith('**')) {
    const end = rest.indexOf('**', 2);
    if (end < 0) return undefined;
    rest = rest.slice(end + 2);
  }
  rest = rest.trim();
  const marker = MARKERS.find((m) => rest.startsWith(m));
  if (marker) rest = rest.slice(marker.length).trim();
  const spec = typeSpec(rest);
  if (!spec) return undefined;
  const head: FieldHead = { name, type: spec.type, maxLength: spec.maxLength };
  if (marker) head.required = parseRequired(marker)!;
  return head;
}

/** `string(64)`, `string[](128)`, `TradeFundBill[]`, `price(11)`: the type and its max length. */
function typeSpec(text: string): { type: ParsedType; maxLength: number | null } | undefined {
  let typeText = text;
  let maxLength: number | null = null;
  if (text.endsWith(')')) {
    const open = text.lastIndexOf('(');
    const digits = text.slice(open + 1, -1);
    if (open <= 0 || digits === '' || ![...digits].every(isDigit)) return undefined;
    typeText = text.slice(0, open);
    maxLength = Number(digits);
  }
  const type = parseType(typeText);
  return type ? { type, maxLength } : undefined;
}
