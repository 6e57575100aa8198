/**
 * Test file order: the heavy files first (they start subprocesses: the CLI, tsc, npm; or work at
 * catalogue scale), each group in vitest's own order (longest last time first when it has timings,
 * else largest file first). A heavy file started last would run alone on one core at the end of the
 * run; this matters most in a fresh clone (CI), where vitest has no timings yet.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** What marks a file heavy, read from its text: subprocess APIs, the tsc helpers, the catalogue fixture. */
const HEAVY = /from 'node:child_process'|\b(?:runTsc|buildProjects)\(|bench\/catalogue\//;

export default class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const heavy = new Set(sorted.filter((f) => HEAVY.test(readFileSync(f.moduleId, 'utf8'))));
    return [...sorted.filter((f) => heavy.has(f)), ...sorted.filter((f) => !heavy.has(f))];
  }
}
