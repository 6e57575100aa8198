/**
 * What `generate` and `check` share: load the spec directory (every diagnostic printed, errors
 * stop the command before anything is written) and produce the package files in memory.
 */
import { UserError, formatDiagnostic, hasErrors } from './diagnostics.js';
import { generatePackage, readTemplates } from './generate.js';
import { loadSpecDir } from './spec/load.js';

export async function generateFromSpecDir(specsDir: string): Promise<{ files: Map<string, string>; methods: number }> {
  const { specs, diagnostics } = await loadSpecDir(specsDir);
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (hasErrors(diagnostics)) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    throw new UserError(`${count} error${count === 1 ? '' : 's'} in ${specsDir}: nothing generated`);
  }
  const files = generatePackage(
    specs.map((l) => l.spec),
    await readTemplates(),
  );
  return { files, methods: specs.length };
}
