/**
 * Properties of the spec diff on random specs: a spec compared with itself (or a copy) has no
 * changes; every single mutation is reported as exactly one change, at the mutated path, with
 * the class the mutation calls for (the expected class is stated per mutation here, not taken
 * from the diff's tables).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMethod, diffSpecs } from '../../generator/diff/index.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const text = fc.stringMatching(/^[a-z会员卡信息]{1,8}$/);
const scalarType = fc.constantFrom('string', 'number', 'date', 'price', 'boolean' as const);

const scalar: fc.Arbitrary<Omit<Field, 'name'>> = fc.record(
  {
    type: scalarType,
    required: fc.constantFrom(true, false, 'conditional' as const),
    maxLength: fc.integer({ min: 2, max: 256 }),
    description: text,
    example: text,
    enum: fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,4}$/), { minLength: 1, maxLength: 3 }).map((vs) => vs.map((value) => ({ value }))),
  },
  { requiredKeys: ['type', 'required'] },
);

function fieldList(depth: number): fc.Arbitrary<Field[]> {
  const member: fc.Arbitrary<Omit<Field, 'name'>> =
    depth === 0
      ? scalar
      : fc.oneof(
          { weight: 3, arbitrary: scalar },
          {
            weight: 1,
            arbitrary: fc.record({ required: fc.boolean(), model: fc.stringMatching(/^[A-Z][a-z]{2,6}$/), fields: fieldList(depth - 1) }).map((r) => ({ type: 'object' as const, ...r })),
          },
        );
  return fc.uniqueArray(fc.tuple(name, member), { minLength: 1, maxLength: 4, selector: ([n]) => n }).map((es) => es.map(([n, f]) => ({ name: n, ...f }) as Field));
}

const spec: fc.Arbitrary<MethodSpec> = fc.record({
  method: fc.constant('alipay.random.method'),
  title: text,
  request: fieldList(2),
  response: fieldList(2),
  errors: fc.uniqueArray(fc.stringMatching(/^[A-Z_]{2,8}$/), { maxLength: 3 }).map((cs) => cs.map((code) => ({ code }))),
});

interface Located {
  readonly field: Field;
  readonly list: Field[];
  readonly path: string;
  readonly input: boolean;
}

function locate(s: MethodSpec): Located[] {
  const out: Located[] = [];
  const walk = (list: Field[], prefix: string, input: boolean): void => {
    for (const field of list) {
      const path = `${prefix}.${field.name}`;
      out.push({ field, list, path, input });
      if (field.fields) walk(field.fields, path, input);
    }
  };
  walk(s.request, 'request', true);
  walk(s.response, 'response', false);
  return out;
}

type Expected = { path: string; class: string } | undefined;
/** Mutates one located field (in a copy) and says what the diff must report; undefined when it does not apply. */
type Mutation = (at: Located, s: MethodSpec) => Expected;

const MUTATIONS: Readonly<Record<string, Mutation>> = {
  remove: (at) => (at.list.splice(at.list.indexOf(at.field), 1), { path: at.path, class: 'breaking' }),
  addOptional: (at) => {
    if (at.field.fields === undefined || at.field.fields.some((f) => f.name === 'zz_added')) return undefined;
    at.field.fields.push({ name: 'zz_added', type: 'string', required: false });
    return { path: `${at.path}.zz_added`, class: 'feature' };
  },
  addRequired: (at) => {
    if (at.field.fields === undefined || at.field.fields.some((f) => f.name === 'zz_added')) return undefined;
    at.field.fields.push({ name: 'zz_added', type: 'string', required: true });
    return { path: `${at.path}.zz_added`, class: at.input ? 'breaking' : 'feature' };
  },
  makeRequired: (at) => {
    if (at.field.required === true) return undefined;
    at.field.required = true;
    return { path: at.path, class: at.input ? 'breaking' : 'feature' };
  },
  makeOptional: (at) => {
    if (at.field.required !== true) return undefined;
    at.field.required = false;
    return { path: at.path, class: at.input ? 'feature' : 'breaking' };
  },
  lowerMaxLength: (at) => {
    if (at.field.maxLength === undefined) return undefined;
    at.field.maxLength -= 1;
    return { path: at.path, class: at.input ? 'breaking' : 'fix' };
  },
  raiseMaxLength: (at) => {
    if (at.field.maxLength === undefined) return undefined;
    at.field.maxLength += 1;
    return { path: at.path, class: at.input ? 'feature' : 'fix' };
  },
  removeEnumValue: (at) => {
    if (at.field.enum === undefined || at.field.enum.length < 2) return undefined;
    at.field.enum.pop();
    return { path: at.path, class: 'breaking' };
  },
  addEnumValue: (at) => {
    if (at.field.enum === undefined) return undefined;
    at.field.enum.push({ value: 'zz' });
    return { path: at.path, class: 'feature' };
  },
  renameModel: (at) => {
    if (at.field.model === undefined) return undefined;
    at.field.model += 'X';
    return { path: at.path, class: 'breaking' };
  },
  changeType: (at) => {
    if (at.field.type !== 'number' && at.field.type !== 'boolean') return undefined;
    at.field.type = at.field.type === 'number' ? 'boolean' : 'number';
    return { path: at.path, class: 'breaking' };
  },
  describe: (at) => ((at.field.description = `${at.field.description ?? ''}!`), { path: at.path, class: 'docs' }),
  example: (at) => ((at.field.example = `${String(at.field.example ?? '')}!`), { path: at.path, class: 'docs' }),
  addError: (_, s) => {
    if (s.errors.some((e) => e.code === 'ZZ_NEW')) return undefined;
    s.errors.push({ code: 'ZZ_NEW' });
    return { path: 'errors.ZZ_NEW', class: 'feature' };
  },
  removeError: (_, s) => {
    const e = s.errors.pop();
    return e === undefined ? undefined : { path: `errors.${e.code}`, class: 'breaking' };
  },
};

describe('spec diff properties', () => {
  it('diff(a, a) and diff(a, copy of a) are empty', () => {
    fc.assert(
      fc.property(spec, (a) => {
        expect(diffMethod(a, a)).toEqual([]);
        expect(diffMethod(a, structuredClone(a))).toEqual([]);
        expect(diffSpecs([a], [structuredClone(a)]).methods).toEqual([]);
      }),
    );
  });

  it('every single mutation is one change at its path with the right class', () => {
    fc.assert(
      fc.property(spec, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), (a, mutation, pick) => {
        const b = structuredClone(a);
        const places = locate(b);
        const expected = MUTATIONS[mutation]!(places[pick % places.length]!, b);
        fc.pre(expected !== undefined);
        const changes = diffMethod(a, b);
        expect(changes.map((c) => ({ path: c.path, class: c.class }))).toEqual([expected]);
      }),
      { numRuns: 500 },
    );
  });
});
