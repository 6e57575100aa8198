/**
 * The generated package as published (`npm pack` of the committed generated/): publint and
 * @arethetypeswrong/cli (esm-only profile) pass, and its declarations compile for consumers
 * with `skipLibCheck: false` under the strictest property flags — without @types/node and without
 * the DOM lib (the runtime's own dist/runtime/platform.d.ts stands in), and with both (its
 * declarations merge with theirs) — in TypeScript 5.9 and 7.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attw, attwProblems, freshProject, npm, ok, pack, publintMessages, tempDir } from '../support/package.js';
import { ROOT, TSC, buildProjects } from '../support/typescript.js';

let root: string;
let tarball: string;
let consumer: string;
beforeAll(async () => {
  root = await tempDir('generated-pack');
  tarball = await pack(join(ROOT, 'generated'), root);
  consumer = await freshProject(join(root, 'consumer'));
  ok(await npm(['install', '--offline', tarball], consumer), 'npm install');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the generated package tarball', () => {
  it('passes publint, suggestions included', async () => {
    expect(await publintMessages(tarball)).toEqual([]);
  });

  it('passes @arethetypeswrong/cli with the esm-only profile', async () => {
    const r = await attw(tarball);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(attwProblems(r.stdout)).toEqual([]);
  });

  it('type-checks a consumer without @types/node or DOM, and with both, skipLibCheck off, strict property flags (TS 5.9 and 7)', async () => {
    const environments = {
      bare: { lib: ['ES2023'], types: [] as string[] },
      'node-dom': { lib: ['ES2023', 'DOM'], types: ['node'] },
    };
    await writeFile(
      join(consumer, 'main.ts'),
      [
        "import { alipayTradeQuery, createAlipayClient, type AlipayTradeQueryRequest, type AlipayTradeQueryResponse } from '@alipay-codegen/client';",
        "import { AlipayApiError, loadPrivateKey, verifyNotify, type CallOptions } from '@alipay-codegen/client/runtime';",
        "import { alipayMarketingCardQuery } from '@alipay-codegen/client/alipay.marketing.card.query';",
        "const client = createAlipayClient({ appId: '1', privateKey: loadPrivateKey('k'), alipayPublicKey: 'p' });",
        "const request: AlipayTradeQueryRequest = { out_trade_no: '1' };",
        'const options: CallOptions = {};',
        'export const calls = [alipayTradeQuery(client, request, options), alipayMarketingCardQuery(client, { target_card_no: "1", target_card_no_type: "BIZ_CARD" })];',
        'export const status = (r: AlipayTradeQueryResponse): string | undefined => r.trade_status;',
        "export const ok = verifyNotify({ sign: 'x' }, 'key');",
        'export const isApi = (e: unknown): boolean => e instanceof AlipayApiError;',
        '',
      ].join('\n'),
    );
    for (const [name, env] of Object.entries(environments)) {
      await mkdir(join(consumer, name), { recursive: true });
      const compilerOptions = {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        noPropertyAccessFromIndexSignature: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        typeRoots: [join(ROOT, 'node_modules/@types')],
        ...env,
      };
      await writeFile(join(consumer, name, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['../main.ts'] }));
    }
    const projects = Object.keys(environments);
    for (const tsc of [TSC['typescript 5.9'], TSC['typescript 7']]) {
      const results = await buildProjects(tsc, consumer, projects);
      for (const p of projects) expect(results.get(p)!.output, `${tsc} ${p}`).toBe('');
    }
  }, 300_000);
});
