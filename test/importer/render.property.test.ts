import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { renderDoc } from './render.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import { depth, guessCount, isGuess, methodSpec } from './arbitrary.js';

describe('render -> import', () => {
  it('gives back every random spec unchanged, without diagnostics', () => {
    fc.assert(
      fc.property(methodSpec, (spec) => {
        const r = importDoc(renderDoc(spec), 'rendered.txt');
        // The one-of groups and open enums the page states in words are guesses: one warning each, nothing else.
        expect(r.diagnostics.filter((d) => !isGuess(d))).toEqual([]);
        expect(r.diagnostics.filter(isGuess)).toHaveLength(guessCount(spec));
        expect(r.spec).toEqual(spec);
      }),
      { numRuns: 300 },
    );
  });

  it('the generator reaches 3+ levels of nesting, enums and requiredIf (so the property covers them)', () => {
    const samples = fc.sample(methodSpec, { numRuns: 300, seed: 42 });
    const all = (s: (typeof samples)[number]) => JSON.stringify([s.request, s.params, s.response]);
    expect(samples.some((s) => depth([...s.request, ...s.response]) >= 4)).toBe(true);
    expect(samples.some((s) => all(s).includes('"enum"'))).toBe(true);
    expect(samples.some((s) => all(s).includes('"requiredIf"'))).toBe(true);
    expect(samples.some((s) => all(s).includes('"type":"array"'))).toBe(true);
    expect(samples.some((s) => s.params !== undefined && s.params.length > 0 && s.request.length === 0)).toBe(true);
    // The spec-format additions a page states: open enums, one-of groups at the top and inside objects.
    expect(samples.some((s) => all(s).includes('"enumOpen":true'))).toBe(true);
    expect(samples.some((s) => s.oneOf !== undefined)).toBe(true);
    expect(samples.some((s) => all(s).includes('"oneOf"'))).toBe(true);
  });
});

describe('dump -> load', () => {
  it('the spec loader reads every dumped random spec back unchanged', () => {
    fc.assert(
      fc.property(methodSpec, (spec) => {
        const loaded = parseSpec(dumpSpec(spec), 'x.yaml');
        expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(loaded.spec?.spec).toEqual(spec);
      }),
      { numRuns: 150 },
    );
  });
});
