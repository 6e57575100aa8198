/**
 * `npm run bench [-- part ...]`: runs the benchmark parts (all by default) and prints each figure
 * as a median of several runs beside the peer's figure from the same run.
 * BENCH_RUNS sets the number of runs (default 5).
 */
import { formatFigure, print, type Figure } from './harness.js';
import { cleanupWorkspace } from './workspace.js';
import { runBundle } from './bundle/run.js';
import { runGeneration } from './generation/run.js';
import { runTypecheck } from './typecheck/run.js';
import { runValidators } from './validators/run.js';
import { run as runClientServer } from './client-server/index.js';

const PARTS: Record<string, (runs: number) => Promise<Figure[]>> = {
  validators: runValidators,
  bundle: runBundle,
  generation: runGeneration,
  // After generation: reuses the catalogue package its cold run produced.
  typecheck: runTypecheck,
  'client-server': runClientServer,
};

async function main(argv: string[]): Promise<number> {
  const wanted = argv.length > 0 ? argv : Object.keys(PARTS);
  const unknown = wanted.filter((p) => !(p in PARTS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown part(s): ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}\n`);
    return 2;
  }
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  print(`alipay-codegen bench: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  let missed = 0;
  try {
    for (const part of wanted) {
      print(`\n## ${part}`);
      for (const figure of await PARTS[part]!(runs)) {
        print(formatFigure(figure));
        if (figure.target && !figure.target.met) missed++;
      }
    }
  } finally {
    cleanupWorkspace();
  }
  print(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
