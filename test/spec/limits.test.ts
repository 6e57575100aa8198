/**
 * The documented limits of a spec (generator/spec/limits.ts, the method-name limit of
 * read-spec.ts): refused with file:line by the loader, refused by the dumper, before anything
 * recursive or memory-hungry runs. Each of these inputs was accepted before the limits existed
 * (a 230-character method name then crashed generate with ENAMETOOLONG; a 400-deep spec
 * overflowed the dumper's stack; a 10 MB enum value took 1.2 GB).
 */
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../generator/diagnostics.js';
import { generate } from '../../generator/build/index.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import { MAX_FIELDS, MAX_FIELD_DEPTH, MAX_SPEC_BYTES, MAX_STRING_LENGTH, MAX_YAML_DEPTH } from '../../generator/spec/limits.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { MAX_METHOD_NAME_LENGTH } from '../../generator/spec/read-spec.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function errors(text: string): string[] {
  return parseSpec(text, 'x.yaml').diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`);
}

const spec = (over: Partial<MethodSpec> = {}): MethodSpec => ({ method: 'alipay.limit.test', request: [], response: [], errors: [], ...over });

/** A top-level field with `depth` levels of fields in all (objects down to a string). */
function nested(depth: number): Field {
  let f: Field = { name: 'leaf', type: 'string', required: true };
  for (let i = 1; i < depth; i++) f = { name: `f${i}`, type: 'object', required: true, fields: [f] };
  return f;
}

describe('method name length', () => {
  const name = (n: number) => `a.${'b'.repeat(n - 2)}`;

  it('refuses a name longer than the file names generate writes can hold', () => {
    expect(errors(`method: ${name(MAX_METHOD_NAME_LENGTH + 1)}\nrequest: {}\nresponse: {}\n`)).toEqual([
      `1:9 method: method name is ${MAX_METHOD_NAME_LENGTH + 1} characters long; at most ${MAX_METHOD_NAME_LENGTH} (it names the generated files)`,
    ]);
    expect(errors(`method: ${name(230)}\nrequest: {}\nresponse: {}\n`)).toHaveLength(1);
  });

  it('generates the longest allowed names, a case clash (stem suffix _2) included', async () => {
    const root = await mkdtemp(join(tmpdir(), 'limits-'));
    dirs.push(root);
    const specsDir = join(root, 'specs');
    await mkdir(specsDir);
    const long = name(MAX_METHOD_NAME_LENGTH);
    const clash = long.replace(/^a/, 'A');
    for (const method of [long, clash]) await writeFile(join(specsDir, `${method}.yaml`), dumpSpec(spec({ method })));
    await generate({ specsDir, outDir: join(root, 'out') });
    const written = await readdir(join(root, 'out', 'dist', 'methods'));
    expect(written.filter((f) => f.endsWith('.d.ts')).sort()).toEqual([`${clash}.d.ts`, `${long}_2.d.ts`].sort());
  });
});

describe('nesting depth', () => {
  it(`loads ${MAX_FIELD_DEPTH} levels of fields and refuses one more, at its line`, () => {
    expect(parseSpec(dumpSpec(spec({ request: [nested(MAX_FIELD_DEPTH)] })), 'x.yaml').spec).toBeDefined();
    // Written by hand: the dumper refuses to write it (below).
    const yaml = (levels: number): string => {
      let text = 'method: a.b\nrequest:\n';
      let indent = '  ';
      for (let i = 1; i < levels; i++) {
        text += `${indent}f${i}:\n${indent}  type: object\n${indent}  required: true\n${indent}  fields:\n`;
        indent += '    ';
      }
      return `${text}${indent}leaf: { type: string, required: true }\nresponse: {}\n`;
    };
    expect(errors(yaml(MAX_FIELD_DEPTH))).toEqual([]);
    const found = errors(yaml(MAX_FIELD_DEPTH + 1));
    const line = 2 + 4 * MAX_FIELD_DEPTH + 1;
    expect(found).toEqual([
      `${line}:${4 * MAX_FIELD_DEPTH + 3} ${['request', ...Array.from({ length: MAX_FIELD_DEPTH }, (_, i) => `f${i + 1}`)].join('.')}: fields nested more than ${MAX_FIELD_DEPTH} levels deep (the documented limit)`,
    ]);
  });

  it('the dumper refuses a spec past the limit with a clear error, 400 deep included (no stack overflow)', () => {
    for (const depth of [MAX_FIELD_DEPTH + 1, 400, 100_000]) {
      expect(() => dumpSpec(spec({ request: [nested(depth)] }))).toThrow(UserError);
      expect(() => dumpSpec(spec({ request: [nested(depth)] }))).toThrow(`fields nested more than ${MAX_FIELD_DEPTH} levels deep`);
    }
  });

  it('refuses YAML nested past the limit (examples too), with a position', () => {
    const deep = (n: number) => `method: a.b\nrequest: {}\nresponse: {}\nexamples:\n  request: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(errors(deep(MAX_YAML_DEPTH))).toEqual([`5:${12 + MAX_YAML_DEPTH - 2} nested more than ${MAX_YAML_DEPTH} levels deep: specs are limited to ${MAX_YAML_DEPTH} levels of YAML and ${MAX_FIELD_DEPTH} of fields`]);
    // Deep enough to overflow the YAML parser itself: still one clear kind of message.
    for (const message of errors(deep(5000))) expect(message).toMatch(/^5:\d+ YAML: nested too deep to read: specs are limited to 128 levels/);
    const examples = { request: JSON.parse('['.repeat(MAX_YAML_DEPTH) + ']'.repeat(MAX_YAML_DEPTH)) as unknown };
    expect(() => dumpSpec(spec({ examples }))).toThrow(`nested more than ${MAX_YAML_DEPTH} levels deep`);
  });
});

describe('size', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const text = `method: a.b\nrequest:\n  f: { type: string, required: true, enum: [{ value: '${'x'.repeat(10 * 1024 * 1024)}' }] }\nresponse: {}\n`;
    expect(errors(text)).toEqual([`1:1 spec file is ${Buffer.byteLength(text)} bytes; at most ${MAX_SPEC_BYTES} bytes (1 MiB) are read`]);
  });

  it('refuses an over-long string at its line, and the dumper refuses to write one', () => {
    const long = 'x'.repeat(MAX_STRING_LENGTH + 1);
    expect(errors(`method: a.b\nrequest:\n  f: { type: string, required: true }\nresponse: {}\nnotes: [ok, '${long}']\n`)).toEqual([
      `5:13 string of ${MAX_STRING_LENGTH + 1} characters; at most ${MAX_STRING_LENGTH}`,
    ]);
    expect(() => dumpSpec(spec({ notes: [long] }))).toThrow(`a string of ${MAX_STRING_LENGTH + 1} characters`);
  });

  it(`refuses more than ${MAX_FIELDS} fields, at the map that passes the limit`, () => {
    const fields = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `  ${prefix}${i}: { type: string, required: false }`).join('\n');
    const ok = `method: a.b\nrequest:\n${fields(MAX_FIELDS, 'r')}\nresponse: {}\n`;
    expect(errors(ok)).toEqual([]);
    const over = `method: a.b\nrequest:\n${fields(MAX_FIELDS, 'r')}\nresponse:\n${fields(1, 's')}\n`;
    expect(errors(over)).toEqual([`${MAX_FIELDS + 4}:3 response: more than ${MAX_FIELDS} fields in one spec (the documented limit)`]);
    const many: Field[] = Array.from({ length: MAX_FIELDS + 1 }, (_, i) => ({ name: `f${i}`, type: 'string', required: false }));
    expect(() => dumpSpec(spec({ request: many }))).toThrow(`more than ${MAX_FIELDS} fields`);
  });
});
