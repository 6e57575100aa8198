/**
 * The 业务错误码 table: `CODE description solution` rows under the `错误码 错误描述 解决方案` header.
 * The description is one word (the dumps separate columns by a single space and descriptions are
 * short phrases); everything after it is the solution. Read by splitting at whitespace, not by a
 * pattern, so any character in a row (U+2028 included) is just text.
 */
import type { ErrorRow } from '../../page-model.js';
import type { Line } from '../../lines.js';
import { splitWord } from '../../text.js';

export function parseErrorTable(lines: readonly Line[]): ErrorRow[] {
  const errors: ErrorRow[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '' || isHeader(text)) continue;
    const code = splitWord(text);
    const description = splitWord(code.rest);
    const error: ErrorRow = { code: code.word, pos: { line: line.no, col: 1 + line.text.length - line.text.trimStart().length } };
    if (description.word !== '') error.description = description.word;
    if (description.rest !== '') error.solution = description.rest;
    errors.push(error);
  }
  return errors;
}

/** `错误码 错误描述 ...`: the table's header row. */
function isHeader(text: string): boolean {
  const first = splitWord(text);
  return first.word === '错误码' && first.rest.startsWith('错误描述');
}
