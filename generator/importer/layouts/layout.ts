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
