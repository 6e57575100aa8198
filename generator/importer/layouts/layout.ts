/** What every layout parser returns: the page model, or only diagnostics when the page is unreadable. */
import type { Diagnostic } from '../../diagnostics.js';
import type { LayoutName, PageModel } from '../page-model.js';

export interface LayoutResult {
  /** Absent when the page cannot be read at all (empty, binary, no method header). */
  page?: PageModel;
  /** Without `file`: the caller knows which file the page came from. */
  diagnostics: Omit<Diagnostic, 'file'>[];
}

export interface Layout {
  name: LayoutName;
  /** One line for `--help` and for the "picked layout" note. */
  summary: string;
  /** Whether the text looks like a page in this layout (cheap: looks at the first lines only). */
  detect: (text: string) => boolean;
  parse: (text: string) => LayoutResult;
}

/**
 * What rules a text out before any layout reads it: nothing but blank lines, or a NUL byte (a
 * binary file). The one wording of both, whatever the layout.
 */
export function notAPage(text: string, hasContent: boolean): string | undefined {
  if (!hasContent) return 'the file is empty: expected an Alipay method doc page';
  if (text.includes('\u0000')) return 'not an Alipay method doc page: the file is binary';
  return undefined;
}
