/**
 * `node dist/bench/catalogue/main.js <outDir> [--limit N] [--skipped-report FILE]`: writes the
 * catalogue as specs and prints what could not be converted.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { skippedReport } from './report.js';
import { writeCatalogueSpecs } from './write.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, 'skipped-report': { type: 'string' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node dist/bench/catalogue/main.js <outDir> [--limit N] [--skipped-report FILE]\n');
  process.exit(2);
}
const result = writeCatalogueSpecs({
  outDir: positionals[0]!,
  ...(values.limit !== undefined ? { limit: Number(values.limit) } : {}),
});
process.stdout.write(`${result.written.length} specs written to ${positionals[0]}, ${result.skipped.length} skipped, ${result.notes.length} note(s)\n`);
if (values['skipped-report']) writeFileSync(values['skipped-report'], skippedReport(result));
