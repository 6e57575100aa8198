/**
 * Test file order: files that start subprocesses (CLI runs, tsc, npm) first, each group in vitest's own
 * order (longest last run first when it has timings, else largest file first). A subprocess file is
 * usually the slowest, and started last it would run alone on one core at the end of the run; this
 * matters most in a fresh clone, where vitest has no timings yet.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SUBPROCESS = /from 'node:child_process'/;

export default class SubprocessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const spawns = new Map(sorted.map((f) => [f, SUBPROCESS.test(readFileSync(f.moduleId, 'utf8'))]));
    return [...sorted.filter((f) => spawns.get(f)), ...sorted.filter((f) => !spawns.get(f))];
  }
}
