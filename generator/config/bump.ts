/**
 * `alipay-codegen version patch|minor|major`: the generated package's version, bumped where it
 * lives — `package.version` of the config file (../config/resolve.ts has the rule), rewritten in
 * place atomically. The CLI then regenerates.
 */
import { readFile } from 'node:fs/promises';
import { UserError, ioReason } from '../diagnostics.js';
import { writeFileAtomic } from '../write/atomic.js';
import { SEMVER, parseConfig } from './config.js';

export type BumpPart = 'patch' | 'minor' | 'major';
export const BUMP_PARTS: readonly BumpPart[] = ['patch', 'minor', 'major'];

/** `1.2.3` bumped: `patch` 1.2.4, `minor` 1.3.0, `major` 2.0.0; a prerelease `1.2.3-rc.1` patches to 1.2.3 (npm's rule). */
export function bumpVersion(version: string, part: BumpPart): string {
  const m = SEMVER.exec(version);
  if (m === null) throw new UserError(`not a semantic version: ${JSON.stringify(version)}`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const pre = version.replace(/\+.*$/, '').includes('-');
  switch (part) {
    case 'major':
      return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
    case 'minor':
      return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
    case 'patch':
      return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
  }
}

/** Writes `version` as the config file's `package.version`, keeping its other fields; resolves to the text written. */
export async function setConfigVersion(file: string, version: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the config file ${file}: ${ioReason(error)}`);
  }
  const fields = parseConfig(text, file);
  const updated = { ...fields, package: { ...fields.package, version } };
  try {
    await writeFileAtomic(file, `${JSON.stringify(updated, null, 2)}\n`);
  } catch (error) {
    throw new UserError(`cannot write the config file ${file}: ${ioReason(error)}`);
  }
}
