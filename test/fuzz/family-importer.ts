/**
 * Family 1: mutated doc pages into the importer. Pages come from the seeds and from catalogue
 * methods rendered in the seed layout; each is mutated, imported in a worker (a page taking over
 * 5 s is a hang: the worker is replaced) and the spec it writes is loaded back. A sample also goes
 * through the real CLI (`import` then `validate`) to judge exit codes and stderr.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadCatalogue, loadRenderDoc } from './adapters.js';
import { hasNodeWarning, hasStackTrace, runCli } from './cli.js';
import { byScale, timeBound, type FuzzConfig } from './env.js';
import type { ImporterCase, ImporterVerdict } from './importer-protocol.js';
import { mutatePage } from './mutate.js';
import { createRng, type Rng } from './random.js';
import { FamilyReport } from './report.js';

const HANG_MS = 5_000;

interface BasePage {
  name: string;
  text: string;
}

async function basePages(config: FuzzConfig, report: FamilyReport, rng: Rng): Promise<BasePage[]> {
  const seedsDir = join(config.shared, 'seeds');
  const pages: BasePage[] = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `seed ${f}`, text: readFileSync(join(seedsDir, f), 'utf8') }));
  const render = await loadRenderDoc(config.root);
  const catalogue = await loadCatalogue(config.root, join(config.shared, 'catalogue/alipay-gateway-methods.json.gz'));
  if (!render || !catalogue) {
    report.fail('harness: no renderer or catalogue (seed pages only)');
    return pages;
  }
  const want = byScale(config, 5, 300);
  for (let tries = 0; pages.length < want + 2 && tries < want * 3; tries++) {
    const method = rng.pick(catalogue.methods);
    const spec = catalogue.spec(method);
    if (spec !== undefined) pages.push({ name: `catalogue ${method}`, text: render(spec) });
  }
  report.note('base pages (seeds + rendered catalogue methods)', pages.length);
  return pages;
}

/** One worker at a time; replaced after a hang. */
class ImporterPool {
  private worker: Worker | undefined;
  private inProcess = false;

  constructor(private readonly root: string) {}

  private async start(): Promise<Worker> {
    const worker = new Worker(new URL('./importer-worker.js', import.meta.url), { workerData: { root: this.root }, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { inProcess: boolean }) => {
        this.inProcess = m.inProcess;
        resolve();
      });
      worker.once('error', reject);
    });
    this.worker = worker;
    return worker;
  }

  async available(): Promise<boolean> {
    await (this.worker ?? this.start());
    return this.inProcess;
  }

  async run(c: ImporterCase): Promise<ImporterVerdict | 'hang' | 'worker crashed'> {
    const worker = this.worker ?? (await this.start());
    return new Promise((resolve) => {
      const done = (v: ImporterVerdict | 'hang' | 'worker crashed'): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(v);
      };
      const onMessage = (v: ImporterVerdict): void => {
        if (v.id === c.id) done(v);
      };
      const onError = (): void => {
        this.worker = undefined;
        done('worker crashed');
      };
      // A page that makes the importer call process.exit ends the worker without an error event.
      const onExit = (): void => onError();
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done('hang');
      }, HANG_MS);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(c);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

async function cliSample(config: FuzzConfig, report: FamilyReport, pages: BasePage[], rng: Rng): Promise<void> {
  const count = byScale(config, 2, 40);
  const work = mkdtempSync(join(tmpdir(), 'fuzz-import-cli-'));
  try {
    for (let i = 0; i < count; i++) {
      const base = rng.pick(pages);
      const { text, applied } = i === 0 ? { text: base.text, applied: [] } : mutatePage(base.text, rng);
      const label = `CLI ${base.name} [${applied.join(',')}]`;
      const out = join(work, `specs-${i}`);
      const page = join(work, `page-${i}.txt`);
      writeFileSync(page, text);
      const imp = await runCli(config.cli, ['import', page, '--out-dir', out], { cwd: work, timeoutMs: 20_000 });
      let failure: string | undefined;
      if (imp.timedOut) failure = 'CLI import hang (> 20 s)';
      else if (hasStackTrace(imp.stderr)) failure = 'stack trace on stderr (CLI import)';
      else if (hasNodeWarning(imp.stderr)) failure = 'Node warning on stderr (CLI import)';
      else if (imp.code !== 0 && imp.code !== 1) failure = `CLI import exit code ${imp.code ?? imp.signal}`;
      else if (imp.code === 0) {
        const val = await runCli(config.cli, ['validate', '--specs', out], { cwd: work, timeoutMs: 20_000 });
        if (val.code !== 0) failure = 'invalid spec written (CLI import exit 0, validate rejects)';
        else if (hasStackTrace(val.stderr)) failure = 'stack trace on stderr (CLI validate)';
        report.note('CLI sample: imported and validated');
      } else report.note('CLI sample: rejected with exit 1');
      report.record(failure, `${label}: ${imp.stderr.slice(0, 200)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function importerFamily(config: FuzzConfig): Promise<FamilyReport> {
  const report = new FamilyReport('1. importer mutations');
  if (config.scale === 'full') report.required = 10_000;
  const rng = createRng(config.seed + 1);
  let phase = performance.now();
  const pages = await basePages(config, report, rng);
  report.note('ms reading the seeds and rendering catalogue pages', Math.round(performance.now() - phase));
  phase = performance.now();
  // Two workers: the cases are independent, and on a shared machine two threads get twice the CPU share.
  const pools = [new ImporterPool(config.root), new ImporterPool(config.root)];
  const total = byScale(config, 300, 10_000);
  const deadline = performance.now() + timeBound(config, 30_000, 300_000);
  let next = 0;
  // Bases whose unmutated page already fails: their mutants' failures are counted apart.
  const brokenBases = new Set<number>();
  const judge = async (pool: ImporterPool): Promise<void> => {
    for (let id = next++; id < total; id = next++) {
      if (performance.now() > deadline) {
        report.note('cases left out by the time bound', total - id);
        next = total;
        return;
      }
      const base = pages[id % pages.length]!;
      // The first pass over the bases is unmutated: a control that the importer takes them.
      // One generator per case: the two workers finish in any order, and FUZZ_SEED must still replay a case.
      const caseRng = createRng((config.seed + Math.imul(id + 1, 0x9e3779b1)) >>> 0);
      const { text, applied } = id < pages.length ? { text: base.text, applied: ['none'] } : mutatePage(base.text, caseRng);
      const label = `#${id} ${base.name} [${applied.join(',')}]`;
      // FUZZ_DUMP_CASE=<id> writes that case's page to a file, to replay it outside the harness.
      if (process.env.FUZZ_DUMP_CASE === String(id)) {
        const file = join(tmpdir(), `alipay-fuzz-case-${id}.txt`);
        writeFileSync(file, text);
        report.note(`case ${id} written to ${file}`);
      }
      const v = await pool.run({ id, text, file: 'page.txt', label });
      if (v === 'hang') report.record('hang (> 5 s)', label);
      else if (v === 'worker crashed') report.record('crash (worker died)', label);
      else {
        const baseIndex = id % pages.length;
        if (id < pages.length && v.failure !== undefined) brokenBases.add(baseIndex);
        const failure = v.failure === undefined ? undefined : id < pages.length ? `${v.failure} [unmutated page]` : brokenBases.has(baseIndex) ? `${v.failure} [mutant of a failing page]` : v.failure;
        report.record(failure, v.example);
        if (v.outcome !== undefined) report.note(`in-process: ${v.outcome}`);
        if (id < pages.length && v.outcome === 'rejected') report.fail('unmutated base page rejected', label);
      }
    }
  };
  try {
    if (!(await pools[0]!.available())) report.fail('harness: importer not loadable in-process (CLI sample only)');
    else await Promise.all(pools.map(judge));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  report.note('ms of the in-process cases', Math.round(performance.now() - phase));
  phase = performance.now();
  await cliSample(config, report, pages, rng);
  report.note('ms of the CLI sample', Math.round(performance.now() - phase));
  return report.finish();
}
