/**
 * One verdict per value, three judges: for every field kind of the table (a new kind is covered
 * without touching this file, a new container category fails to compile below) and a few
 * constraint sets per kind, random values get the same verdict from
 *   (a) the loader's example check (`parseSpec` of a spec whose examples.request holds the value),
 *   (b) the generated validator (the method module's JS, emitted and imported),
 *   (c) ajv on the JSON Schema the kinds table gives.
 * The one known gap is (c) for a number's maxLength: JSON Schema cannot count a number's digits,
 * so the table keeps it as `x-alipay-max-length` and ajv is not asked about it. A file is a
 * top-level param (spec `params`, examples.params) and no JSON value is one: the loader and the
 * validator refuse every value; ajv is not asked (`format: binary` describes bytes, not JSON).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import { planPackage } from '../../generator/plan/package.js';
import { runtimeExportNames } from '../../generator/plan/runtime-exports.js';
import { emitMethodModule } from '../../generator/emit/method-module.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { objectSchema } from '../../generator/types/json-schema.js';
import type { FieldKind } from '../../generator/types/kind.js';
import { FIELD_KINDS, KINDS, assertNever } from '../../generator/types/table.js';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Case {
  name: string;
  spec: MethodSpec;
  /** Whether ajv can judge this case exactly. */
  schemaExact: boolean;
}

/** The field `v` of the kind, bare and with each constraint the kind takes. */
function cases(kind: FieldKind, index: number): Case[] {
  const m = KINDS[kind];
  const file = m.category === 'file';
  return shapes(kind).map((f, i) => {
    const field: Field = { name: 'v', required: true, ...f };
    const method = `alipay.agreement.k${index}c${i}`;
    return {
      name: `${kind} ${JSON.stringify({ ...f, type: undefined })}`,
      spec: file ? { method, request: [], params: [field], response: [], errors: [] } : { method, request: [field], response: [], errors: [] },
      schemaExact: !file && !(f.maxLength !== undefined && m.maxLength === 'digits'),
    };
  });
}

/** The field under test, wherever its kind lives (files are top-level params). */
const fieldOf = (c: Case): Field => c.spec.request[0] ?? c.spec.params![0]!;

function shapes(kind: FieldKind): Omit<Field, 'name' | 'required'>[] {
  const m = KINDS[kind];
  switch (m.category) {
    case 'object':
      // Closed, and open (the page names the model without its fields: any object).
      return [{ type: kind, fields: [{ name: 's', type: 'string', required: false }] }, { type: kind, model: 'Open' }];
    case 'array':
      return [{ type: kind, items: { type: 'string', maxLength: 3 } }];
    case 'scalar':
      return [
        { type: kind },
        { type: kind, maxLength: 4 },
        ...(m.enumerable ? [{ type: kind, enum: [{ value: String(m.sample) }] }, { type: kind, enum: [{ value: String(m.sample) }], enumOpen: true }] : []),
      ];
    case 'file':
      return [{ type: kind }, { type: kind, maxLength: 4 }];
  }
  return assertNever(m);
}

const ALL: Case[] = FIELD_KINDS.flatMap((k, i) => cases(k, i));

// Values near every kind's edges, plus anything JSON. Integers beyond 2^53 are left out: YAML
// cannot keep them exactly, and the loader says so (a different, documented refusal).
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }))
  .map(([y, mo, d, h, mi]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(mi, 2)}`);
const priceLike = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.constantFrom('0', '00', '1', '12', '100', '007'), fc.constantFrom('', '.', '.5', '.50', '.505', 'e2'))
  .map(([sign, int, frac]) => sign + int + frac);
const safeNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n) || Number.isSafeInteger(n)));
const scalar = fc.oneof(
  safeNumber,
  safeNumber.map(String),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(true, false, 'true', 'false', null, '', '1', '1.0', '2024-02-29 00:00:00', '2023-02-29 00:00:00', '-0.50', '88.88'),
  dateLike,
  priceLike,
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('s', 't'), scalar, { maxKeys: 2 }) },
);

describe('loader, generated validator and JSON Schema agree', () => {
  let dir: string;
  const validators = new Map<string, (value: unknown) => unknown[]>();
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addVocabulary(['x-alipay-type', 'x-alipay-max-length', 'x-alipay-max-bytes', 'x-enum-descriptions', 'x-enum-open']);
  // OpenAPI's name for bytes; files are not judged by ajv (schemaExact is false for them).
  ajv.addFormat('binary', true);
  const schemas = new Map<string, (value: unknown) => boolean>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agreement-'));
    mkdirSync(join(dir, 'methods'));
    // The committed package's built runtime: what generated modules import.
    symlinkSync(join(ROOT, 'generated/dist/runtime'), join(dir, 'runtime'));
    const runtimeExports = runtimeExportNames(readFileSync(join(ROOT, 'templates/runtime/index.ts'), 'utf8'));
    for (const c of ALL) {
      const ir = buildMethodIR(c.spec);
      const plan = planPackage([ir], runtimeExports).methods[0]!;
      const file = join(dir, 'methods', `${plan.stem}.js`);
      writeFileSync(file, emitMethodModule(plan).js);
      const module = (await import(pathToFileURL(file).href)) as Record<string, (value: unknown) => unknown[]>;
      validators.set(c.name, module[plan.exports.validateRequest]!);
      const check = ajv.compile(objectSchema([...ir.request, ...ir.params], ir, true));
      schemas.set(c.name, (v) => check(v) === true);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every kind of the table', () => {
    expect(new Set(ALL.map((c) => fieldOf(c).type))).toEqual(new Set(FIELD_KINDS));
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const validator = validators.get(c.name)!;
    const schema = schemas.get(c.name)!;
    fc.assert(
      fc.property(value, (v) => {
        const example = { v };
        const examples = c.spec.params === undefined ? { request: example } : { params: example };
        const { diagnostics } = parseSpec(dumpSpec({ ...c.spec, examples }), 'x.yaml');
        const loaderOk = !diagnostics.some((d) => d.severity === 'error');
        const validatorOk = validator(example).length === 0;
        expect({ loaderOk, problems: diagnostics.map((d) => d.message) }).toMatchObject({ loaderOk: validatorOk });
        if (c.schemaExact) expect(schema(example)).toBe(validatorOk);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * One-of groups are not checked on the doc's examples (a page's example often shows both members,
 * as `required` is not checked there either), so two judges: the generated validator and ajv on
 * the JSON Schema, for a group at the request's root and one in a model, on random objects.
 */
describe('generated validator and JSON Schema agree on one-of groups', () => {
  const member = (name: string) => ({ name, type: 'string' as const, required: 'conditional' as const });
  const spec: MethodSpec = {
    method: 'alipay.agreement.oneof',
    request: [member('a'), member('b'), { name: 'c', type: 'string', required: false }, {
      name: 'o', type: 'object', required: false, fields: [member('x'), member('y'), member('z')], oneOf: [['x', 'y', 'z']],
    }],
    oneOf: [['a', 'b']],
    response: [],
    errors: [],
  };
  let dir: string;
  let validator: (value: unknown) => unknown[];
  let schema: (value: unknown) => boolean;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agreement-oneof-'));
    mkdirSync(join(dir, 'methods'));
    symlinkSync(join(ROOT, 'generated/dist/runtime'), join(dir, 'runtime'));
    const ir = buildMethodIR(spec);
    const plan = planPackage([ir], runtimeExportNames(readFileSync(join(ROOT, 'templates/runtime/index.ts'), 'utf8'))).methods[0]!;
    const file = join(dir, 'methods', `${plan.stem}.js`);
    writeFileSync(file, emitMethodModule(plan).js);
    validator = ((await import(pathToFileURL(file).href)) as Record<string, (value: unknown) => unknown[]>)[plan.exports.validateRequest]!;
    const check = new Ajv2020({ allErrors: true }).compile(objectSchema(ir.request, ir, true, ir.oneOf));
    schema = (v) => check(v) === true;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on random requests', () => {
    const text = fc.string({ maxLength: 3 });
    const inner = fc.dictionary(fc.constantFrom('x', 'y', 'z'), text, { maxKeys: 3 });
    const request = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'o'), fc.oneof(text, inner), { maxKeys: 4 });
    let valid = 0;
    fc.assert(
      fc.property(request, (v) => {
        const ok = validator(v).length === 0;
        if (ok) valid++;
        expect(schema(v)).toBe(ok);
      }),
      { numRuns: 500 },
    );
    // Both verdicts occur (a property that only ever saw rejections would prove little).
    expect(valid).toBeGreaterThan(0);
  });
});
