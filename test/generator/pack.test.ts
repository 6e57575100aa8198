/**
 * The package as users get it: `npm pack` of the generated package, installed offline into an
 * empty project where an ESM file imports ONE method by its subpath, type-checks, and calls a
 * local gateway that answers with a properly signed response. Bundling that app with esbuild
 * must leave the other methods out (tree-shaking through subpath exports).
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
import { ROOT, TSC, generateToTemp, runTsc, seedSpecs } from './helpers/generated.js';

const exec = promisify(execFile);
const npm = (args: string[], cwd: string) => exec('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd });

const APP = `import { createAlipayClient } from '@alipay-codegen/client/runtime';
import {
  alipayMarketingCardQuery,
  type AlipayMarketingCardQueryResponse,
} from '@alipay-codegen/client/alipay.marketing.card.query';

export async function run(gateway: string, privateKey: string, alipayPublicKey: string): Promise<AlipayMarketingCardQueryResponse> {
  const client = createAlipayClient({ appId: '2021000000000000', privateKey, alipayPublicKey, gateway });
  return alipayMarketingCardQuery(client, { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' });
}
`;

let project: string;
let server: Server;
let seen: { method?: string | null; biz?: string | null } = {};
const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const gateway = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k: { export(o: object): string | Buffer }, type: string) => k.export({ type, format: 'pem' }).toString();

beforeAll(async () => {
  const pkgDir = await generateToTemp(await seedSpecs());
  const work = await mkdtemp(join(tmpdir(), 'alipay-pack-'));
  await npm(['pack', '--pack-destination', work], pkgDir);
  const tgz = (await readdir(work)).find((f) => f.endsWith('.tgz'))!;
  project = join(work, 'app');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await npm(['install', join(work, tgz)], project);
  await writeFile(join(project, 'app.ts'), APP);
  await writeFile(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'], lib: ['ES2023'], typeRoots: [join(ROOT, 'node_modules/@types')] },
      files: ['app.ts'],
    }),
  );

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

describe('npm pack of the generated package', () => {
  it('type-checks and builds an app importing one method by subpath', async () => {
    const r = await runTsc(TSC['typescript 5.9'], ['-p', 'tsconfig.json'], project);
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
