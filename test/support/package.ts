/**
 * Packing and installing packages as a user does, for test/package/: `npm pack` of this
 * repository (the generator) or a generated output, installs into fresh temp projects, the
 * packaging linters (publint, @arethetypeswrong/cli) on a tarball, and a consumer script that
 * calls a local gateway through a generated package.
 *
 * Every npm call is a real npm process. Installs use the machine's npm cache with
 * `--prefer-offline` (CI has just filled it with `npm ci`), so they need the registry only for
 * what the cache lacks.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './typescript.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `file args` in `cwd`; resolves to its exit code and output (never rejects). */
export function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, env: { ...cleanEnv(), ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The environment without what `npm test` sets for its own run (npm_config_*, npm_package_*,
 * npm_lifecycle_*): a nested npm must read its own project, not inherit the repository's.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_(?:config|package|lifecycle)_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  return env;
}

export const npm = (args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<RunResult> =>
  run('npm', ['--no-audit', '--no-fund', '--no-update-notifier', ...args], cwd, env);

/** Fails with the command's output unless it exited 0. */
export function ok(r: RunResult, what: string): RunResult {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `alipay-codegen-${prefix}-`));
}

/** `npm pack` of `dir` into `dest` (no lifecycle scripts: dist/ is already built); the tarball's path. */
export async function pack(dir: string, dest: string): Promise<string> {
  await mkdir(dest, { recursive: true });
  const r = ok(await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dest], dir), `npm pack in ${dir}`);
  const [info] = JSON.parse(r.stdout) as { filename: string }[];
  return join(dest, info!.filename);
}

/** The generator as published: this repository packed (vitest's globalSetup has built dist/). */
export const packGenerator = (dest: string): Promise<string> => pack(ROOT, dest);

/** A fresh project: package.json (ESM unless `type` says otherwise) and nothing else. */
export async function freshProject(dir: string, type: 'module' | 'commonjs' = 'module'): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true, type }, null, 2)}\n`);
  return dir;
}

/** `@arethetypeswrong/cli` on a tarball with the esm-only profile (the packages are ESM-only, Node 20.19+). */
export async function attw(tarball: string): Promise<RunResult> {
  const cli = join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  return run(process.execPath, [cli, tarball, '--profile', 'esm-only', '--format', 'ascii'], ROOT);
}

/** The problem kinds attw reports and its profile does not ignore (it prefixes the others `(ignored per resolution)`). */
export function attwProblems(output: string): string[] {
  return output.split('\n').filter((l) => /^[❌💀⚠🥴🐛🎭❗]/u.test(l));
}

/** publint's messages (every level, suggestions included) on a tarball, formatted. */
export async function publintMessages(tarball: string): Promise<string[]> {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const bytes = await readFile(tarball);
  const result = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }, level: 'suggestion', strict: true });
  return result.messages.map((m) => `${m.type}: ${formatMessage(m, result.pkg) ?? m.code}`);
}

/** A fresh app key pair and gateway key pair as PEM files in `dir`. */
export async function keyFiles(dir: string): Promise<{ appPrivate: string; appPublic: string; gatewayPrivate: string; gatewayPublic: string }> {
  const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const app = pair();
  const gateway = pair();
  const files = {
    appPrivate: join(dir, 'app-private.pem'),
    appPublic: join(dir, 'app-public.pem'),
    gatewayPrivate: join(dir, 'gateway-private.pem'),
    gatewayPublic: join(dir, 'gateway-public.pem'),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(files.appPrivate, app.privateKey);
  await writeFile(files.appPublic, app.publicKey);
  await writeFile(files.gatewayPrivate, gateway.privateKey);
  await writeFile(files.gatewayPublic, gateway.publicKey);
  return files;
}

/**
 * A consumer script calling `fn` of `pkg` (a package name, or a relative path to an index.js) with
 * `request` through the gateway at $GATEWAY_URL, signing with $APP_KEY_FILE, verifying with
 * $ALIPAY_PUBLIC_KEY_FILE; prints the call's result as JSON. ESM (`import`) or CommonJS (`require`).
 */
export function consumerScript(kind: 'esm' | 'cjs', pkg: string, fn: string, request: object): string {
  const body = [
    `const client = api.createAlipayClient({`,
    `  appId: '2021000000000001',`,
    `  privateKey: fs.readFileSync(process.env.APP_KEY_FILE, 'utf8'),`,
    `  alipayPublicKey: fs.readFileSync(process.env.ALIPAY_PUBLIC_KEY_FILE, 'utf8'),`,
    `  gateway: process.env.GATEWAY_URL,`,
    `});`,
    `const result = await api.${fn}(client, ${JSON.stringify(request)});`,
    `process.stdout.write(JSON.stringify(result));`,
  ];
  return kind === 'esm'
    ? [`import fs from 'node:fs';`, `import * as api from ${JSON.stringify(pkg)};`, ...body, ''].join('\n')
    : [`const fs = require('node:fs');`, `const api = require(${JSON.stringify(pkg)});`, `(async () => {`, ...body, `})();`, ''].join('\n');
}
