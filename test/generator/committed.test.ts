/**
 * The committed package is what the generator makes of the committed specs: `alipay-codegen check`
 * (the built CLI, as a user runs it) passes on specs/ and generated/. This is also what the seed
 * methods' generated modules are compared against: a change of generator output fails here until
 * `npm run generate` is run and the new output reviewed in the diff.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/typescript.js';

it('generated/ is up to date with specs/ (alipay-codegen check)', () => {
  const stdout = execFileSync(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'check'], { cwd: ROOT, encoding: 'utf8' });
  expect(stdout).toBe('generated is up to date with specs\n');
});
