/** The work behind `alipay-codegen version`: bump the config's package.version, regenerate, say both. */
import { UserError } from '../diagnostics.js';
import { generate } from '../build/output.js';
import { bumpVersion, setConfigVersion, type BumpPart } from './bump.js';
import { outputSettings, type RunSettings } from './resolve.js';

export async function runVersion(part: BumpPart, options: { specs: string; out: string; settings?: RunSettings }): Promise<void> {
  const settings = options.settings;
  if (settings?.config === undefined) {
    throw new UserError('version needs a config file to keep the version in: run `alipay-codegen init`, or pass --config <file>');
  }
  if (settings.layout.shape !== 'package') throw new UserError(`${settings.config.file}: shape is "sources", which has no package version`);
  const from = settings.layout.package.version;
  const to = bumpVersion(from, part);
  // Output first: when generate refuses (a foreign folder) or fails, the config keeps its version.
  const layout = { ...settings.layout, package: { ...settings.layout.package, version: to } };
  const r = await generate({ specsDir: options.specs, outDir: options.out, ...outputSettings(options), layout });
  await setConfigVersion(settings.config.file, to);
  process.stdout.write(`${settings.config.file}: package.version ${from} -> ${to}; ${options.out}: ${r.written} written\n`);
}
