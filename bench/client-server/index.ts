/**
 * Client/server part: the local gateway in its own process; our generated client (its default
 * keep-alive node:http transport, `fetch: globalThis.fetch`, and an in-memory transport that
 * replays one answer: the runtime's own cost), the bare round trip (one request signed once, POSTed
 * again and again: what every client pays besides its own work) and the official alipay-sdk (validateSign on) each make N
 * calls of alipay.marketing.card.query at a fixed concurrency, in the same run, each in a client
 * process of its own (rounds rotate the order). Reported per
 * client: requests/s, client CPU per call, that CPU over the RSA floor, failed calls (must be 0).
 * BENCH_CS_REQUESTS (default 3000) and BENCH_CS_CONCURRENCY (default 8) tune the load.
 */
import { gatewayJson } from '../../generator/gateway/body.js';
import { successNode } from '../../generator/gateway/sample.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import { buildSignContent, formatTimestamp, signContent } from '../../templates/runtime/index.js';
import { median, print, type Figure } from '../harness.js';
import { loadSeedSpecs } from '../workspace.js';
import { rsaFloorMs } from './floor.js';
import type { LoadResult } from './load.js';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ClientJob } from './client-process.js';
import { APP_ID, BARE_ROUND_TRIP, BARE_WITH_RSA, CONTENDERS, DEFAULT_CLIENT, FETCH_CLIENT, IN_MEMORY_CLIENT, METHOD, contenderSetup, makeKeys, serverUsage, startServer, stopServer, writeClientPackage } from './setup.js';

const MAX_MS_PER_RUN = 30_000;
/**
 * Calls before each measured run, in each fresh client process: after 300 the JIT was still
 * compiling inside the measured window (1,000 measured calls read about 1.5x the steady CPU per call).
 */
const WARMUP_CALLS = 1000;
const TARGET_FLOOR_RATIO = 1.5;
const TARGET_RPS_RATIO = 2.5;

export async function run(runs: number): Promise<Figure[]> {
  const count = Number(process.env.BENCH_CS_REQUESTS ?? 3000);
  const concurrency = Number(process.env.BENCH_CS_CONCURRENCY ?? 8);
  const specs = await loadSeedSpecs();
  const spec = specs.find((s) => s.method === METHOD)!;
  const request = spec.examples!.request as Record<string, unknown>;
  const keys = makeKeys();

  // Floor payloads: the string our client signs for this call, and the answer node the gateway signs.
  const requestText = buildSignContent({ app_id: APP_ID, method: METHOD, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: formatTimestamp(), version: '1.0', biz_content: JSON.stringify(request) });
  const responseText = gatewayJson(successNode(buildMethodIR(spec)));
  const signature = signContent(responseText, keys.alipay.privateKey, 'RSA2');
  // Measured in every round (the machine's load changes), the median is reported.
  const floors: number[] = [];

  const { child, url } = await startServer(keys);
  try {
    const packageDir = await writeClientPackage(specs);
    const results = new Map<string, LoadResult[]>(CONTENDERS.map((name) => [name, []]));
    const serverStart = await serverUsage(child);
    for (let round = 0; round < runs; round++) {
      floors.push(rsaFloorMs(requestText, responseText, keys.app.privateKey, keys.alipay.publicKey, signature, 3));
      // Rotated order, so no client always runs first (cold) or last.
      for (let i = 0; i < CONTENDERS.length; i++) {
        const name = CONTENDERS[(round + i) % CONTENDERS.length]!;
        const job: ClientJob = { setup: contenderSetup(name, keys, url, packageDir, request), warmup: WARMUP_CALLS, count, concurrency, maxMs: MAX_MS_PER_RUN };
        results.get(name)!.push(await runClientProcess(job));
      }
    }
    const serverEnd = await serverUsage(child);
    const serverMsPerRequest = (serverEnd.cpuMs - serverStart.cpuMs) / Math.max(serverEnd.requests - serverStart.requests, 1);
    print(`gateway process: ${serverMsPerRequest.toFixed(3)} ms CPU per request (signatures of identical answers cached)`);
    return report(results, median(floors), runs, count, concurrency);
  } finally {
    await stopServer(child);
  }
}

/** Runs one contender's load in a fresh client process. */
function runClientProcess(job: ClientJob): Promise<LoadResult> {
  const child = fork(join(import.meta.dirname, 'client-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<LoadResult>((resolve, reject) => {
    let result: LoadResult | undefined;
    child.once('message', (m: { result: LoadResult }) => (result = m.result));
    child.once('exit', (code) => (result !== undefined ? resolve(result) : reject(new Error(`client process for ${job.setup.name} exited with ${code}`))));
    child.send(job);
  });
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
  const memory = summary.get(IN_MEMORY_CLIENT)!;
  figures.push({
    name: `client: runtime's own CPU per call beyond the RSA floor, ${IN_MEMORY_CLIENT}`,
    ours: Math.max(memory.cpu - floorMs, 0),
    unit: 'ms',
    better: 'lower',
    runs,
  });
  // The round trip alone: with the floor, the least CPU per call any client on this transport can reach.
  const bare = summary.get(BARE_ROUND_TRIP)!;
  figures.push({ name: `client: CPU per call of the ${BARE_ROUND_TRIP}`, ours: bare.cpu, unit: 'ms', better: 'lower', runs });
  figures.push({ name: 'client: RSA floor + that round trip, summed (no client work at all)', ours: (floorMs + bare.cpu) / floorMs, unit: 'x floor', better: 'lower', runs });
  // The same two measured together in one process: the least a verifying node:http client spends here.
  const bareRsa = summary.get(BARE_WITH_RSA)!;
  figures.push({ name: `client: ${BARE_WITH_RSA}`, ours: bareRsa.cpu / floorMs, unit: 'x floor', better: 'lower', runs });
  const ours = summary.get(DEFAULT_CLIENT)!;
  figures.push({ name: `client: CPU per call of ${DEFAULT_CLIENT} beyond that bound`, ours: Math.max(ours.cpu - bareRsa.cpu, 0), unit: 'ms', better: 'lower', runs });
  for (const name of [DEFAULT_CLIENT, FETCH_CLIENT]) {
    const s = summary.get(name)!;
    const clean = s.failed === 0 && sdk.failed === 0;
    // The targets are the default client's; the fetch option is shown beside it.
    const targeted = name === DEFAULT_CLIENT;
    figures.push({
      name: `client-server: requests/s, ${name}`,
      ours: s.rps,
      peer: { name: 'alipay-sdk', value: sdk.rps },
      unit: 'req/s',
      better: 'higher',
      runs,
      ...(targeted && { target: { text: `>= ${TARGET_RPS_RATIO}x alipay-sdk, 0 failed`, met: clean && s.rps >= TARGET_RPS_RATIO * sdk.rps } }),
    });
    figures.push({
      name: `client-server: client CPU per call / RSA floor, ${name}`,
      ours: s.cpu / floorMs,
      peer: { name: 'alipay-sdk', value: sdk.cpu / floorMs },
      unit: 'x floor',
      better: 'lower',
      runs,
      ...(targeted && { target: { text: `<= ${TARGET_FLOOR_RATIO}x floor, 0 failed`, met: clean && s.cpu / floorMs <= TARGET_FLOOR_RATIO } }),
    });
  }
  return figures;
}
