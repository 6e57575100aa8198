/**
 * Counts the assertions each test executes, when ASSERTION_COUNT_FILE names a file: after every test it
 * appends one JSON line `{ file, test, assertions }` (appending keeps parallel workers from clobbering each
 * other). `npm run count-assertions` runs the suite this way and prints the totals per area; the lead uses it
 * to compare two versions of the suite (copy this file and the summary script into the other tree).
 * Registered as a vitest setupFile; without the env var it does nothing.
 */
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterEach, expect } from 'vitest';

const target = process.env.ASSERTION_COUNT_FILE;

if (target) {
  afterEach((context) => {
    const file = relative(process.cwd(), context.task.file.filepath);
    const line = { file, test: context.task.name, assertions: expect.getState().assertionCalls };
    appendFileSync(target, `${JSON.stringify(line)}\n`);
  });
}
