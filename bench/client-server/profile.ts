/**
 * Where a client's CPU goes: `node dist/bench/client-server/profile.js [one of CONTENDERS in ./setup.ts, e.g. alipay-sdk] [calls]`
 * runs the contender against the gateway child process under the V8 profiler (node:inspector)
 * and prints self time by module and by function, idle time left out.
 */
import { Session } from 'node:inspector/promises';
import { cleanupWorkspace, loadSeedSpecs } from '../workspace.js';
import { print } from '../harness.js';
import { runLoad } from './load.js';
import { CONTENDERS, METHOD, contenderSetup, makeContender, makeKeys, startServer, stopServer, writeClientPackage, type ContenderName } from './setup.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules package, node: builtin, `ours` or a V8 pseudo-frame such as (garbage collector). */
function moduleOf(url: string, fn: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  if (url === '') return `native ${fn || '(anonymous)'}`;
  return 'ours';
}

function top(totals: Map<string, number>, all: number, n: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => `${((100 * t) / all).toFixed(1).padStart(5)}%  ${name}`);
}

export function summarise(profile: Profile, n = 15): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    // Idle and program are time outside JS work; (writev) etc. stay: they are syscalls made for us.
    if (functionName === '(idle)' || functionName === '(program)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const mod = moduleOf(url, functionName);
    byModule.set(mod, (byModule.get(mod) ?? 0) + dt);
    const key = `${functionName || '(anonymous)'} ${mod}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
  });
  return ['by module:', ...top(byModule, all, n), 'by function:', ...top(byFunction, all, n)];
}

async function main(name: string, calls: number): Promise<void> {
  const specs = await loadSeedSpecs();
  const keys = makeKeys();
  const { child, url } = await startServer(keys);
  const session = new Session();
  try {
    if (!(CONTENDERS as readonly string[]).includes(name)) throw new Error(`no contender named ${name}; known: ${CONTENDERS.join(', ')}`);
    const request = specs.find((s) => s.method === METHOD)!.examples!.request as Record<string, unknown>;
    const contender = await makeContender(contenderSetup(name as ContenderName, keys, url, await writeClientPackage(specs), request));
    await runLoad(contender.call, 1000, 8, 30_000);
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const result = await runLoad(contender.call, calls, 8, 60_000);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    print(`${name}: ${result.completed} calls, ${result.failed} failed, ${result.cpuMsPerCall.toFixed(3)} ms CPU per call (under the profiler)`);
    for (const line of summarise(profile)) print(line);
  } finally {
    session.disconnect();
    await stopServer(child);
    cleanupWorkspace();
  }
}

if (process.argv[1] === import.meta.filename) {
  await main(process.argv[2] ?? 'alipay-sdk', Number(process.argv[3] ?? 1000));
}
