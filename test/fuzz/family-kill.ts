/**
 * Family 4: `kill -9` of `generate` on catalogue specs, at random delays and aimed at the write
 * phase (detected by watching the output dir for its first entry). Then `generate` runs again
 * and its output must equal a cold run's byte for byte; a refusal is accepted only when it names
 * `--full`, after which `generate --full` must give the cold run's output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from './adapters.js';
import { hasStackTrace, runCli } from './cli.js';
import { byScale, timeBound, type FuzzConfig } from './env.js';
import { createRng } from './random.js';
import { FamilyReport } from './report.js';
import { diffTrees, readTree } from './tree.js';

const RUN_TIMEOUT_MS = 300_000;

interface Killed {
  /** Whether the output dir had entries when the kill landed. */
  inWritePhase: boolean;
  /** The run ended before the kill. */
  finished: boolean;
}

/** Starts `generate` and SIGKILLs it after `delayMs`, or `afterWriteMs` after its output dir gets a first entry. */
function generateAndKill(cli: string, cwd: string, specs: string, out: string, plan: { delayMs: number } | { afterWriteMs: number }): Promise<Killed> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'generate', '--specs', specs, '--out', out], { cwd, stdio: 'ignore' });
    let finished = false;
    let killedAt: boolean | undefined;
    const kill = (): void => {
      if (finished || killedAt !== undefined) return;
      killedAt = hasEntries(out);
      child.kill('SIGKILL');
    };
    let poll: NodeJS.Timeout | undefined;
    let timer: NodeJS.Timeout | undefined;
    if ('delayMs' in plan) timer = setTimeout(kill, plan.delayMs);
    else {
      poll = setInterval(() => {
        if (!hasEntries(out)) return;
        clearInterval(poll);
        timer = setTimeout(kill, plan.afterWriteMs);
      }, 5);
    }
    const guard = setTimeout(kill, RUN_TIMEOUT_MS);
    child.on('exit', (_code, signal) => {
      finished = signal !== 'SIGKILL';
      clearInterval(poll);
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ inWritePhase: killedAt === true, finished });
    });
  });
}

function hasEntries(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

interface TrialInput {
  work: string;
  specs: string;
  reference: Map<string, Buffer>;
  coldMs: number;
  t: number;
}

/** One kill, then the recovery run(s), judged against the cold run's tree. */
async function trial(config: FuzzConfig, report: FamilyReport, { work, specs, reference, coldMs, t }: TrialInput): Promise<void> {
  const rng = createRng((config.seed + Math.imul(t + 1, 0x9e3779b1)) >>> 0);
  const out = join(work, `out-${t}`);
  const aimed = t % 2 === 1;
  const killed = await generateAndKill(config.cli, work, specs, out, aimed ? { afterWriteMs: rng.int(400) } : { delayMs: rng.int(Math.max(1, Math.round(coldMs))) });
  report.note(killed.finished ? 'run finished before the kill' : killed.inWritePhase ? 'killed in the write phase' : 'killed before any output file');
  const label = `trial ${t} (${aimed ? 'aimed at the write phase' : 'random delay'})`;
  const again = await runCli(config.cli, ['generate', '--specs', specs, '--out', out], { cwd: work, timeoutMs: RUN_TIMEOUT_MS });
  let failure: string | undefined;
  let detail = '';
  if (again.timedOut) failure = 'unrecovered: generate after the kill hangs';
  else if (hasStackTrace(again.stderr)) failure = 'stack trace on stderr after the kill';
  else if (again.code !== 0) {
    if (!again.stderr.includes('--full')) {
      failure = 'unrecovered: refusal without naming --full';
      detail = again.stderr;
    } else {
      report.note('refused, naming --full');
      const full = await runCli(config.cli, ['generate', '--full', '--specs', specs, '--out', out], { cwd: work, timeoutMs: RUN_TIMEOUT_MS });
      const diffs = full.code === 0 ? diffTrees(reference, readTree(out)) : [`generate --full exit ${full.code}: ${full.stderr}`];
      if (diffs.length > 0) {
        failure = 'unrecovered: output after --full differs from a cold run';
        detail = diffs.slice(0, 3).join(', ');
      }
    }
  } else {
    const diffs = diffTrees(reference, readTree(out));
    if (diffs.length > 0) {
      failure = 'unrecovered: output differs from a cold run';
      detail = `${diffs.length} difference(s): ${diffs.slice(0, 3).join(', ')}`;
    } else report.note('recovered by plain generate');
  }
  report.record(failure, `${label}: ${detail}`);
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
}

export async function killFamily(config: FuzzConfig): Promise<FamilyReport> {
  const report = new FamilyReport('4. kill during generate');
  if (config.scale === 'full') report.required = 40;
  const catalogue = await loadCatalogue(config.root, join(config.shared, 'catalogue/alipay-gateway-methods.json.gz'));
  if (!catalogue) {
    report.fail('harness: catalogue or bench/catalogue not available (npm run build)');
    return report.finish();
  }
  const work = mkdtempSync(join(tmpdir(), 'fuzz-kill-'));
  try {
    const specs = join(work, 'specs');
    mkdirSync(specs);
    report.note('catalogue specs', catalogue.writeSpecs(specs, byScale(config, 20, 1_010)));
    const refDir = join(work, 'cold');
    const cold = await runCli(config.cli, ['generate', '--specs', specs, '--out', refDir], { cwd: work, timeoutMs: RUN_TIMEOUT_MS });
    if (cold.code !== 0) {
      report.fail('harness: the cold run failed', cold.stderr);
      return report.finish();
    }
    report.note('cold run ms', Math.round(cold.ms));
    const reference = readTree(refDir);
    const trials = byScale(config, 2, 40);
    const deadline = performance.now() + timeBound(config, 120_000, 480_000);
    // Three trials at a time: each is mostly one process waiting for CPU on a shared machine.
    let next = 0;
    const runTrials = async (): Promise<void> => {
      for (let t = next++; t < trials; t = next++) {
        if (performance.now() > deadline) {
          report.note('trials left out by the time bound', trials - t);
          next = trials;
          return;
        }
        await trial(config, report, { work, specs, reference, coldMs: cold.ms, t });
      }
    };
    await Promise.all([runTrials(), runTrials(), runTrials()]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return report.finish();
}
