/**
 * `alipay-codegen init`: a starter project in a folder — the config file (with its `$schema`)
 * and one example spec in the specs folder (with its `$schema` comment), both pointing into the
 * installed package. Never overwrites: a file that exists is an error naming it, and nothing is
 * written; each file is created with a hard link from a temp file, which fails when the name
 * appeared in the meantime. Prints nothing (the CLI does).
 */
import { existsSync, readdirSync } from 'node:fs';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError, ioReason } from '../diagnostics.js';
import { dumpSpec } from '../spec/dump.js';
import { parseSpec } from '../spec/load.js';
import type { MethodSpec } from '../spec/model.js';
import { tempPathFor } from '../write/temp.js';
import { CONFIG_FILE, DEFAULT_PACKAGE, type OutputShape } from './config.js';
import { CONFIG_SCHEMA, schemaRef, withSpecSchemaLine } from './schema-path.js';

export interface InitOptions {
  /** The project folder (default: the working directory). */
  readonly dir: string;
  readonly specs: string;
  readonly out: string;
  readonly shape: OutputShape;
  readonly name?: string;
}

export interface InitResult {
  /** Files written, relative to `dir`. */
  readonly written: readonly string[];
  /** Set when the specs folder already held specs, so no example was added. */
  readonly exampleSkipped: boolean;
}

/** A small, valid example: an order query with its examples, so `serve` can answer it. */
export const EXAMPLE_SPEC: MethodSpec = {
  method: 'alipay.trade.query',
  title: '统一收单交易查询',
  description: 'Example spec written by alipay-codegen init: replace it with `alipay-codegen import <doc page>`.',
  request: [
    { name: 'out_trade_no', type: 'string', required: 'conditional', maxLength: 64, description: '商户订单号。与 trade_no 二选一', example: '20150320010101001' },
    { name: 'trade_no', type: 'string', required: 'conditional', maxLength: 64, description: '支付宝交易号。与 out_trade_no 二选一', example: '2014112611001004680073956707' },
  ],
  response: [
    { name: 'trade_no', type: 'string', required: true, maxLength: 64, description: '支付宝交易号', example: '2013112011001004330000121536' },
    { name: 'out_trade_no', type: 'string', required: true, maxLength: 64, description: '商家订单号', example: '6823789339978248' },
    {
      name: 'trade_status',
      type: 'string',
      required: true,
      maxLength: 32,
      description: '交易状态',
      example: 'TRADE_SUCCESS',
      enum: [
        { value: 'WAIT_BUYER_PAY', description: '交易创建，等待买家付款' },
        { value: 'TRADE_CLOSED', description: '未付款交易超时关闭，或支付完成后全额退款' },
        { value: 'TRADE_SUCCESS', description: '交易支付成功' },
        { value: 'TRADE_FINISHED', description: '交易结束，不可退款' },
      ],
    },
    { name: 'total_amount', type: 'price', required: true, description: '交易的订单金额，单位为元', example: '88.88' },
  ],
  errors: [{ code: 'ACQ.TRADE_NOT_EXIST', description: '查询的交易不存在', solution: '检查传入的交易号是否正确' }],
  examples: {
    request: { out_trade_no: '20150320010101001' },
    response: {
      alipay_trade_query_response: {
        code: '10000',
        msg: 'Success',
        trade_no: '2013112011001004330000121536',
        out_trade_no: '6823789339978248',
        trade_status: 'TRADE_SUCCESS',
        total_amount: '88.88',
      },
      sign: 'ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE',
    },
  },
};

export function configText(options: InitOptions, configFile: string): string {
  const config = {
    $schema: schemaRef(configFile, CONFIG_SCHEMA),
    specs: options.specs,
    out: options.out,
    shape: options.shape,
    ...(options.shape === 'package' && {
      package: { name: options.name ?? DEFAULT_PACKAGE.name, version: DEFAULT_PACKAGE.version, description: DEFAULT_PACKAGE.description },
    }),
    methods: { include: ['*'], exclude: [] },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export async function initProject(options: InitOptions): Promise<InitResult> {
  const configFile = join(options.dir, CONFIG_FILE);
  const specsDir = join(options.dir, options.specs);
  const specRel = join(options.specs, `${EXAMPLE_SPEC.method}.yaml`);
  const specFile = join(options.dir, specRel);
  const hasSpecs = existsSync(specsDir) && readdirSync(specsDir).some((n) => /\.ya?ml$/.test(n));

  const files: [rel: string, abs: string, text: string][] = [[CONFIG_FILE, configFile, configText(options, configFile)]];
  if (!hasSpecs) {
    const yaml = withSpecSchemaLine(dumpSpec(EXAMPLE_SPEC), specFile);
    const read = parseSpec(yaml, specFile);
    if (read.diagnostics.some((d) => d.severity === 'error')) throw new Error(`init's example spec does not load: ${read.diagnostics[0]!.message}`);
    files.push([specRel, specFile, yaml]);
  }
  const existing = files.filter(([, abs]) => existsSync(abs)).map(([rel]) => rel);
  if (existing.length > 0) {
    throw new UserError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}: init never overwrites a file, so nothing was written`);
  }
  const written: string[] = [];
  try {
    for (const [rel, abs, text] of files) {
      await mkdir(dirname(abs), { recursive: true });
      await createNew(abs, text);
      written.push(rel);
    }
  } catch (error) {
    for (const rel of written) await unlink(join(options.dir, rel)).catch(() => undefined);
    const target = (error as { path?: string }).path ?? options.dir;
    throw new UserError(`cannot write ${target}: ${ioReason(error)}; nothing was written`);
  }
  return { written, exampleSkipped: hasSpecs };
}

/** Writes `text` to a new file `abs`; fails (EEXIST) rather than replace a file that appeared meanwhile. */
async function createNew(abs: string, text: string): Promise<void> {
  const temp = tempPathFor(abs);
  await writeFile(temp, text);
  try {
    await link(temp, abs);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
