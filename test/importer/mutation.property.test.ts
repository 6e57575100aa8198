/**
 * Mutated doc pages (issue 14): a rendered page with sections dropped, cut at a random line,
 * blocks shuffled, or hostile characters inserted. Whatever the page, the importer gives a clear
 * error or a spec the loader accepts (plus warnings), every diagnostic one positioned line, and
 * never throws.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { importDoc } from '../../generator/importer/import-doc.js';
import { SECTION_NAMES } from '../../generator/importer/page-model.js';
import { parseSpec } from '../../generator/spec/load.js';
import { methodSpec } from './arbitrary.js';
import { renderDoc } from './render.js';
import { renderBrowserTsv } from './render-browser-tsv.js';
import { renderEnDocs } from './render-en-docs.js';

const HOSTILE = ['\u2028', '\u2029', '\r', '\t', '\u3000', '\uFEFF', '└', '•', '{{a}: 1}', '"', '\\', '\\u', ':', '；', '为', '时必填', '[]', ' ', '\n\n', 'a'.repeat(2000), ' '.repeat(2000), '必填', '-', '0', '9'.repeat(30), '__proto__', 'constructor', '\u0085', '\u001b[31m'];

/** Section headings of the layouts: the text dump's (and browser copy's) own lines, the opendocs and English `## ` headings. */
const HEADINGS: readonly string[] = [
  ...SECTION_NAMES,
  ...['公共请求参数', '业务请求参数', '公共响应参数', '业务响应参数', '业务错误码', '公共错误码'].map((h) => `## ${h}`),
  ...['Request parameters', 'Response parameters', 'Common response parameters', 'Request sample', 'Response sample', 'Abnormal sample', 'Business error code'].map((h) => `## ${h}`),
];

type Mutation =
  | { kind: 'drop-section'; which: number }
  | { kind: 'cut'; at: number }
  | { kind: 'shuffle'; order: number[] }
  | { kind: 'insert'; at: number; col: number; text: string }
  | { kind: 'delete-line'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop-section' as const), which: fc.nat(HEADINGS.length - 1) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(400) }),
  fc.record({ kind: fc.constant('shuffle' as const), order: fc.array(fc.nat(1000), { minLength: 2, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(400), col: fc.nat(80), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat(400) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'drop-section': {
      const start = lines.indexOf(HEADINGS[m.which]!);
      if (start < 0) return text;
      let end = start + 1;
      while (end < lines.length && !HEADINGS.includes(lines[end]!)) end++;
      return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
    }
    case 'cut':
      return lines.slice(0, m.at % (lines.length + 1)).join('\n');
    case 'shuffle': {
      // Blocks are the blank-line separated parts; move them by the drawn keys.
      const blocks = text.split('\n\n');
      const keyed = blocks.map((b, i) => ({ b, k: m.order[i % m.order.length]! * 1000 + i }));
      return keyed.sort((x, y) => x.k - y.k).map((x) => x.b).join('\n\n');
    }
    case 'insert': {
      const i = m.at % lines.length;
      const line = lines[i]!;
      const col = m.col % (line.length + 1);
      lines[i] = line.slice(0, col) + m.text + line.slice(col);
      return lines.join('\n');
    }
    case 'delete-line':
      lines.splice(m.at % lines.length, 1);
      return lines.join('\n');
  }
}

/** The promise, whatever the page: a clear error, or a spec the loader accepts; one positioned line per diagnostic. */
function expectClearOutcome(text: string): void {
  const r = importDoc(text, 'doc.txt');
  for (const d of r.diagnostics) {
    expect(d.file).toBe('doc.txt');
    expect(d.line).toBeGreaterThan(0);
    expect(formatDiagnostic(d)).not.toMatch(/[\r\n\u2028\u2029]/);
  }
  if (r.spec) {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.yaml).toBeDefined();
    expect(parseSpec(r.yaml!, `${r.spec.method}.yaml`).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  } else {
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(r.yaml).toBeUndefined();
  }
}

const SAMPLES = ['alipay.trade.query.opendocs.md', 'alipay.trade.close.opendocs.md', 'alipay.trade.app.pay.opendocs.md'].map((name) =>
  readFileSync(new URL(`../../../shared/docs-samples/${name}`, import.meta.url), 'utf8'),
);

const NEW_LAYOUT_SAMPLES = ['alipay.fund.auth.operation.cancel.en.md', 'alipay.fund.trans.order.query.tsv.txt'].map((name) =>
  readFileSync(new URL(`../../../shared/docs-samples/${name}`, import.meta.url), 'utf8'),
);

describe('mutated pages', () => {
  it('text dumps: a clear error or a valid spec plus warnings; never a crash, never an invalid spec', () => {
    fc.assert(
      fc.property(methodSpec, fc.array(mutation, { minLength: 1, maxLength: 4 }), (spec, mutations) => expectClearOutcome(mutations.reduce(mutate, renderDoc(spec)))),
      { numRuns: 200 },
    );
  });

  it('browser copies and English pages (the samples and rendered pages): the same', () => {
    const pages = fc.oneof(
      fc.constantFrom(...NEW_LAYOUT_SAMPLES),
      fc.tuple(methodSpec, fc.boolean()).map(([spec, doubleTabs]) => renderBrowserTsv(spec, { doubleTabs })),
      methodSpec.map((spec) => renderEnDocs(spec)),
    );
    fc.assert(
      fc.property(pages, fc.array(mutation, { minLength: 1, maxLength: 4 }), (page, mutations) => expectClearOutcome(mutations.reduce(mutate, page))),
      { numRuns: 300 },
    );
  });

  it('opendocs scrapes: the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (page, mutations) => expectClearOutcome(mutations.reduce(mutate, page))),
      { numRuns: 200 },
    );
  });
});
