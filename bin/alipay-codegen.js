#!/usr/bin/env node
// Thin launcher: the CLI runs compiled from dist/ (shipped in the package; in a clone, built by
// `npm install` / `npm ci` through the `dependencies` script, or by `npm run build`).
let cli;
try {
  cli = await import('../dist/generator/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/generator/cli/main.js')) throw error;
  process.stderr.write('alipay-codegen: dist/ is not built: run `npm install` (or `npm run build`) in this repository first\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv);
