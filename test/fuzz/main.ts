/**
 * `npm run fuzz`: the hardening campaign of issue 14, bounded in count and time. Prints, per
 * family, cases tried and failures by class, then one summary line; exits 1 when any family has
 * failures. FUZZ_SCALE=small runs it in seconds; FUZZ_FAMILIES=1,3 picks families; FUZZ_SEED
 * re-runs a campaign; FUZZ_TIME_FACTOR=2 doubles every time bound. Network: 127.0.0.1 only.
 */
import { readConfig, type FuzzConfig } from './env.js';
import { importerFamily } from './family-importer.js';
import { hostileSpecsFamily } from './family-hostile-specs.js';
import { httpFamily } from './family-http.js';
import { killFamily } from './family-kill.js';
import { piiFamily } from './family-pii.js';
import { FamilyReport } from './report.js';

const FAMILIES: readonly [string, string, (c: FuzzConfig) => Promise<FamilyReport>][] = [
  ['1', '1. importer mutations', importerFamily],
  ['2', '2. hostile specs', hostileSpecsFamily],
  ['3', '3. hostile HTTP server', httpFamily],
  ['4', '4. kill during generate', killFamily],
  ['5', '5. PII formats', piiFamily],
];

async function main(): Promise<number> {
  const config = readConfig();
  const only = process.env.FUZZ_FAMILIES?.split(',').map((s) => s.trim());
  const started = performance.now();
  console.log(`fuzz: scale ${config.scale}, seed ${config.seed}, time factor ${config.timeFactor}`);
  const reports: FamilyReport[] = [];
  for (const [key, name, run] of FAMILIES) {
    if (only && !only.includes(key)) continue;
    let report: FamilyReport;
    try {
      report = await run(config);
    } catch (error) {
      // The harness must report, not crash: a family that throws is one failure of its own.
      report = new FamilyReport(name);
      report.fail('harness: family aborted', error instanceof Error ? `${error.message} ${error.stack ?? ''}` : String(error));
      report.finish();
    }
    reports.push(report);
    console.log(report.format());
  }
  const tried = reports.reduce((n, r) => n + r.tried, 0);
  const failed = reports.reduce((n, r) => n + r.failureCount(), 0);
  const failing = reports.filter((r) => r.failureCount() > 0).map((r) => r.name.split('.')[0]);
  const short = reports.filter((r) => r.short()).map((r) => r.name.split('.')[0]);
  console.log(
    `fuzz summary: ${reports.length} famil${reports.length === 1 ? 'y' : 'ies'}, ${tried} case(s), ${failed} failure(s)` +
      `${failing.length > 0 ? ` (families ${failing.join(', ')})` : ''}` +
      `${short.length > 0 ? `; short of the required count: families ${short.join(', ')} (raise FUZZ_TIME_FACTOR)` : ''}` +
      `, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return failed > 0 ? 1 : 0;
}

// exit explicitly: a hostile server socket or a stuck worker must not keep the campaign alive.
process.exit(await main());
