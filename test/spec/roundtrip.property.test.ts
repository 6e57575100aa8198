import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../generator/spec/load.js';
import { methodSpec } from './arbitraries.js';
import { specToYaml } from './helpers/spec-yaml.js';

describe('round trip', () => {
  it('random valid MethodSpecs written as YAML load back equal, without errors', () => {
    fc.assert(
      fc.property(methodSpec, (spec) => {
        const { spec: loaded, diagnostics } = parseSpec(specToYaml(spec), `${spec.method}.yaml`);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(loaded?.spec).toStrictEqual(spec);
      }),
      { numRuns: 300 },
    );
  });
});
