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

/**
 * The same head as a browser copy shows it, the bold marks lost: `trade_no必选string(64)`,
 * `trade_nostring(64)` (no marker), `orderStr｜签名字符串必选string(16384)`. The name is the
 * identifier the rest of the line follows as marker and type; without a marker, the one split
 * whose remainder is a type. Undefined for any other line (prose never starts with an
 * identifier glued to a type).
 */
export function parsePlainFieldHead(text: string): FieldHead | undefined {
  const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text);
  if (!id) return undefined;
  const word = id[0];
  // With a marker: the name ends where a label (｜...) or the marker starts.
  for (const marker of MARKERS) {
    const at = text.indexOf(marker);
    if (at <= 0) continue;
    const before = text.slice(0, at);
    const name = before.startsWith(word) && (before === word || before[word.length] === '｜' || before[word.length] === '|') ? word : undefined;
    const spec = name === undefined ? undefined : typeSpec(text.slice(at + marker.length));
    if (name !== undefined && spec && !/\s/.test(text.slice(at + marker.length, at + marker.length + 1))) return { name, type: spec.type, maxLength: spec.maxLength, required: parseRequired(marker)! };
  }
  // No marker, and only where the split is plain to see: a model type starts at the first
  // capital after a snake_case name (`fund_bill_listTradeFundBill[]`); a scalar type carries its
  // length (`trade_nostring(64)`), the longest such name taken (`send_pay_datedate(32)`). An
  // example word such as `JSON` or `teststring` is no field head.
  const capital = text.search(/[A-Z]/);
  if (capital > 0 && /^[a-z][a-z0-9_]*$/.test(text.slice(0, capital))) {
    const spec = typeSpec(text.slice(capital));
    if (spec && (spec.type.model ?? spec.type.items?.model) !== undefined) return { name: text.slice(0, capital), type: spec.type, maxLength: spec.maxLength };
  }
  if (!text.endsWith(')')) return undefined;
  for (let end = word.length; end > 0; end--) {
    if (/^\s/.test(text.slice(end))) continue;
    const spec = typeSpec(text.slice(end));
    if (spec && spec.type.model === undefined && spec.type.items?.model === undefined) return { name: text.slice(0, end), type: spec.type, maxLength: spec.maxLength };
  }
  return undefined;
}
