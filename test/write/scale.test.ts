import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWrite, checkOutput, planWrite } from '../../generator/write/index.js';

// Thousands of files across many directories: exercises bounded concurrency (no EMFILE) and the
// size-first comparison at a size where an unbounded or quadratic approach would show.
const METHODS = 1500;
const files = new Map<string, string>();
for (let i = 0; i < METHODS; i++) {
  for (const part of ['index.ts', 'types.ts', 'validate.ts']) files.set(`src/m${i}/${part}`, `// method ${i} ${part}\n`.repeat(1 + (i % 7)));
}
const all = () => true;
let out: string;

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'write-scale-')), 'generated');
});
afterAll(async () => {
  await rm(join(out, '..'), { recursive: true, force: true });
});

describe(`write stage at scale (${files.size} files)`, () => {
  it('writes, then finds everything up to date, then spots one changed and one extra file', async () => {
    await applyWrite(out, files, await planWrite(out, files, { prune: all }));
    expect(await checkOutput(out, files, all)).toEqual([]);
    await writeFile(join(out, 'src/m700/types.ts'), files.get('src/m700/types.ts')!.replace('method', 'METHOD'));
    await writeFile(join(out, 'src/m5/extra.ts'), '');
    expect(await checkOutput(out, files, all)).toEqual(['src/m5/extra.ts', 'src/m700/types.ts']);
  });
});
