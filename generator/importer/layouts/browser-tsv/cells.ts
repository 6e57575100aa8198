/**
 * A tab-separated row of a browser copy -> its cells. Browsers separate cells by one tab, some
 * tables by two; a cell's own line breaks come through as newlines inside the row text. Trailing
 * empty cells are lost with the line's trailing tabs, so a short row means "the last cells are empty".
 */

export interface SplitCells {
  cells: string[];
  /** The separator the row used, or 'runs' when it mixes runs of tabs (empty cells then unknowable). */
  separator: '\t' | '\t\t' | 'runs';
}

/**
 * `headerDouble`: the table's header row uses two tabs. A row whose tab runs are all even is read
 * with two-tab separators only then: `a<tab><tab>b` in a one-tab table is a row with an empty cell.
 */
export function splitCells(text: string, width: number, headerDouble: boolean): SplitCells {
  const runs = [...text.matchAll(/\t+/g)].map((m) => m[0].length);
  const double = headerDouble && runs.length > 0 && runs.every((n) => n % 2 === 0);
  const separator = double ? '\t\t' : '\t';
  const cells = text.split(separator).map(cleanCell);
  if (cells.length <= width) return { cells, separator };
  // More cells than columns: the row mixes one- and two-tab separators; empty cells are dropped.
  return { cells: text.split(/\t+/).map(cleanCell), separator: 'runs' };
}

/** A cell's text: each of its lines trimmed (browsers pad them), blank lines at its ends dropped. */
export function cleanCell(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Whether a header row separates its cells by two tabs (header cells are never empty). */
export function usesDoubleTabs(header: string): boolean {
  const runs = [...header.matchAll(/\t+/g)].map((m) => m[0].length);
  return runs.length > 0 && runs.every((n) => n === 2);
}
