/**
 * Diagnostics: the one way every stage reports problems in user input (docs, specs, options).
 * A user error is never shown as a stack trace: the CLI prints `file:line:col: severity: message`
 * lines and exits with the error's exit code.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  file: string;
  /** 1-based; absent when the problem concerns the whole file. */
  line?: number;
  col?: number;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
  return `${where}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sort for stable output: by file, line, column, then message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Thrown for problems in user input. The CLI prints the diagnostics (or the message when there
 * are none) without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: number;

  constructor(message: string, diagnostics: readonly Diagnostic[] = [], exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
}
