/**
 * Random MethodSpecs that a doc page can express, for the render -> import property.
 *
 * What a page cannot express is left out on purpose, because the doc layout itself is ambiguous
 * there: scalars always have an example and objects never do (a trailing word could be either),
 * every object has children, descriptions never contain `:` lists or `...时必填` phrases except the
 * enum / requiredIf text generated together with the matching enum / requiredIf, and wire names are
 * unique in a spec (the page's example JSON is what places nested fields, so a name shown at two
 * levels is ambiguous by nature). The examples are built from the fields, as on a real page.
 */
import fc from 'fast-check';
import { setterKey } from '../../generator/importer/to-spec/params.js';
import type { EnumValue, Field, ItemType, MethodSpec, Requiredness } from '../../generator/spec/model.js';

// No 必/可/选/是/否/特/条/为/时 here: those form required markers and requiredIf phrases.
const CJK = [...'会员卡信息数据商户用户状态类型编号说明门店名称地址金额文案图片标签展示时间开卡积分等级'];
const word = fc.oneof(
  fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 5 }).map((c) => c.join('')),
  fc.stringMatching(/^[a-z]{1,6}$/),
);
const line = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
/** 1-3 lines, sometimes with a blank line inside (the dumps keep paragraph breaks). */
const description = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([lines, blank]) => (blank && lines.length > 1 ? [lines[0]!, '', ...lines.slice(1)] : lines));

const wireName = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
/** Model names that are not read as scalar type names. */
const modelName = fc.stringMatching(/^[A-Z][a-zA-Z0-9]{2,10}$/).filter((m) => !/^(string|number|boolean|date|price|long|integer|int|double|float|bool|object|jsonobject|map)$/i.test(m));
const required: fc.Arbitrary<Requiredness> = fc.constantFrom(true, false, 'conditional' as const);
const maxLength = fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined });

type Scalar = Exclude<ItemType, 'object'>;
const pad = (n: number) => String(n).padStart(2, '0');
const exampleFor: Record<Scalar, fc.Arbitrary<string | number | boolean>> = {
  string: fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/),
  number: fc.oneof(fc.integer({ min: -1_000_000, max: 2_000_000_000 }), fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100)),
  boolean: fc.boolean(),
  date: fc
    .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([y, mo, d, h, mi]) => `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(mi)}`),
  price: fc.tuple(fc.nat(99999), fc.nat(99)).map(([a, b]) => `${a}.${pad(b)}`),
};

/** Enum text in one of the page's three layouts, with the values it stands for and an example among them. */
const enumText = fc.oneof(
  fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), { minLength: 2, maxLength: 4 }).chain((codes) =>
    fc.tuple(fc.array(word, { minLength: codes.length, maxLength: codes.length }), fc.constantFrom(...codes)).map(([descs, ex]) => ({
      lines: codes.map((c, i) => `${c}:${descs[i]}`),
      values: codes.map((c, i): EnumValue => ({ value: c, description: descs[i]! })),
      example: ex,
    })),
  ),
  fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 2, maxLength: 4 }).chain((names) =>
    fc.tuple(fc.array(word, { minLength: names.length, maxLength: names.length }), fc.constantFrom(...names)).map(([descs, ex]) => ({
      lines: [names.map((n, i) => `${i + 1}:${n}(${descs[i]})`).join(';')],
      values: names.map((n, i): EnumValue => ({ value: n, description: descs[i]! })),
      example: ex,
    })),
  ),
  fc.uniqueArray(fc.nat(9).map(String), { minLength: 2, maxLength: 4 }).chain((keys) =>
    fc.tuple(fc.array(fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 4 }).map((c) => c.join('')), { minLength: keys.length, maxLength: keys.length }), fc.constantFrom(...keys)).map(([descs, ex]) => ({
      lines: [keys.map((k, i) => `${k}:${descs[i]}`).join(';')],
      values: keys.map((k, i): EnumValue => ({ value: k, description: descs[i]! })),
      example: ex,
    })),
  ),
);

/** The description line that makes an enum open. */
export const OPEN_ENUM_LINE = '取值包括但不限于以下';

/** A field before names are made unique; `requiredIf` is decided then too (it needs a sibling). */
type Draft = { field: Field; children?: Draft[]; requiredIfValue?: string; oneOfPrevious?: boolean };

const scalarDraft: fc.Arbitrary<Draft> = fc
  .record({
    name: wireName,
    type: fc.constantFrom<Scalar>('string', 'number', 'boolean', 'date', 'price'),
    required,
    maxLength,
    lines: description,
    withEnum: fc.boolean(),
    requiredIfValue: fc.option(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/), { nil: undefined }),
    open: fc.boolean(),
    oneOfPrevious: fc.boolean(),
  })
  .chain((r) => {
    const enumArb = r.type === 'string' && r.withEnum ? enumText.map((e) => e as typeof e | undefined) : fc.constant(undefined);
    return fc.tuple(enumArb, exampleFor[r.type]).map(([en, example]): Draft => {
      // An open enum: the description says the list is not all of it (the importer warns and keeps it open).
      const open = en !== undefined && r.open;
      const field: Field = { name: r.name, type: r.type, required: r.required, description: [...r.lines, ...(open ? [OPEN_ENUM_LINE] : []), ...(en?.lines ?? [])].join('\n'), example: en ? en.example : example };
      // Consistent specs: the loader rejects an example or enum value longer than maxLength.
      const longest = Math.max(String(field.example).length, ...(en?.values.map((v) => v.value.length) ?? []));
      if (r.maxLength !== undefined) field.maxLength = Math.max(r.maxLength, longest);
      if (en) field.enum = en.values;
      if (open) field.enumOpen = true;
      const draft: Draft = r.requiredIfValue === undefined ? { field } : { field, requiredIfValue: r.requiredIfValue };
      if (r.oneOfPrevious) draft.oneOfPrevious = true;
      return draft;
    });
  });

const scalarArrayDraft: fc.Arbitrary<Draft> = fc
  .record({ name: wireName, item: fc.constantFrom<Scalar>('string', 'number'), required, maxLength, lines: description, text: fc.stringMatching(/^[A-Za-z_]{1,10}$/), digits: fc.stringMatching(/^[1-9][0-9]{0,5}$/) })
  .map((r) => ({ ...r, example: r.item === 'number' ? r.digits : r.text }))
  .map((r) => {
    const field: Field = { name: r.name, type: 'array', required: r.required, description: r.lines.join('\n'), example: r.example, items: { type: r.item } };
    if (r.maxLength !== undefined) field.maxLength = r.maxLength;
    return { field };
  });

const { draft } = fc.letrec<{ draft: Draft; container: Draft }>((tie) => ({
  draft: fc.oneof({ maxDepth: 4, depthIdentifier: 'field' }, scalarDraft, scalarDraft, scalarArrayDraft, tie('container')),
  container: fc
    .record({
      name: wireName,
      list: fc.boolean(),
      model: fc.option(modelName, { nil: undefined }),
      required,
      maxLength,
      lines: description,
      children: fc.array(tie('draft'), { minLength: 1, maxLength: 4 }),
    })
    .map((r): Draft => {
      const shape = r.model === undefined ? { type: 'object' as const } : { type: 'object' as const, model: r.model };
      const field: Field = r.list
        ? { name: r.name, type: 'array', required: r.required, description: r.lines.join('\n'), items: { ...shape } }
        : { name: r.name, ...shape, required: r.required, description: r.lines.join('\n') };
      // Objects have no max length in specs (the importer drops the doc's meaningless one); lists keep theirs.
      if (r.list && r.maxLength !== undefined) field.maxLength = r.maxLength;
      return { field, children: r.children };
    }),
}));

/**
 * Unique names across the spec, then children, requiredIf (on the previous sibling) and one-of
 * groups (`与<previous>二选一` in the description) filled in; groups go on `owner` when the level
 * can hold them (not a response's top level).
 */
function finish(drafts: readonly Draft[], used: Set<string>, owner?: { oneOf?: string[][] }): Field[] {
  const fields: Field[] = [];
  const grouped = new Set<string>();
  for (const d of drafts) {
    let name = d.field.name;
    for (let n = 2; used.has(name); n++) name = `${d.field.name}_${n}`;
    used.add(name);
    const field: Field = structuredClone({ ...d.field, name });
    const previous = fields[fields.length - 1];
    // A group of two string fields the page states in words, neither tied by requiredIf.
    const group = owner !== undefined && d.oneOfPrevious === true && previous?.type === 'string' && field.type === 'string' && !grouped.has(previous.name) && !previous.requiredIf;
    // Tied to a string sibling, with one of its enum values when it has an enum (as the loader demands).
    if (!group && d.requiredIfValue !== undefined && previous?.type === 'string') {
      const values = previous.enum?.map((e) => e.value) ?? [d.requiredIfValue];
      const equals = values[d.requiredIfValue.length % values.length]!;
      field.requiredIf = { field: previous.name, equals };
      field.description = `${field.description}\n${previous.name}为${equals}时必填`;
    }
    if (d.children) {
      const shape = field.items ?? field;
      shape.fields = finish(d.children, used, shape);
    }
    if (group) {
      for (const f of [previous!, field]) if (f.required === true) f.required = 'conditional';
      field.description = `${field.description}\n与${previous!.name}二选一`;
      grouped.add(previous!.name).add(field.name);
      (owner!.oneOf ??= []).push([field.name, previous!.name]);
    }
    fields.push(field);
  }
  return fields;
}

/** How many guesses a page of the spec makes the importer warn about: one per one-of group in words and per open enum. */
export function guessCount(spec: MethodSpec): number {
  const count = (fields: readonly Field[]): number =>
    fields.reduce((n, f) => {
      const shape = f.items ?? f;
      return n + (shape.enumOpen ? 1 : 0) + (shape.oneOf?.length ?? 0) + count(shape.fields ?? []);
    }, 0);
  return (spec.oneOf?.length ?? 0) + count([...spec.request, ...(spec.params ?? []), ...spec.response]);
}

/** Whether a diagnostic is one of those guesses. */
export function isGuess(d: { severity: string; message: string }): boolean {
  return d.severity === 'warning' && (/reads as a one-of group/.test(d.message) || /the values are not all listed/.test(d.message));
}

/** The example value a page would show for these fields. */
export function exampleObject(fields: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const children = f.fields ?? f.items?.fields;
    if (children) out[f.name] = f.type === 'array' ? [exampleObject(children)] : exampleObject(children);
    // A list's example is one item as the doc writes it; the JSON shows it typed.
    else out[f.name] = f.type === 'array' ? [f.items?.type === 'number' ? Number(f.example) : f.example] : f.example;
  }
  return out;
}

export const methodSpec: fc.Arbitrary<MethodSpec> = fc
  .record({
    method: fc.stringMatching(/^[a-z]{2,6}(\.[a-z]{2,8}){2,3}$/),
    title: fc.option(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { nil: undefined }),
    description: fc.option(fc.array(line, { minLength: 1, maxLength: 2 }).map((l) => l.join('\n')), { nil: undefined }),
    request: fc.array(draft, { maxLength: 5 }),
    response: fc.array(draft, { maxLength: 4 }),
    setterStyle: fc.boolean(),
    errors: fc.array(
      fc.record({ code: fc.stringMatching(/^[A-Z][A-Z_]{2,10}$/), description: word, solution: fc.option(line, { nil: undefined }) }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const used = new Set<string>();
    const top: { oneOf?: string[][] } = {};
    const request = finish(r.request, used, top);
    const response = finish(r.response, used);
    const spec: MethodSpec = {
      method: r.method,
      request,
      ...(top.oneOf && { oneOf: top.oneOf }),
      response,
      errors: r.errors.map((e) => (e.solution === undefined ? { code: e.code, description: e.description } : { code: e.code, description: e.description, solution: e.solution })),
      examples: {
        request: exampleObject(request),
        response: { [`${r.method.replace(/\./g, '_')}_response`]: { code: '10000', msg: 'Success', ...exampleObject(response) }, sign: 'SIGN' },
        error: { [`${r.method.replace(/\./g, '_')}_response`]: { code: '20000', msg: 'Service Currently Unavailable' }, sign: 'SIGN' },
      },
    };
    if (r.title !== undefined) spec.title = r.title;
    if (r.description !== undefined) spec.description = r.description;
    return r.setterStyle ? asSetterStyle(spec) : spec;
  });

/**
 * The page of a method whose params are top-level form params (the Java example uses setters):
 * possible when every request field is a scalar and no two names map to the same setter.
 */
function asSetterStyle(spec: MethodSpec): MethodSpec {
  const { request } = spec;
  const keys = new Set(request.map((f) => setterKey(f.name)));
  if (request.length === 0 || keys.size < request.length || request.some((f) => f.type === 'object' || f.type === 'array')) return spec;
  const { request: _biz, ...examples } = spec.examples!;
  // Setter arguments are Java strings: the example values are the strings the page shows.
  const params = Object.fromEntries(request.map((f) => [f.name, String(f.example)]));
  return { ...spec, request: [], params: request, examples: { ...examples, params } };
}

/** Deepest nesting of a field list (a top-level scalar is depth 1). */
export function depth(fields: readonly Field[]): number {
  return Math.max(0, ...fields.map((f) => 1 + depth(f.fields ?? f.items?.fields ?? [])));
}
