/**
 * Bundle part: the same small application (create a client, call alipay.marketing.card.query,
 * print the answer) written against our generated package and against the official alipay-sdk,
 * each bundled by esbuild for Node, minified. Sizes are deterministic: one build each.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Figure } from '../harness.js';
import { repoRoot } from '../catalogue/source.js';
import { loadSeedSpecs, workDir, writePackage } from '../workspace.js';

const PACKAGE = '@alipay-codegen/client';

const OURS = `import { AlipayClient } from '${PACKAGE}/runtime';
import { alipayMarketingCardQuery } from '${PACKAGE}/alipay.marketing.card.query';

const client = new AlipayClient({
  appId: process.env.ALIPAY_APP_ID,
  privateKey: process.env.ALIPAY_PRIVATE_KEY,
  alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY,
});
const card = await alipayMarketingCardQuery(client, { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' });
console.log(card.status === 'success' ? card.response.card_info : card.status);
`;

const PEER = `import { AlipaySdk } from 'alipay-sdk';

const sdk = new AlipaySdk({
  appId: process.env.ALIPAY_APP_ID,
  privateKey: process.env.ALIPAY_PRIVATE_KEY,
  alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY,
});
const card = await sdk.exec('alipay.marketing.card.query', {
  bizContent: { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' },
});
console.log(card.cardInfo);
`;

export async function runBundle(): Promise<Figure[]> {
  const pkg = await writePackage('bundle-package', await loadSeedSpecs());
  const app = workDir('bundle-app');
  mkdirSync(join(app, 'node_modules', '@alipay-codegen'), { recursive: true });
  symlinkSync(pkg, join(app, 'node_modules', PACKAGE), 'dir');
  writeFileSync(join(app, 'ours.mjs'), OURS);
  writeFileSync(join(app, 'peer.mjs'), PEER);

  const ours = await bundle(join(app, 'ours.mjs'));
  const peer = await bundle(join(app, 'peer.mjs'));
  // Tree-shaking check: the other seed method must not be in the bundle.
  if (ours.text.includes('koubei.member.data.isv.create')) throw new Error('the bundle of one method contains another method');
  const base = { unit: 'KB', better: 'lower' as const };
  return [
    {
      ...base,
      name: 'bundle: app calling one method, esbuild --minify (node)',
      ours: ours.bytes / 1024,
      peer: { name: 'alipay-sdk', value: peer.bytes / 1024 },
      target: { text: '<= 1/10 of alipay-sdk', met: ours.bytes * 10 <= peer.bytes },
    },
    { ...base, name: 'bundle: same, gzipped', ours: ours.gzip / 1024, peer: { name: 'alipay-sdk', value: peer.gzip / 1024 } },
  ];
}

async function bundle(entry: string): Promise<{ bytes: number; gzip: number; text: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    write: false,
    logLevel: 'silent',
    // The peer is resolved from the project's own node_modules.
    nodePaths: [join(repoRoot(), 'node_modules')],
  });
  const out = result.outputFiles[0]!.contents;
  return { bytes: out.length, gzip: gzipSync(out).length, text: Buffer.from(out).toString('utf8') };
}
