/**
 * The seed package as users get it, checked by both TypeScript versions users compile with.
 *
 * - The package type-checks with `tsc --strict` (its own tsconfig) under TypeScript 5.9 and 7, and its
 *   types reject what they should: a consumer file with @ts-expect-error lines compiles, and the same file
 *   with the directives removed fails exactly on those lines (so each expectation is meaningful).
 * - `npm pack` of it, installed offline into an empty project where an ESM file imports ONE method by its
 *   subpath, type-checks, builds, and calls a local gateway that answers with a properly signed response.
 *   Bundling that app with esbuild must leave the other methods out (tree-shaking through subpath exports).
 *
 * Every TypeScript 5.9 check here runs in ONE `tsc -b` process (and TypeScript 7's in another): a 5.9
 * process spends most of a small check starting up and parsing lib and @types/node.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TSC, buildProjects, linkNodeTypes, type TscResult } from '../support/typescript.js';
import { generateFiles, seedSpecs, writeFiles } from './helpers/generated.js';

const exec = promisify(execFile);
const npm = (args: string[], cwd: string) => exec('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd });

const CONSUMER = `import {
  alipayMarketingCardQuery,
  isAlipayMarketingCardQueryError,
  TargetCardNoType,
  validateAlipayMarketingCardQueryRequest,
  type AlipayMarketingCardQueryRequest,
  type AlipayMarketingCardQueryErrorCode,
} from '../dist/methods/alipay.marketing.card.query.js';
import { createAlipayClient, type ValidationIssue } from '../dist/runtime/index.js';
import { createAlipayApi } from '../dist/client.js';
import { koubeiMemberDataIsvCreate } from '../dist/index.js';

const client = createAlipayClient({ appId: '2021', privateKey: 'k', alipayPublicKey: 'p' });
const ok: AlipayMarketingCardQueryRequest = { target_card_no: '1', target_card_no_type: TargetCardNoType.BIZ_CARD };
const issues: ValidationIssue[] = validateAlipayMarketingCardQueryRequest(ok);

export async function run(): Promise<string> {
  const result = await alipayMarketingCardQuery(client, ok, { appAuthToken: 't' });
  const trace: string | undefined = result.traceId;
  if (result.status === 'pending') {
    // 10003: the method's fields are optional until the call finishes.
    const pending: '10003' = result.response.code;
    const openDate: string | undefined = result.response.card_info?.open_date;
    return pending + openDate + trace;
  }
  const res = result.response;
  const open: string = res.card_info.open_date;
  const code: string = res.code;
  const viaApi = (await createAlipayApi(client).alipay.marketing.card.query(ok)).response;
  await koubeiMemberDataIsvCreate(client, { member_card_id: '1', member_source: 'alipay', member_status: '1', gmt_merber_card_create: 'x', parter_id: 'p' });
  try {
    await alipayMarketingCardQuery(client, ok);
  } catch (e) {
    if (isAlipayMarketingCardQueryError(e)) {
      const sub: AlipayMarketingCardQueryErrorCode = e.sub_code;
      return sub;
    }
  }
  return open + code + viaApi.msg + issues.length;
}

// @ts-expect-error wrong enum value
export const badEnum: AlipayMarketingCardQueryRequest = { target_card_no: '1', target_card_no_type: 'BIZ' };
// @ts-expect-error missing required field
export const missing: AlipayMarketingCardQueryRequest = { target_card_no: '1' };
export const misspelt: AlipayMarketingCardQueryRequest = {
  target_card_no: '1',
  target_card_no_type: 'BIZ_CARD',
  // @ts-expect-error misspelt field
  target_card_nr: 'x',
};
// @ts-expect-error wrong nested type
export const nested: AlipayMarketingCardQueryRequest = { target_card_no: '1', target_card_no_type: 'BIZ_CARD', card_user_info: { user_uni_id: 1, user_uni_id_type: 'UID' } };
// @ts-expect-error not a documented error code
export const notACode: AlipayMarketingCardQueryErrorCode = 'CARD_NOT_EXIST';
export async function unnarrowed(): Promise<string> {
  const result = await alipayMarketingCardQuery(client, ok);
  // @ts-expect-error a pending result may not have card_info yet: narrow on status first
  return result.response.card_info.open_date;
}
`;
const WITHOUT_DIRECTIVES = CONSUMER.replace(/^ *\/\/ @ts-expect-error.*\n/gm, '');

const APP = `import { createAlipayClient } from '@alipay-codegen/client/runtime';
import {
  alipayMarketingCardQuery,
  type AlipayMarketingCardQueryResponse,
} from '@alipay-codegen/client/alipay.marketing.card.query';

export async function run(gateway: string, privateKey: string, alipayPublicKey: string): Promise<AlipayMarketingCardQueryResponse> {
  const client = createAlipayClient({ appId: '2021000000000000', privateKey, alipayPublicKey, gateway });
  const result = await alipayMarketingCardQuery(client, { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' });
  if (result.status !== 'success') throw new Error(\`not a success: \${result.status}\`);
  return result.response;
}
`;

const COMPILER_OPTIONS = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: ['node'], lib: ['ES2023'] };

/** The tsc projects below the work directory; `package` is the generated tsconfig itself, with noEmit. */
const PROJECTS = {
  package: 'package-check.json',
  consumer: 'pkg/consumer',
  withoutDirectives: 'pkg/consumer-no-directives',
  app: 'app',
} as const;

let work: string;
let project: string;
let server: Server;
let seen: { method?: string | null; biz?: string | null } = {};
const tsc = new Map<string, Map<string, TscResult>>();
const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const gateway = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k: { export(o: object): string | Buffer }, type: string) => k.export({ type, format: 'pem' }).toString();

async function writeProject(dir: string, tsconfig: object, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alipay-package-'));
  await linkNodeTypes(work);
  const pkgDir = join(work, 'pkg');
  await writeFiles(pkgDir, await generateFiles(await seedSpecs()));

  await npm(['pack', '--pack-destination', work], pkgDir);
  const tgz = (await readdir(work)).find((f) => f.endsWith('.tgz'))!;
  project = join(work, PROJECTS.app);
  await writeProject(project, { compilerOptions: { ...COMPILER_OPTIONS, outDir: 'out' }, files: ['app.ts'] }, {
    'package.json': JSON.stringify({ name: 'app', private: true, type: 'module' }),
    'app.ts': APP,
  });
  await npm(['install', join(work, tgz)], project);

  await writeFile(join(work, PROJECTS.package), JSON.stringify({ extends: './pkg/tsconfig.json', compilerOptions: { noEmit: true } }));
  const consumerConfig = { compilerOptions: { ...COMPILER_OPTIONS, noEmit: true }, include: ['*.ts'] };
  await writeProject(join(work, PROJECTS.consumer), consumerConfig, { 'consumer.ts': CONSUMER });
  await writeProject(join(work, PROJECTS.withoutDirectives), consumerConfig, { 'consumer.ts': WITHOUT_DIRECTIVES });

  // One after the other: both compilers write tsbuildinfo files beside the same tsconfigs.
  const checks = [PROJECTS.package, PROJECTS.consumer, PROJECTS.withoutDirectives];
  tsc.set('typescript 7', await buildProjects(TSC['typescript 7'], work, checks));
  tsc.set('typescript 5.9', await buildProjects(TSC['typescript 5.9'], work, [...checks, PROJECTS.app]));

  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen = { method: new URL(req.url!, 'http://x').searchParams.get('method'), biz: new URLSearchParams(body).get('biz_content') };
      const node = JSON.stringify({ code: '10000', msg: 'Success', card_info: { open_date: '2014-02-20 21:20:46', valid_date: '2020-02-20 21:20:46' }, schema_url: 'alipays://x' });
      const signature = sign('sha256', Buffer.from(node), gateway.privateKey).toString('base64');
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(`{"alipay_marketing_card_query_response":${node},"sign":"${signature}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
}, 240_000);

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe.each(Object.keys(TSC))('%s', (version) => {
  const result = (name: keyof typeof PROJECTS) => tsc.get(version)!.get(PROJECTS[name])!;

  it('type-checks the generated package (tsc --strict, its own tsconfig)', () => {
    expect(result('package').output).toBe('');
    expect(result('package').code).toBe(0);
  });

  it('compiles the consumer, whose @ts-expect-error lines are all needed', () => {
    expect(result('consumer').output).toBe('');
    expect(result('consumer').code).toBe(0);
  });

  it('fails on exactly the expected lines once the directives are removed', () => {
    const r = result('withoutDirectives');
    const stripped = WITHOUT_DIRECTIVES.split('\n');
    const expectedLines = ["target_card_no_type: 'BIZ' }", "{ target_card_no: '1' };", "target_card_nr: 'x',", 'user_uni_id: 1,', "'CARD_NOT_EXIST';", 'return result.response.card_info.open_date;'].map(
      (needle) => stripped.findIndex((l) => l.includes(needle)) + 1,
    );
    const errorLines = [...r.output.matchAll(/consumer\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    expect(r.code).not.toBe(0);
    expect([...new Set(errorLines)].sort((a, b) => a - b)).toEqual(expectedLines);
  });
});

describe('npm pack of the generated package', () => {
  it('type-checks and builds an app importing one method by subpath', () => {
    const r = tsc.get('typescript 5.9')!.get(PROJECTS.app)!;
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('calls a local gateway and returns the verified, typed response', async () => {
    const { run } = (await import(pathToFileURL(join(project, 'out/app.js')).href)) as {
      run: (g: string, k: string, p: string) => Promise<Record<string, any>>;
    };
    const { port } = server.address() as AddressInfo;
    const res = await run(`http://127.0.0.1:${port}/gateway.do`, pem(app.privateKey, 'pkcs8'), pem(gateway.publicKey, 'spki'));
    expect(res.code).toBe('10000');
    expect(res.card_info.open_date).toBe('2014-02-20 21:20:46');
    expect(seen.method).toBe('alipay.marketing.card.query');
    expect(JSON.parse(seen.biz!)).toEqual({ target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' });
  });

  it('bundles one method without the others; the aggregate client pulls them all', async () => {
    const bundle = async (contents: string) =>
      (
        await build({
          stdin: { contents, resolveDir: project, loader: 'ts' },
          bundle: true,
          platform: 'node',
          format: 'esm',
          write: false,
          minify: false,
        })
      ).outputFiles[0]!.text;
    const one = await bundle(`${APP}\nconsole.log(run);`);
    expect(one).toContain('"alipay.marketing.card.query"');
    expect(one).not.toContain('koubei.member.data.isv.create');
    expect(one).not.toContain('validateKoubeiMemberDataIsvCreateRequest');
    const all = await bundle(`import { createAlipayApi } from '@alipay-codegen/client/client';\nconsole.log(createAlipayApi);`);
    expect(all).toContain('koubei.member.data.isv.create');
  });
});
