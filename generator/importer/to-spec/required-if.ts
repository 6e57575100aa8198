/**
 * `requiredIf` from description phrases that tie a field's presence to a sibling:
 * `code_status为SUCCESS时必填` (sibling has that value) or `xxx不为空时必填` (sibling present).
 * Only sibling names count: a phrase naming anything else stays prose for the reviewer.
 *
 * Read by a single left-to-right scan over the ASCII words of the description, each word tried
 * once as the sibling's name: linear in the description's length whatever it holds (a pattern
 * searched from every position is quadratic on a long run of letters).
 */
import type { RequiredIf } from '../../spec/model.js';
import { isAsciiLetter, isDigit, isWordChar, skipSpace } from '../text.js';

const EQUALS_WORDS = ['==', '=', '为', '是', '等于'];
const PRESENT_WORDS = ['不为空', '非空', '有值', '存在', '不为null'];
const SUBJECTS = ['该字段', '此字段', '本字段', '该参数'];
const MUST = ['必填', '必须', '必传', '需要传'];
const OPEN_QUOTES = ["'", '"', '“'];
const CLOSE_QUOTES = ["'", '"', '”'];

/** `siblings`: the names a condition may refer to; `self`, the field's own name, never counts. */
export function parseRequiredIf(description: string | undefined, siblings: readonly string[] | ReadonlySet<string>, self?: string): RequiredIf | undefined {
  if (!description) return undefined;
  let equals: RequiredIf | undefined;
  let present: RequiredIf | undefined;
  const names: ReadonlySet<string> = siblings instanceof Set ? siblings : new Set(siblings);
  for (const word of words(description)) {
    if (!names.has(word.name) || word.name === self) continue;
    const value = equals ? undefined : equalsPhrase(description, word.end);
    if (value !== undefined) equals = { field: word.name, equals: value };
    if (!present && presentPhrase(description, word.end)) present = { field: word.name };
    if (equals) break;
  }
  // A value condition is the more precise reading of a description that has both.
  return equals ?? present;
}

/** The ASCII identifiers of the text (`[A-Za-z_][A-Za-z0-9_]*`; a leading digit run is not part of one). */
function* words(text: string): Generator<{ name: string; end: number }> {
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i]!)) {
      i++;
      continue;
    }
    let start = i;
    while (i < text.length && isWordChar(text[i]!)) i++;
    while (start < i && isDigit(text[start]!)) start++;
    if (start < i && (isAsciiLetter(text[start]!) || text[start] === '_')) yield { name: text.slice(start, i), end: i };
  }
}

/** `为 'VALUE' 时 [,] [该字段] 必填` at `i`: the value, or undefined. */
function equalsPhrase(text: string, i: number): string | undefined {
  const at = skipSpace(text, i);
  for (const word of EQUALS_WORDS) {
    if (!text.startsWith(word, at)) continue;
    let j = skipSpace(text, at + word.length);
    if (OPEN_QUOTES.includes(text[j] ?? '')) j++;
    const start = j;
    while (j < text.length && isValueChar(text[j]!)) j++;
    if (j === start) continue;
    const value = text.slice(start, j);
    if (CLOSE_QUOTES.includes(text[j] ?? '')) j++;
    if (mustFollow(text, j)) return value;
  }
  return undefined;
}

/** `不为空 时 [,] [该字段] 必填` at `i`. */
function presentPhrase(text: string, i: number): boolean {
  const at = skipSpace(text, i);
  return PRESENT_WORDS.some((word) => text.startsWith(word, at) && mustFollow(text, at + word.length));
}

/** `时 [,，] [该字段] 必填` at `i` (spaces allowed between). */
function mustFollow(text: string, i: number): boolean {
  let j = skipSpace(text, i);
  if (text[j] !== '时') return false;
  j = skipSpace(text, j + 1);
  if (text[j] === ',' || text[j] === '，') j = skipSpace(text, j + 1);
  const subject = SUBJECTS.find((s) => text.startsWith(s, j));
  if (subject) j = skipSpace(text, j + subject.length);
  return MUST.some((m) => text.startsWith(m, j));
}

function isValueChar(c: string): boolean {
  return isWordChar(c) || c === '.' || c === '-';
}
