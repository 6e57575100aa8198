/**
 * The business error table of a browser copy: `错误码 错误描述 解决方案` header, tab-separated rows,
 * a multi-line solution carrying on over the next lines. A section that is there but holds no
 * readable table is reported, never dropped in silence.
 */
import type { Diagnostic } from '../../../diagnostics.js';
import type { Line } from '../../lines.js';
import type { ErrorRow } from '../../page-model.js';
import { splitCells, usesDoubleTabs } from './cells.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.\-]*$/;

export function isErrorHeader(text: string): boolean {
  const cells = text.split(/\t+/).map((c) => c.trim());
  return cells[0] === '错误码' && (cells[1] === '错误描述' || cells[1] === '描述');
}

export function parseTsvErrors(lines: readonly Line[], heading: Line): { errors: ErrorRow[]; diagnostics: LocalDiagnostic[] } {
  const diagnostics: LocalDiagnostic[] = [];
  const errors: ErrorRow[] = [];
  const header = lines.findIndex((l) => isErrorHeader(l.text));
  if (header < 0) {
    diagnostics.push({ severity: 'warning', line: heading.no, col: 1, message: 'section 业务错误码 has no readable error table (错误码 错误描述 解决方案): no error codes taken, check the page' });
    return { errors, diagnostics };
  }
  const double = usesDoubleTabs(lines[header]!.text);
  const texts: string[] = [];
  for (const line of lines.slice(header + 1)) {
    const cells = line.text.split(/\t+/);
    if (cells.length >= 2 && CODE.test(cells[0]!.trim())) {
      errors.push({ code: cells[0]!.trim(), pos: { line: line.no, col: 1 } });
      texts.push(line.text.slice(line.text.indexOf('\t')));
    } else if (texts.length > 0) texts[texts.length - 1] += `\n${line.text}`;
    else if (line.text.trim() !== '') diagnostics.push({ severity: 'warning', line: line.no, col: 1, message: 'error table: a line before the first error row is not a row: ignored' });
  }
  errors.forEach((e, i) => {
    const [, description, ...solution] = splitCells(`${e.code}${texts[i]!}`, 3, double).cells;
    if (description) e.description = description;
    const rest = solution.filter((s) => s !== '').join('\n');
    if (rest !== '') e.solution = rest;
  });
  // A header without rows is a page that lists no business errors: nothing to report.
  if (errors.length > 0 && errors.every((e) => /^(isp|isv|aop)\./.test(e.code))) {
    diagnostics.push({ severity: 'warning', line: lines[header]!.no, col: 1, message: 'the error table lists only gateway (公共) error codes: the copy shows the 公共错误码 tab, the business errors are missing, none taken' });
    return { errors: [], diagnostics };
  }
  return { errors, diagnostics };
}
