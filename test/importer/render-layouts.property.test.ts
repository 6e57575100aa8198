/**
 * render -> import round trips for the browser-tsv and en-docs layouts, as render.property.test.ts
 * does for the text dump: random specs rendered in the layout come back unchanged, without
 * diagnostics, and detection picks the layout.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { guessCount, isGuess, methodSpec } from './arbitrary.js';
import { renderBrowserTsv } from './render-browser-tsv.js';
import { renderEnDocs } from './render-en-docs.js';

describe('browser-tsv: render -> import', () => {
  it('gives back every random spec unchanged, one- or two-tab cells', () => {
    fc.assert(
      fc.property(methodSpec, fc.boolean(), (spec, doubleTabs) => {
        const r = importDoc(renderBrowserTsv(spec, { doubleTabs }), 'copied.txt');
        expect(r.layout).toEqual({ name: 'browser-tsv', how: 'detected' });
        // The one-of groups and open enums the page states in words are guesses: one warning each, nothing else.
        expect(r.diagnostics.filter((d) => !isGuess(d))).toEqual([]);
        expect(r.diagnostics.filter(isGuess)).toHaveLength(guessCount(spec));
        expect(r.spec).toEqual(spec);
      }),
      { numRuns: 200 },
    );
  });
});

/** The spec as the English site can state it: no title, and no "conditional" Nullable value. */
function englishExpressible(spec: MethodSpec): MethodSpec {
  const fields = (list: readonly Field[]): Field[] =>
    list.map((f) => {
      const out: Field = { ...f, required: f.required === true };
      if (f.fields) out.fields = fields(f.fields);
      if (f.items?.fields) out.items = { ...f.items, fields: fields(f.items.fields) };
      return out;
    });
  const { title: _title, ...rest } = spec;
  return { ...rest, request: fields(spec.request), response: fields(spec.response), ...(spec.params && { params: fields(spec.params) }) };
}

describe('en-docs: render -> import', () => {
  it('gives back every random spec the layout can state unchanged', () => {
    fc.assert(
      fc.property(methodSpec.map(englishExpressible), (spec) => {
        const r = importDoc(renderEnDocs(spec), 'page.en.md');
        expect(r.layout).toEqual({ name: 'en-docs', how: 'detected' });
        // The one-of groups and open enums the page states in words are guesses: one warning each, nothing else.
        expect(r.diagnostics.filter((d) => !isGuess(d))).toEqual([]);
        expect(r.diagnostics.filter(isGuess)).toHaveLength(guessCount(spec));
        expect(r.spec).toEqual(spec);
      }),
      { numRuns: 200 },
    );
  });
});
