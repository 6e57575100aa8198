/**
 * Test helpers: the seed specs, a gateway started on 127.0.0.1 with a captured log, the generated
 * client package (generated into a temp dir with the normal pipeline) and raw signed requests.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyObject } from 'node:crypto';
import { generatePackage, readTemplates } from '../../generator/build/index.js';
import { startGateway, type Gateway, type GatewayOptions } from '../../generator/gateway/index.js';
import { loadSpecsOrThrow } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { buildSignedRequest, formatTimestamp, type SignType } from '../../templates/runtime/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CARD_QUERY = 'alipay.marketing.card.query';
export const MEMBER_CREATE = 'koubei.member.data.isv.create';

export async function seedSpecs(): Promise<MethodSpec[]> {
  return (await loadSpecsOrThrow(join(ROOT, 'specs'))).map((l) => l.spec);
}

/** The doc's own request example of a seed method (biz_content). */
export function exampleRequest(specs: readonly MethodSpec[], method: string): Record<string, unknown> {
  const spec = specs.find((s) => s.method === method)!;
  return structuredClone(spec.examples!.request) as Record<string, unknown>;
}

export interface TestGateway extends Gateway {
  /** Every log line the gateway wrote. */
  readonly logLines: string[];
}

/** Starts a gateway on 127.0.0.1, a free port, capturing its log. */
export async function startTestGateway(options: GatewayOptions): Promise<TestGateway> {
  const logLines: string[] = [];
  const gateway = await startGateway({ ...options, log: (line) => logLines.push(line) });
  return { ...gateway, logLines };
}

/** What the tests use of the generated package (typed loosely: its own types are tested elsewhere). */
export interface GeneratedPackage {
  dir: string;
  index: Record<string, any>;
}

/** Generates the package for `specs` into a temp dir and imports its entry point. */
export async function generatedPackage(specs: readonly MethodSpec[]): Promise<GeneratedPackage> {
  const dir = await mkdtemp(join(tmpdir(), 'alipay-gateway-client-'));
  for (const [path, text] of generatePackage(specs, await readTemplates())) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const index = (await import(pathToFileURL(join(dir, 'dist/index.js')).href)) as Record<string, any>;
  return { dir, index };
}

export interface RawCall {
  status: number;
  body: string;
  signContent: string;
}

/** Signs `params` with the runtime helpers and POSTs them like a client would (bypassing any validator). */
export async function rawCall(
  url: string,
  privateKey: KeyObject,
  params: Record<string, string | undefined>,
  signType: SignType = 'RSA2',
  headers: Record<string, string> = {},
): Promise<RawCall> {
  const signed = buildSignedRequest(url, params, privateKey, signType);
  const response = await fetch(signed.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', ...headers },
    body: signed.body,
  });
  return { status: response.status, body: await response.text(), signContent: signed.signContent };
}

/** The common params of a call of `method` with `bizContent`, as our runtime sends them. */
export function commonParams(method: string, bizContent: unknown, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    app_id: '2021000000000001',
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: formatTimestamp(),
    version: '1.0',
    biz_content: JSON.stringify(bizContent),
    ...extra,
  };
}
