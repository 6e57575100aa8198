/**
 * The generator in someone else's build (issue 12's "Done when"), step by step as a new user:
 * the packed generator installed as a dev dependency of a fresh app, `init`, `import` of a real doc
 * page, `generate` in both shapes, the app's own `tsc` (5.9 and 7) over code using both, `check`
 * failing after a spec edit and passing after `generate`, and `serve` answering the generated
 * client. The steps share one app and run in order.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerScript, freshProject, keyFiles, npm, ok, packGenerator, run, tempDir, type RunResult } from '../support/package.js';
import { ROOT, TSC, buildProjects } from '../support/typescript.js';

const PAGE = fileURLToPath(new URL('../../../shared/docs-samples/alipay.trade.close.opendocs.md', import.meta.url));

let root: string;
let app: string;
const cli = (args: readonly string[]): Promise<RunResult> => run(join(app, 'node_modules/.bin/alipay-codegen'), args, app);

beforeAll(async () => {
  root = await tempDir('fresh-app');
  app = await freshProject(join(root, 'app'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The app's tsconfig: the strict flags an application may use, its own @types/node. */
const APP_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
    // This repository's @types/node, named here: a symlink into the app's node_modules would be
    // pruned by the app's next npm install, through the link.
    typeRoots: [join(ROOT, 'node_modules/@types')],
    noPropertyAccessFromIndexSignature: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
  },
  include: ['src'],
};

describe.sequential('a fresh app with the packed generator', () => {
  it('installs the tarball as a dev dependency without install scripts or warnings about them', async () => {
    const tarball = await packGenerator(root);
    const r = ok(await npm(['install', '--save-dev', '--prefer-offline', tarball], app), 'npm install');
    expect(r.stdout + r.stderr).not.toMatch(/install-scripts|prepare/);
    expect(existsSync(join(app, 'node_modules/.bin/alipay-codegen'))).toBe(true);
    const pkg = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(Object.keys(pkg.devDependencies ?? {})).toEqual(['alipay-codegen']);
  }, 300_000);

  it('init writes the config and an example spec whose $schema references resolve into the installed package', async () => {
    const r = ok(await cli(['init']), 'init');
    expect(r.stdout).toBe('wrote alipay-codegen.config.json\nwrote specs/alipay.trade.query.yaml\n');
    const config = JSON.parse(await readFile(join(app, 'alipay-codegen.config.json'), 'utf8')) as { $schema: string; out: string; shape: string };
    expect(config.$schema).toBe('./node_modules/alipay-codegen/generator/config/config.schema.json');
    expect(existsSync(resolve(app, config.$schema))).toBe(true);
    const spec = await readFile(join(app, 'specs/alipay.trade.query.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/alipay-codegen/generator/spec/spec.schema.json');
    expect(ok(await cli(['validate']), 'validate').stdout).toContain('1 spec(s) valid, 0 error(s)');
  });

  it('init a second time refuses and changes nothing', async () => {
    const before = await readFile(join(app, 'alipay-codegen.config.json'), 'utf8');
    const r = await cli(['init']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('alipay-codegen.config.json already exists: init never overwrites a file, so nothing was written');
    expect(await readFile(join(app, 'alipay-codegen.config.json'), 'utf8')).toBe(before);
  });

  it('imports a real doc page into specs/ with the same $schema line', async () => {
    const r = ok(await cli(['import', PAGE]), 'import');
    expect(r.stdout).toMatch(/^wrote specs\/alipay\.trade\.close\.yaml \(/);
    const spec = await readFile(join(app, 'specs/alipay.trade.close.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/alipay-codegen/generator/spec/spec.schema.json');
  });

  it('generates the package shape (config) and the sources shape (flags override it)', async () => {
    expect(ok(await cli(['generate']), 'generate').stdout).toMatch(/^generated: 2 method\(s\); \d+ written, 0 removed/);
    const pkg = JSON.parse(await readFile(join(app, 'generated/package.json'), 'utf8')) as { name: string; version: string };
    expect([pkg.name, pkg.version]).toEqual(['@alipay-codegen/client', '0.1.0']);
    expect(ok(await cli(['generate', '--shape', 'sources', '--out', 'src/alipay']), 'generate sources').stdout).toMatch(/^src\/alipay: 2 method\(s\)/);
    expect(existsSync(join(app, 'src/alipay/methods/alipay.trade.close.ts'))).toBe(true);
    expect(existsSync(join(app, 'src/alipay/package.json'))).toBe(false);
    // The package shape is installed the way an app uses a local package.
    ok(await npm(['install', '--prefer-offline', './generated'], app), 'npm install ./generated');
  }, 180_000);

  it("the app's tsc (5.9 and 7) accepts code using both shapes under strict flags", async () => {
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify(APP_TSCONFIG, null, 2));
    await writeFile(
      join(app, 'src/main.ts'),
      [
        "import { alipayTradeClose as viaPackage, createAlipayClient } from '@alipay-codegen/client';",
        "import { alipayTradeQuery as viaSources } from './alipay/index.js';",
        "import type { AlipayTradeQueryRequest } from './alipay/index.js';",
        "const client = createAlipayClient({ appId: '2021000000000001', privateKey: 'x', alipayPublicKey: 'y' });",
        "const request: AlipayTradeQueryRequest = { out_trade_no: '1' };",
        'export const calls = [viaPackage(client, { trade_no: \'2\' }), viaSources(client as never, request)];',
        '',
      ].join('\n'),
    );
    for (const tsc of [TSC['typescript 5.9'], TSC['typescript 7']]) {
      const result = (await buildProjects(tsc, app, ['tsconfig.json'])).get('tsconfig.json')!;
      expect(result.output, tsc).toBe('');
    }
  }, 300_000);

  it('check passes, fails after a spec edit (listing the stale files), and passes after generate', async () => {
    expect(ok(await cli(['check']), 'check').stdout).toBe('generated is up to date with specs\n');
    const file = join(app, 'specs/alipay.trade.query.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: 统一收单交易查询', 'title: 交易查询'));
    const stale = await cli(['check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('stale: generated/src/methods/alipay.trade.query.ts');
    ok(await cli(['generate']), 'generate');
    expect(ok(await cli(['check']), 'check').stdout).toBe('generated is up to date with specs\n');
  });

  // `alipay-codegen diff` (issue 12, added by another helper): after the spec edit above, assert
  // here that `diff` reports the changed method and the semver bump it suggests.

  it('serve starts, answers one call made through the generated package, and stops on SIGTERM', async () => {
    const keys = await keyFiles(join(root, 'keys'));
    const child = spawn(join(app, 'node_modules/.bin/alipay-codegen'), ['serve', '--port', '0', '--app-public-key', keys.appPublic, '--gateway-private-key', keys.gatewayPrivate], { cwd: app });
    let stdout = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/gateway\.do)/.exec(stdout);
        if (m) resolveUrl(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stdout}`)));
    });
    await writeFile(join(app, 'call.mjs'), consumerScript('esm', '@alipay-codegen/client', 'alipayTradeQuery', { out_trade_no: '20150320010101001' }));
    const call = await run(process.execPath, ['call.mjs'], app, { GATEWAY_URL: url, APP_KEY_FILE: keys.appPrivate, ALIPAY_PUBLIC_KEY_FILE: keys.gatewayPublic });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(call.stderr).toBe('');
    expect(call.stdout).toContain('"trade_status":"TRADE_SUCCESS"');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/alipay\.trade\.query .*10000/);
  });
});

