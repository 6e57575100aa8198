/**
 * The 业务错误码 table: `CODE description solution` rows under the `错误码 错误描述 解决方案` header.
 * The description is one word (the dumps separate columns by a single space and descriptions are
 * short phrases); everything after it is the solution.
 */
import type { ErrorCode } from '../spec/model.js';
import type { Line } from './lines.js';

const HEADER = /^错误码\s+错误描述/;
const ROW = /^(\S+)(?:\s+(\S+))?(?:\s+(.*))?$/;

export function parseErrorTable(lines: readonly Line[]): ErrorCode[] {
  const errors: ErrorCode[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '' || HEADER.test(text)) continue;
    const m = ROW.exec(text)!;
    const error: ErrorCode = { code: m[1]! };
    if (m[2]) error.description = m[2];
    if (m[3]) error.solution = m[3].trim();
    errors.push(error);
  }
  return errors;
}
