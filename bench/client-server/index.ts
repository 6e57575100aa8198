/**
 * Client/server part: the local gateway in its own process; our generated client (global fetch and
 * the node:http keep-alive transport) and the official alipay-sdk (validateSign on) each make N
 * calls of alipay.marketing.card.query at a fixed concurrency, in the same run. Reported per
 * client: requests/s, client CPU per call, that CPU over the RSA floor, failed calls (must be 0).
 * BENCH_CS_REQUESTS (default 1000) and BENCH_CS_CONCURRENCY (default 8) tune the load.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyExportOptions, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import { gatewayJson } from '../../generator/gateway/body.js';
import { successNode } from '../../generator/gateway/sample.js';
import { buildSignContent, formatTimestamp, signContent } from '../../templates/runtime/index.js';
import { median, print, type Figure } from '../harness.js';
import { repoRoot } from '../catalogue/source.js';
import { loadSeedSpecs, writePackage } from '../workspace.js';
import { rsaFloorMs } from './floor.js';
import { runLoad, type LoadResult } from './load.js';

const METHOD = 'alipay.marketing.card.query';
const APP_ID = '2021000000000001';
const MAX_MS_PER_RUN = 30_000;
const WARMUP_CALLS = 100;
const TARGET_FLOOR_RATIO = 1.5;
const TARGET_RPS_RATIO = 2.5;

interface Contender {
  readonly name: string;
  readonly call: () => Promise<boolean>;
}

function pem(key: KeyObject, type: 'pkcs1' | 'pkcs8' | 'spki'): string {
  return key.export({ type, format: 'pem' } as KeyExportOptions<'pem'>) as string;
}

async function startServer(specsDir: string, appPublicKey: KeyObject, gatewayPrivateKey: KeyObject): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(import.meta.dirname, 'server-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    child.send({ specsDir, appPublicKeyPem: pem(appPublicKey, 'spki'), gatewayPrivateKeyPem: pem(gatewayPrivateKey, 'pkcs8') });
  });
  return { child, url };
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

export async function run(runs: number): Promise<Figure[]> {
  const count = Number(process.env.BENCH_CS_REQUESTS ?? 1000);
  const concurrency = Number(process.env.BENCH_CS_CONCURRENCY ?? 8);
  const specs = await loadSeedSpecs();
  const spec = specs.find((s) => s.method === METHOD)!;
  const request = spec.examples!.request as Record<string, unknown>;
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });

  // Floor payloads: the string our client signs for this call, and the answer node the gateway signs.
  const requestText = buildSignContent({ app_id: APP_ID, method: METHOD, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: formatTimestamp(), version: '1.0', biz_content: JSON.stringify(request) });
  const responseText = gatewayJson(successNode(spec));
  const floorMs = rsaFloorMs(requestText, responseText, app.privateKey, alipay.publicKey, signContent(responseText, alipay.privateKey, 'RSA2'), Math.max(runs, 3));

  const pkg = await writePackage('client-server-package', specs);
  const ours = (await import(pathToFileURL(join(pkg, 'dist/index.js')).href)) as Record<string, any>;
  const { child, url } = await startServer(join(repoRoot(), 'specs'), app.publicKey, alipay.privateKey);
  try {
    const clientConfig = { appId: APP_ID, privateKey: pem(app.privateKey, 'pkcs8'), alipayPublicKey: pem(alipay.publicKey, 'spki'), gateway: url };
    const viaFetch = ours.createAlipayClient(clientConfig);
    const viaNode = ours.createAlipayClient({ ...clientConfig, fetch: ours.createNodeTransport() });
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: pem(app.privateKey, 'pkcs1'), alipayPublicKey: pem(alipay.publicKey, 'spki'), gateway: url });
    const contenders: Contender[] = [
      { name: 'ours (global fetch)', call: async () => (await ours.alipayMarketingCardQuery(viaFetch, request)).code === '10000' },
      { name: 'ours (node transport)', call: async () => (await ours.alipayMarketingCardQuery(viaNode, request)).code === '10000' },
      { name: 'alipay-sdk', call: async () => ((await sdk.exec(METHOD, { bizContent: request }, { validateSign: true })) as { code?: string }).code === '10000' },
    ];
    const results = new Map<string, LoadResult[]>(contenders.map((c) => [c.name, []]));
    for (let round = 0; round < runs; round++) {
      // Rotated order, so no client always runs first (cold) or last.
      for (let i = 0; i < contenders.length; i++) {
        const contender = contenders[(round + i) % contenders.length]!;
        await runLoad(contender.call, WARMUP_CALLS, concurrency, MAX_MS_PER_RUN);
        results.get(contender.name)!.push(await runLoad(contender.call, count, concurrency, MAX_MS_PER_RUN));
      }
    }
    return report(results, floorMs, runs, count, concurrency);
  } finally {
    await stopServer(child);
  }
}

function report(results: Map<string, LoadResult[]>, floorMs: number, runs: number, count: number, concurrency: number): Figure[] {
  const summary = new Map(
    [...results].map(([name, list]) => [
      name,
      {
        rps: median(list.map((r) => r.requestsPerSecond)),
        cpu: median(list.map((r) => r.cpuMsPerCall)),
        system: median(list.map((r) => r.systemMsPerCall)),
        failed: list.reduce((n, r) => n + r.failed, 0),
        cutShort: list.some((r) => r.cutShort),
      },
    ]),
  );
  print(`${count} calls of ${METHOD} per client and round, concurrency ${concurrency}, ${runs} round(s); RSA floor (sign + verify, RSA-2048 SHA-256): ${floorMs.toFixed(3)} ms CPU`);
  for (const [name, s] of summary) {
    print(`  ${name}: ${s.rps.toFixed(0)} req/s, ${s.cpu.toFixed(3)} ms client CPU per call (${s.system.toFixed(3)} ms of it system) = ${(s.cpu / floorMs).toFixed(2)}x floor, failed ${s.failed}${s.cutShort ? ' (time bound hit)' : ''}`);
  }
  const sdk = summary.get('alipay-sdk')!;
  const figures: Figure[] = [];
  for (const name of ['ours (global fetch)', 'ours (node transport)']) {
    const s = summary.get(name)!;
    const clean = s.failed === 0 && sdk.failed === 0;
    figures.push({
      name: `client-server: requests/s, ${name}`,
      ours: s.rps,
      peer: { name: 'alipay-sdk', value: sdk.rps },
      unit: 'req/s',
      better: 'higher',
      runs,
      target: { text: `>= ${TARGET_RPS_RATIO}x alipay-sdk, 0 failed`, met: clean && s.rps >= TARGET_RPS_RATIO * sdk.rps },
    });
    figures.push({
      name: `client-server: client CPU per call / RSA floor, ${name}`,
      ours: s.cpu / floorMs,
      peer: { name: 'alipay-sdk', value: sdk.cpu / floorMs },
      unit: 'x floor',
      better: 'lower',
      runs,
      target: { text: `<= ${TARGET_FLOOR_RATIO}x floor, 0 failed`, met: clean && s.cpu / floorMs <= TARGET_FLOOR_RATIO },
    });
  }
  return figures;
}
