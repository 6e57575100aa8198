// Runs the vitest suite with test/support/assertion-count.ts recording every test's executed assertions,
// then prints tests and assertions per area (test/<area>/...) and the total. Extra arguments go to vitest
// (e.g. a file filter). Usage: `npm run count-assertions [-- vitest args]`; `--json FILE` also writes the table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;

const work = mkdtempSync(join(tmpdir(), 'assertion-count-'));
const records = join(work, 'records.jsonl');
writeFileSync(records, '');
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
  stdio: 'inherit',
  env: { ...process.env, ASSERTION_COUNT_FILE: records },
});

const areas = new Map();
for (const line of readFileSync(records, 'utf8').split('\n')) {
  if (!line) continue;
  const { file, assertions } = JSON.parse(line);
  const parts = file.split('/');
  const area = parts[0] === 'test' && parts.length > 2 ? `test/${parts[1]}` : file;
  const row = areas.get(area) ?? { tests: 0, assertions: 0 };
  row.tests += 1;
  row.assertions += assertions;
  areas.set(area, row);
}
rmSync(work, { recursive: true, force: true });

const table = Object.fromEntries([...areas].sort(([a], [b]) => a.localeCompare(b)));
const total = Object.values(table).reduce((t, r) => ({ tests: t.tests + r.tests, assertions: t.assertions + r.assertions }), { tests: 0, assertions: 0 });
console.log('\nexecuted assertions per area');
for (const [area, r] of Object.entries(table)) console.log(`${area.padEnd(20)} ${String(r.tests).padStart(5)} tests ${String(r.assertions).padStart(8)} assertions`);
console.log(`${'total'.padEnd(20)} ${String(total.tests).padStart(5)} tests ${String(total.assertions).padStart(8)} assertions`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ areas: table, total }, null, 2)}\n`);
process.exitCode = vitest.status ?? 1;
