/**
 * alipay-codegen.config.json: its checks (file:line:col and the field), the method selection, the
 * version bump, the `$schema` references, and what generate/check do with it (flags override;
 * `npm version` inside the output is kept; `version` bumps the config).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpVersion } from '../../generator/config/bump.js';
import { parseConfig } from '../../generator/config/config.js';
import { methodFilter } from '../../generator/config/methods.js';
import { schemaRef, withSpecSchemaLine } from '../../generator/config/schema-path.js';
import { UserError } from '../../generator/diagnostics.js';
import { ok, run, tempDir } from '../support/package.js';
import { ROOT } from '../support/typescript.js';

const BIN = join(ROOT, 'bin/alipay-codegen.js');
let root: string;
beforeAll(async () => {
  root = await tempDir('config');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function problems(text: string): string[] {
  try {
    parseConfig(text, 'alipay-codegen.config.json');
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return [error.message, ...error.diagnostics.map((d) => `${d.file}:${d.line ?? '-'}:${d.col ?? '-'}: ${d.message}`)];
  }
  return [];
}

describe('parseConfig', () => {
  it('accepts what init writes and every field', () => {
    expect(problems('{"specs":"s","out":"o","shape":"sources","package":{"name":"@a/b","version":"1.2.3-rc.1","description":"d"},"methods":{"include":["alipay.*"],"exclude":["x"]}}')).toEqual([]);
    expect(problems('{"methods":["alipay.trade.query"]}')).toEqual([]);
  });

  it('names the file, line, column and field of every problem at once', () => {
    const text = '{\n  "shape": "pkg",\n  "package": {\n    "name": "Upper Case",\n    "version": "1.0"\n  },\n  "extra": 1\n}';
    expect(problems(text)).toEqual([
      'alipay-codegen.config.json: invalid config',
      'alipay-codegen.config.json:7:3: extra: unknown field (known: $schema, specs, out, shape, package, methods)',
      'alipay-codegen.config.json:2:3: shape: expected one of "package", "sources"',
      'alipay-codegen.config.json:4:5: package.name: expected an npm package name (lower case, optionally @scope/name)',
      'alipay-codegen.config.json:5:5: package.version: expected a semantic version such as 1.2.3',
    ]);
  });

  it('rejects JSON that is not an object, and broken JSON, naming the file', () => {
    expect(problems('[]')).toEqual(['alipay-codegen.config.json: expected a JSON object']);
    expect(problems('{')[0]).toMatch(/^alipay-codegen\.config\.json: not valid JSON/);
    expect(problems('{"methods":{"include":"a"}}')).toContain('alipay-codegen.config.json:1:13: methods.include: expected a list of method names or globs (non-empty strings)');
  });
});

describe('methodFilter', () => {
  const name = fc.stringMatching(/^[a-z]{1,6}(\.[a-z]{1,6}){0,4}$/);

  it('a list of exact names selects exactly those', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 6 }), name, (names, other) => {
        const select = methodFilter(names);
        return names.every(select) && select(other) === names.includes(other);
      }),
    );
  });

  it('`*` matches any run of characters, dots included; an exclude wins over an include', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const select = methodFilter({ include: [`${a}.*`], exclude: [`*.${b}`] });
        return select(`${a}.x.${b}`) === false && select(`${a}.${b}x`) === true && select(`${b}x.${a}`) === (`${b}x.${a}`.startsWith(`${a}.`) && !`${b}x.${a}`.endsWith(`.${b}`));
      }),
    );
  });

  it('regular-expression characters in a glob are literal', () => {
    expect(methodFilter(['a.b'])('axb')).toBe(false);
    expect(methodFilter(['a+(b)'])('a+(b)')).toBe(true);
  });
});

describe('bumpVersion', () => {
  it("follows npm's rules for patch, minor and major", () => {
    expect(['patch', 'minor', 'major'].map((p) => bumpVersion('1.2.3', p as 'patch'))).toEqual(['1.2.4', '1.3.0', '2.0.0']);
    expect(['patch', 'minor', 'major'].map((p) => bumpVersion('1.2.0-rc.1', p as 'patch'))).toEqual(['1.2.0', '1.2.0', '2.0.0']);
    expect(bumpVersion('1.0.0-beta', 'major')).toBe('1.0.0');
  });

  it('a bump always increases the version (property)', () => {
    const n = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(n, n, n, fc.constantFrom('patch', 'minor', 'major'), (a, b, c, part) => {
        const [x, y, z] = bumpVersion(`${a}.${b}.${c}`, part).split('.').map(Number) as [number, number, number];
        return x > a || (x === a && (y > b || (y === b && z > c)));
      }),
    );
  });
});

describe('$schema references', () => {
  it('point from where the file is written to the schema of this installed generator', () => {
    expect(schemaRef(join(ROOT, 'specs/x.yaml'))).toBe('../generator/spec/spec.schema.json');
    expect(schemaRef(join(ROOT, 'a/b/specs/x.yaml'))).toBe('../../../generator/spec/spec.schema.json');
    expect(schemaRef(join(ROOT, 'alipay-codegen.config.json'), 'generator/config/config.schema.json')).toBe('./generator/config/config.schema.json');
  });

  it('replace the dumped first line, keeping the rest byte for byte', () => {
    const yaml = '# yaml-language-server: $schema=../generator/spec/spec.schema.json\nmethod: a.b\n';
    expect(withSpecSchemaLine(yaml, join(ROOT, 'x/y/a.b.yaml'))).toBe('# yaml-language-server: $schema=../../generator/spec/spec.schema.json\nmethod: a.b\n');
  });
});

describe('generate and check with a config file', () => {
  const codegen = (cwd: string, args: readonly string[]) => run(process.execPath, [BIN, ...args], cwd);

  async function project(name: string, config: object): Promise<string> {
    const dir = join(root, name);
    await mkdir(join(dir, 'specs'), { recursive: true });
    for (const spec of ['alipay.trade.query.yaml', 'alipay.trade.close.yaml', 'alipay.marketing.card.query.yaml']) await cp(join(ROOT, 'specs', spec), join(dir, 'specs', spec));
    await writeFile(join(dir, 'alipay-codegen.config.json'), JSON.stringify(config));
    return dir;
  }

  it('takes folders, shape, package identity and the method selection from the config; flags override', async () => {
    const dir = await project('all-fields', { specs: 'specs', out: 'client', package: { name: '@acme/pay', version: '2.0.0', description: 'Acme' }, methods: { include: ['alipay.trade.*'], exclude: ['*.close'] } });
    expect(ok(await codegen(dir, ['generate']), 'generate').stdout).toMatch(/^client: 1 method\(s\)/);
    expect(JSON.parse(await readFile(join(dir, 'client/package.json'), 'utf8'))).toMatchObject({ name: '@acme/pay', version: '2.0.0', description: 'Acme' });
    expect(await readdir(join(dir, 'client/src/methods'))).toEqual(['alipay.trade.query.ts']);
    expect(await readFile(join(dir, 'client/README.md'), 'utf8')).toContain('@acme/pay');
    expect(ok(await codegen(dir, ['generate', '--out', 'other', '--shape', 'sources']), 'generate').stdout).toMatch(/^other: 1 method\(s\)/);
    expect(existsSync(join(dir, 'other/methods/alipay.trade.query.ts'))).toBe(true);
    expect(existsSync(join(dir, 'other/package.json'))).toBe(false);
  });

  it('an invalid config stops every command with its file, line and field', async () => {
    const dir = await project('invalid', { out: 3 });
    for (const command of ['generate', 'check', 'validate']) {
      const r = await codegen(dir, [command]);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toContain('alipay-codegen.config.json:1:2: error: out: expected a non-empty string');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('without package.version in the config, `npm version` inside the output is kept by generate and accepted by check', async () => {
    const dir = await project('npm-version', { methods: ['alipay.trade.query'] });
    ok(await codegen(dir, ['generate']), 'generate');
    const file = join(dir, 'generated/package.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"version": "0.1.0"', '"version": "0.1.1"'));
    expect(ok(await codegen(dir, ['check']), 'check').stdout).toBe('generated is up to date with specs\n');
    ok(await codegen(dir, ['generate']), 'generate');
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe('0.1.1');
  });

  it('`version patch` bumps package.version in the config and regenerates; check then passes', async () => {
    const dir = await project('bump', { package: { version: '1.4.9' }, methods: ['alipay.trade.query'] });
    expect(ok(await codegen(dir, ['version', 'patch']), 'version').stdout).toMatch(/^alipay-codegen\.config\.json: package\.version 1\.4\.9 -> 1\.4\.10; generated: \d+ written\n$/);
    expect(JSON.parse(await readFile(join(dir, 'alipay-codegen.config.json'), 'utf8')).package.version).toBe('1.4.10');
    expect(JSON.parse(await readFile(join(dir, 'generated/package.json'), 'utf8')).version).toBe('1.4.10');
    expect(ok(await codegen(dir, ['check']), 'check').code).toBe(0);
  });

  it('`version` without a config file says how to get one and writes nothing', async () => {
    const dir = join(root, 'no-config');
    await mkdir(join(dir, 'specs'), { recursive: true });
    const r = await codegen(dir, ['version', 'patch']);
    expect([r.code, r.stderr]).toEqual([1, 'alipay-codegen: version needs a config file to keep the version in: run `alipay-codegen init`, or pass --config <file>\n']);
    expect(await readdir(dir)).toEqual(['specs']);
  });
});
