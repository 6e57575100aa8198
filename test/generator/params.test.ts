/** A spec with top-level params: one Request type, one validator over both kinds, Operation.params. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MethodSpec } from '../../generator/spec/model.js';
import { ROOT, TSC, generateToTemp, runTsc } from './helpers/generated.js';
import { importBuilt, summary, type ValidatorFn } from './helpers/load-module.js';
import { field } from './fixtures/hand-specs.js';

const tokenSpec: MethodSpec = {
  method: 'alipay.system.oauth.token',
  title: '换取授权访问令牌',
  request: [field('scene', { maxLength: 8 })],
  params: [
    field('grant_type', { required: true, description: '授权方式', enum: [{ value: 'authorization_code' }, { value: 'refresh_token' }] }),
    field('code', { required: 'conditional', requiredIf: { field: 'grant_type', equals: 'authorization_code' } }),
    field('refresh_token', { required: 'conditional', requiredIf: { field: 'grant_type', equals: 'refresh_token' } }),
    field('expires', { type: 'date' }),
  ],
  response: [field('access_token')],
  errors: [{ code: 'isv.code-invalid', description: '授权码code无效' }],
};

let dir: string;
let mod: Record<string, any>;
let validate: ValidatorFn;

beforeAll(async () => {
  dir = await generateToTemp([tokenSpec]);
  mod = await importBuilt(dir, 'methods/alipay.system.oauth.token.js');
  validate = mod.validateAlipaySystemOauthTokenRequest as ValidatorFn;
});

describe('a method with top-level params', () => {
  it('one Request type holds params and biz_content fields, typed (compiles; misuse does not)', async () => {
    const consumer = [
      "import { alipaySystemOauthToken, type AlipaySystemOauthTokenRequest } from './src/methods/alipay.system.oauth.token.js';",
      "import type { AlipayClient } from './src/runtime/index.js';",
      "const ok: AlipaySystemOauthTokenRequest = { grant_type: 'authorization_code', code: 'c', scene: 's', expires: '2024-01-01 00:00:00' };",
      'export const call = (client: AlipayClient) => alipaySystemOauthToken(client, ok);',
      "// @ts-expect-error not a documented grant_type",
      "export const bad: AlipaySystemOauthTokenRequest = { grant_type: 'password' };",
      "// @ts-expect-error grant_type is required",
      "export const missing: AlipaySystemOauthTokenRequest = { code: 'c' };",
      '',
    ].join('\n');
    await writeFile(join(dir, 'consumer.ts'), consumer);
    const r = await runTsc(TSC['typescript 7'], ['--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2023', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'consumer.ts'], dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('the TSDoc says which properties are top-level params', async () => {
    const src = await readFile(join(dir, 'src/methods/alipay.system.oauth.token.ts'), 'utf8');
    const start = src.lastIndexOf('/**', src.indexOf('export interface AlipaySystemOauthTokenRequest'));
    const request = src.slice(start, src.indexOf('export interface AlipaySystemOauthTokenResponse'));
    expect(request).toContain('biz_content fields and top-level params');
    expect(request.match(/Sent as a top-level form param/g)).toHaveLength(4);
  });

  it('the validator checks params and biz_content fields together, with paths', () => {
    expect(validate({ grant_type: 'authorization_code', code: 'c', scene: 'ok' })).toEqual([]);
    expect(summary(validate({ scene: 'ok' }))).toEqual(['grant_type: required']);
    expect(summary(validate({ grant_type: 'authorization_code' }))).toEqual(['code: required']);
    expect(summary(validate({ grant_type: 'refresh_token' }))).toEqual(['refresh_token: required']);
    expect(summary(validate({ grant_type: 'password', expires: 'soon', scene: 'too long!', other: 1 }))).toEqual([
      'scene: maxLength',
      'grant_type: enum',
      'expires: format',
      'other: unknown',
    ]);
  });

  it('the Operation lists the params the runtime sends top level', () => {
    expect(mod.alipaySystemOauthTokenOperation.params).toEqual(['grant_type', 'code', 'refresh_token', 'expires']);
  });
});
