/**
 * A maintainer's release cycle against a real npm registry: verdaccio on 127.0.0.1 (a free port,
 * storage and config in a temp folder, no uplinks, so nothing of ours can reach the internet),
 * the generated package published to it, installed by name into a fresh project, called through
 * the local gateway from ESM and from CommonJS (`require` of ESM, Node 20.19+), type-checked with
 * TypeScript 5.9 and 7; then a spec change, `alipay-codegen version minor`, a second publish, and
 * the upgrade. The consumer installs nothing but our package (it has no dependencies); the
 * compilers and @types/node are this repository's, run against the consumer's folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../generator/gateway/index.js';
import { consumerScript, freshProject, keyFiles, npm, ok, run, tempDir, type RunResult } from '../support/package.js';
import { ROOT, TSC, buildProjects } from '../support/typescript.js';

const PAGE = fileURLToPath(new URL('../../../shared/docs-samples/alipay.trade.close.opendocs.md', import.meta.url));
const BIN = join(ROOT, 'bin/alipay-codegen.js');
const PACKAGE = '@acme/alipay';

let root: string;
let registry: string;
let server: ChildProcess;
let env: NodeJS.ProcessEnv;
let project: string;
let consumer: string;
let keys: Awaited<ReturnType<typeof keyFiles>>;

const codegen = (args: readonly string[]): Promise<RunResult> => run(process.execPath, [BIN, ...args], project);
const npmHere = (args: readonly string[], cwd: string): Promise<RunResult> => npm([...args, '--registry', registry], cwd, env);

/** Starts verdaccio as a child process listening on a free 127.0.0.1 port; resolves to its URL. */
async function startRegistry(dir: string): Promise<string> {
  const config = join(dir, 'verdaccio.yaml');
  await writeFile(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 1',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: json, level: error }',
      '',
    ].join('\n'),
  );
  const script = `require('verdaccio').runServer(${JSON.stringify(config)}).then((app) => app.listen(0, '127.0.0.1', function () { process.stdout.write('PORT ' + this.address().port + '\\n'); }))`;
  server = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}/`);
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`verdaccio exited ${code}: ${out}`)));
  });
}

/** A registry user (verdaccio's CouchDB-style sign-up); the npm config file that carries its token. */
async function signUp(dir: string): Promise<string> {
  const res = await fetch(`${registry}-/user/org.couchdb.user:maintainer`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'maintainer', password: 'release-Pass-1', type: 'user', roles: [] }),
  });
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const npmrc = join(dir, 'npmrc');
  await writeFile(npmrc, `registry=${registry}\n//${new URL(registry).host}/:_authToken=${token}\n`);
  return npmrc;
}

beforeAll(async () => {
  root = await tempDir('registry');
  registry = await startRegistry(root);
  env = { npm_config_userconfig: await signUp(root), npm_config_cache: join(root, 'npm-cache') };
  project = await freshProject(join(root, 'project'));
  consumer = await freshProject(join(root, 'consumer'));
  keys = await keyFiles(join(root, 'keys'));
});
afterAll(async () => {
  server?.kill();
  await rm(root, { recursive: true, force: true });
});

async function withGateway<T>(body: (gateway: Gateway) => Promise<T>): Promise<T> {
  const gateway = await startGateway({
    specsDir: join(project, 'specs'),
    appPublicKey: await readFile(keys.appPublic, 'utf8'),
    gatewayPrivateKey: await readFile(keys.gatewayPrivate, 'utf8'),
  });
  try {
    return await body(gateway);
  } finally {
    await gateway.close();
  }
}

async function call(gateway: Gateway, file: string): Promise<RunResult> {
  return run(process.execPath, [file], consumer, { GATEWAY_URL: gateway.url, APP_KEY_FILE: keys.appPrivate, ALIPAY_PUBLIC_KEY_FILE: keys.gatewayPublic });
}

const installedVersion = async (): Promise<string> =>
  (JSON.parse(await readFile(join(consumer, 'node_modules', PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

/** require(esm) works unflagged from Node 20.19 and 22.12. */
function requireEsmSupported(): boolean {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  return major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19) || major === 21;
}

describe.sequential('publish, install by name, call, upgrade', () => {
  it('publishes 1.0.0 (init, then `version major` bumps the config and regenerates)', async () => {
    ok(await codegen(['init', '--name', PACKAGE]), 'init');
    const bumped = ok(await codegen(['version', 'major']), 'version major');
    expect(bumped.stdout).toMatch(/^alipay-codegen\.config\.json: package\.version 0\.1\.0 -> 1\.0\.0; generated: \d+ written\n$/);
    const pkg = JSON.parse(await readFile(join(project, 'generated/package.json'), 'utf8')) as { name: string; version: string };
    expect([pkg.name, pkg.version]).toEqual([PACKAGE, '1.0.0']);
    ok(await npmHere(['publish'], join(project, 'generated')), 'npm publish');
    const view = ok(await npmHere(['view', PACKAGE, 'versions', '--json'], project), 'npm view');
    expect(JSON.parse(view.stdout)).toEqual(['1.0.0']);
  });

  it('installs it by name into a fresh project', async () => {
    ok(await npmHere(['install', PACKAGE], consumer), 'npm install');
    expect(await installedVersion()).toBe('1.0.0');
  });

  it('calls the local gateway through it from ESM and from CommonJS', async () => {
    await writeFile(join(consumer, 'esm.mjs'), consumerScript('esm', PACKAGE, 'alipayTradeQuery', { out_trade_no: '20150320010101001' }));
    await writeFile(join(consumer, 'cjs.cjs'), consumerScript('cjs', PACKAGE, 'alipayTradeQuery', { out_trade_no: '20150320010101001' }));
    await withGateway(async (gateway) => {
      const esm = await call(gateway, 'esm.mjs');
      expect(esm.stderr).toBe('');
      expect(esm.stdout).toContain('"trade_status":"TRADE_SUCCESS"');
      const cjs = await call(gateway, 'cjs.cjs');
      if (requireEsmSupported()) {
        expect(cjs.stdout).toContain('"trade_status":"TRADE_SUCCESS"');
      } else {
        expect(cjs.stderr).toContain('ERR_REQUIRE_ESM');
      }
    });
  });

  it('type-checks a consumer with TypeScript 5.9 and 7', async () => {
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], exactOptionalPropertyTypes: true },
        include: ['main.ts'],
      }),
    );
    await writeFile(
      join(consumer, 'main.ts'),
      [
        `import { alipayTradeQuery, createAlipayClient, type AlipayTradeQueryResponse } from '${PACKAGE}';`,
        `import { AlipayApiError } from '${PACKAGE}/runtime';`,
        "const client = createAlipayClient({ appId: '1', privateKey: 'k', alipayPublicKey: 'p' });",
        "export const pending = alipayTradeQuery(client, { out_trade_no: '1' });",
        "export const status = (r: AlipayTradeQueryResponse): string => r.trade_status;",
        'export const isApi = (e: unknown): boolean => e instanceof AlipayApiError;',
        '',
      ].join('\n'),
    );
    for (const tsc of [TSC['typescript 5.9'], TSC['typescript 7']]) {
      expect((await buildProjects(tsc, consumer, ['tsconfig.json'])).get('tsconfig.json')!.output, tsc).toBe('');
    }
  }, 300_000);

  it('publishes 1.1.0 after a spec change and the consumer upgrades to it and calls the new method', async () => {
    ok(await codegen(['import', PAGE]), 'import');
    expect(ok(await codegen(['version', 'minor']), 'version minor').stdout).toContain('package.version 1.0.0 -> 1.1.0');
    ok(await npmHere(['publish'], join(project, 'generated')), 'npm publish 1.1.0');
    expect(JSON.parse(ok(await npmHere(['view', PACKAGE, 'versions', '--json'], project), 'npm view').stdout)).toEqual(['1.0.0', '1.1.0']);
    ok(await npmHere(['install', `${PACKAGE}@^1.1.0`], consumer), 'npm install ^1.1.0');
    expect(await installedVersion()).toBe('1.1.0');
    await writeFile(join(consumer, 'close.mjs'), consumerScript('esm', PACKAGE, 'alipayTradeClose', { trade_no: '2013112111001004500000675971' }));
    await withGateway(async (gateway) => {
      const r = await call(gateway, 'close.mjs');
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toBeTypeOf('object');
    });
  }, 180_000);
});
