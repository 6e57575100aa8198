/**
 * The `$schema` references alipay-codegen writes (spec files, the config file), computed from where
 * this generator is installed: a path relative to the file that names it, into the installed package
 * (`../node_modules/alipay-codegen/generator/spec/spec.schema.json` in an app,
 * `../generator/spec/spec.schema.json` in this repository), so editors find it without a network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The root folder of the running alipay-codegen package (its package.json), from source or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'alipay-codegen') return dir;
      } catch {
        // not ours: keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the alipay-codegen package.json above its modules');
    dir = parent;
  }
}

export const SPEC_SCHEMA = 'generator/spec/spec.schema.json';
export const CONFIG_SCHEMA = 'generator/config/config.schema.json';

/** `target` (a path inside the package) relative to the folder of `file`, `/`-separated. */
export function schemaRef(file: string, target: string = SPEC_SCHEMA): string {
  const rel = relative(dirname(resolve(file)), join(packageRoot(), target)).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The first line of a spec written to `specFile`: the yaml-language-server schema comment. */
export function specSchemaLine(specFile: string): string {
  return `# yaml-language-server: $schema=${schemaRef(specFile)}`;
}

/** `yaml` with its schema comment (the first line, when it is one) pointing from `specFile` to the installed schema. */
export function withSpecSchemaLine(yaml: string, specFile: string): string {
  const line = specSchemaLine(specFile);
  if (!yaml.startsWith('# yaml-language-server: $schema=')) return `${line}\n${yaml}`;
  const end = yaml.indexOf('\n');
  return end < 0 ? `${line}\n` : line + yaml.slice(end);
}
