/**
 * Users' type-checking part: a project importing one method from the catalogue-sized package
 * against an empty project (same tsconfig), under TypeScript 5.x and 7, plus the time to
 * type-check the whole generated package.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, runChild, runChildOk, type Figure } from '../harness.js';
import { repoRoot } from '../catalogue/source.js';
import { cataloguePackage, linkNodeTypes, workDir } from '../workspace.js';

const PACKAGE = '@alipay-codegen/client';
/** The method the consumer imports when the catalogue has it (a large, popular one). */
const PREFERRED = 'alipay.trade.pay';
const WHOLE_TIMEOUT_MS = 10 * 60_000;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    // Users' default: declaration files of dependencies are checked too.
    skipLibCheck: false,
    types: ['node'],
  },
  include: ['index.ts'],
};

interface Compiler {
  name: string;
  args: string[];
}

export async function runTypecheck(runs: number): Promise<Figure[]> {
  const pkg = cataloguePackage();
  linkNodeTypes(pkg);
  const methods = readdirSync(join(pkg, 'src', 'methods')).map((f) => f.replace(/\.ts$/, ''));
  const method = methods.includes(PREFERRED) ? PREFERRED : methods.sort()[0]!;
  const consumer = project('typecheck-consumer', consumerSource(method, callFunction(pkg, method)), pkg);
  const empty = project('typecheck-empty', 'export const answer = 42;\n');

  const root = repoRoot();
  const compilers: Compiler[] = [
    { name: 'TypeScript 5.9', args: ['--max-old-space-size=8192', join(root, 'node_modules', 'typescript', 'bin', 'tsc')] },
    { name: 'TypeScript 7', args: [join(root, 'node_modules', 'typescript7', 'bin', 'tsc')] },
  ];
  const figures: Figure[] = [];
  for (const c of compilers) {
    const tsc = (dir: string) => runChildOk(process.execPath, [...c.args, '-p', dir]).ms;
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(tsc(empty));
      ours.push(tsc(consumer));
    }
    const o = median(ours);
    const e = median(base);
    figures.push({
      name: `typecheck (${c.name}): project importing ${method} from the ${methods.length}-method package`,
      ours: o / 1000,
      peer: { name: 'empty project', value: e / 1000 },
      unit: 's',
      better: 'lower',
      runs,
      target: { text: 'about an empty project (<= 1.5x)', met: o <= 1.5 * e },
    });
    const whole: number[] = [];
    let failure: string | undefined;
    for (let i = 0; i < Math.min(runs, 2) && failure === undefined; i++) {
      const r = runChild(process.execPath, [...c.args, '-p', pkg, '--noEmit'], { timeoutMs: WHOLE_TIMEOUT_MS });
      if (r.status === 0) whole.push(r.ms);
      else failure = r.status === -1 ? `timed out after ${WHOLE_TIMEOUT_MS / 1000} s` : `exit ${r.status}: ${r.stdout.split('\n').slice(0, 3).join(' / ')}`;
    }
    figures.push(
      failure === undefined
        ? { name: `typecheck (${c.name}): the whole generated package`, ours: median(whole) / 1000, unit: 's', better: 'lower', runs: whole.length }
        : { name: `typecheck (${c.name}): the whole generated package FAILED (${failure})`, ours: 0, unit: 's', better: 'lower' },
    );
  }
  return figures;
}

function consumerSource(method: string, fn: string): string {
  return `import type { AlipayClient } from '${PACKAGE}/runtime';
import * as method from '${PACKAGE}/${method}';

declare const client: AlipayClient;
declare const request: Parameters<typeof method.${fn}>[1];
export const answer = method.${fn}(client, request);
`;
}

/** The method's call function, as its declarations name it (`export declare function x(client: ...`). */
function callFunction(pkg: string, method: string): string {
  const dts = readFileSync(join(pkg, 'dist', 'methods', `${method}.d.ts`), 'utf8');
  const m = /export declare function (\w+)\(client: AlipayClient/.exec(dts);
  if (m === null) throw new Error(`no call function in the declarations of ${method}`);
  return m[1]!;
}

function project(name: string, source: string, pkg?: string): string {
  const dir = workDir(name);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(dir, 'index.ts'), source);
  linkNodeTypes(dir);
  if (pkg !== undefined) {
    mkdirSync(join(dir, 'node_modules', '@alipay-codegen'), { recursive: true });
    const link = join(dir, 'node_modules', PACKAGE);
    if (!existsSync(link)) symlinkSync(pkg, link, 'dir');
  }
  return dir;
}
