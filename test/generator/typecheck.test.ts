/**
 * The generated package type-checks with `tsc --strict` under TypeScript 5.9 and 7, and its types
 * reject what they should: a consumer file with @ts-expect-error lines compiles, and the same file
 * with the directives removed fails exactly on those lines (so each expectation is meaningful).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TSC, generateToTemp, runTsc, seedSpecs } from './helpers/generated.js';

const TYPE_ROOTS = ['--typeRoots', join(ROOT, 'node_modules/@types')];

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
  const res = await alipayMarketingCardQuery(client, ok, { appAuthToken: 't' });
  const open: string = res.card_info.open_date;
  const code: string = res.code;
  const viaApi = await createAlipayApi(client).alipay.marketing.card.query(ok);
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
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], lib: ['ES2023'] },
  include: ['*.ts'],
});

let dir: string;
beforeAll(async () => {
  dir = await generateToTemp(await seedSpecs());
  for (const [name, text] of [
    ['consumer', CONSUMER],
    ['consumer-no-directives', CONSUMER.replace(/^ *\/\/ @ts-expect-error.*\n/gm, '')],
  ]) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'tsconfig.json'), TSCONFIG);
    await writeFile(join(dir, name, 'consumer.ts'), text!);
  }
});

describe.each(Object.entries(TSC))('%s', (_, tsc) => {
  it('type-checks the generated package (tsc --strict, its own tsconfig)', async () => {
    const r = await runTsc(tsc, ['-p', 'tsconfig.json', '--noEmit', ...TYPE_ROOTS], dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('compiles the consumer, whose @ts-expect-error lines are all needed', async () => {
    const r = await runTsc(tsc, ['-p', 'consumer', ...TYPE_ROOTS], dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails on exactly the expected lines once the directives are removed', async () => {
    const r = await runTsc(tsc, ['-p', 'consumer-no-directives', '--pretty', 'false', ...TYPE_ROOTS], dir);
    const stripped = CONSUMER.replace(/^ *\/\/ @ts-expect-error.*\n/gm, '').split('\n');
    const expectedLines = ["target_card_no_type: 'BIZ' }", "{ target_card_no: '1' };", "target_card_nr: 'x',", 'user_uni_id: 1,', "'CARD_NOT_EXIST';"].map(
      (needle) => stripped.findIndex((l) => l.includes(needle)) + 1,
    );
    const errorLines = [...r.output.matchAll(/consumer\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    expect(r.code).not.toBe(0);
    expect([...new Set(errorLines)].sort((a, b) => a - b)).toEqual(expectedLines);
  });
});
