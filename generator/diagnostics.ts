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

/** An error from the file system (it has an errno code such as ENOENT). */
export function isIoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'file name too long',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  EMFILE: 'too many open files',
  EBUSY: 'resource busy',
};

/** `permission denied (EACCES)`: what went wrong, for a message that already names the path. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error instanceof Error ? error.message : String(error);
  return `${IO_REASONS[code] ?? 'input/output error'} (${code})`;
}

/** A user error for a failed file operation: `<what> <path>: <reason> (<CODE>)`, no stack trace. */
export function ioUserError(error: NodeJS.ErrnoException, what = 'cannot access'): UserError {
  const path = error.path === undefined ? '' : ` ${error.path}`;
  return new UserError(`${what}${path}: ${ioReason(error)}`);
}
