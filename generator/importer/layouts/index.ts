/**
 * The layouts the importer reads, and the choice of one for a page: forced by the caller
 * (`import --layout`), else the first whose `detect` accepts the text, else the text dump (the
 * layout whose errors say best what a method page must look like).
 */
import type { LayoutName } from '../page-model.js';
import type { Layout } from './layout.js';
import { looksLikeBrowserTsv, parseBrowserTsv } from './browser-tsv/index.js';
import { looksLikeEnDocs, parseEnDocs } from './en-docs/index.js';
import { looksLikeOpendocs, parseOpendocs } from './opendocs/index.js';
import { parseTextDump } from './text-dump/index.js';

export const LAYOUTS: Readonly<Record<LayoutName, Layout>> = {
  'text-dump': {
    name: 'text-dump',
    summary: 'plain-text dump of a doc page (section headings on their own lines, `name Type 必填 32 ...` rows)',
    // Every other layout is recognised by its own markers; the dump is what remains.
    detect: () => true,
    parse: parseTextDump,
  },
  opendocs: {
    name: 'opendocs',
    summary: 'markdown scrape of the current doc site (`## 业务请求参数` headings, `**name**必选string(64)` fields)',
    detect: looksLikeOpendocs,
    parse: parseOpendocs,
  },
  'browser-tsv': {
    name: 'browser-tsv',
    summary: 'old doc site copied from a browser (the text dump\'s sections, tab-separated table cells, multi-line cells)',
    detect: looksLikeBrowserTsv,
    parse: parseBrowserTsv,
  },
  'en-docs': {
    name: 'en-docs',
    summary: 'English doc site markdown (`# method` title, `Parameter | Type | Nullable | Max-length` tables, italic child rows)',
    detect: looksLikeEnDocs,
    parse: parseEnDocs,
  },
};

export { LAYOUT_NAMES } from '../page-model.js';

export interface LayoutChoice {
  layout: Layout;
  /** Why this layout: the caller asked for it, or detection picked it. */
  how: 'forced' | 'detected';
}

/** Detection order: the most specific layouts first, the text dump last. */
const DETECTION_ORDER: readonly LayoutName[] = ['opendocs', 'en-docs', 'browser-tsv', 'text-dump'];

export function chooseLayout(text: string, forced?: LayoutName): LayoutChoice {
  if (forced !== undefined) return { layout: LAYOUTS[forced], how: 'forced' };
  const name = DETECTION_ORDER.find((n) => LAYOUTS[n].detect(text)) ?? 'text-dump';
  return { layout: LAYOUTS[name], how: 'detected' };
}

export function isLayoutName(name: string): name is LayoutName {
  return Object.hasOwn(LAYOUTS, name);
}
