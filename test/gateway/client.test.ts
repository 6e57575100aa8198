/**
 * End to end over real HTTP: the generated client against the local gateway (keys created by the
 * gateway), for both seed methods, every scenario, and the validator stopping bad requests.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { SCENARIO_HEADER } from '../../generator/gateway/index.js';
import {
  CARD_QUERY,
  MEMBER_CREATE,
  exampleRequest,
  generatedPackage,
  seedSpecs,
  startTestGateway,
  type GeneratedPackage,
  type TestGateway,
} from './helpers.js';
import { success } from '../support/results.js';

let specs: MethodSpec[];
let pkg: GeneratedPackage;
let gateway: TestGateway;
let client: unknown;

beforeAll(async () => {
  specs = await seedSpecs();
  [pkg, gateway] = await Promise.all([generatedPackage(specs), startTestGateway({ specs })]);
  client = pkg.index.createAlipayClient({
    appId: '2021000000000001',
    privateKey: gateway.keys.appPrivateKey!,
    alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
    gateway: gateway.url,
  });
});
afterAll(async () => {
  const keysDir = gateway?.keys.dir;
  await gateway?.close();
  if (pkg) await rm(pkg.dir, { recursive: true, force: true });
  // The key files the gateway created in its own temp dir go with it.
  expect(keysDir !== undefined && existsSync(keysDir)).toBe(false);
});

const withScenario = (scenario: string) => ({ headers: { [SCENARIO_HEADER]: scenario } });

/** Calls through a client whose fetch adds the scenario header (the generated API has no header option). */
function scenarioClient(scenario: string, extra: Record<string, unknown> = {}): unknown {
  return pkg.index.createAlipayClient({
    appId: '2021000000000001',
    privateKey: gateway.keys.appPrivateKey!,
    alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
    gateway: gateway.url,
    fetch: (url: string, init: RequestInit) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...withScenario(scenario).headers } }),
    ...extra,
  });
}

describe('generated client against the local gateway', () => {
  it('calls alipay.marketing.card.query and gets the verified example answer', async () => {
    const result = success<any>(await pkg.index.alipayMarketingCardQuery(client, exampleRequest(specs, CARD_QUERY)));
    const example = (specs.find((s) => s.method === CARD_QUERY)!.examples!.response as Record<string, unknown>)['alipay_marketing_card_query_response'];
    expect(result).toEqual(example);
    expect(result.code).toBe('10000');
    expect(result.schema_url).toBe('alipays://platformapi/startapp?appId=20000021&b=m&p=111');
    expect(pkg.index.validateAlipayMarketingCardQueryResponse(result)).toEqual([]);
  });

  it('calls koubei.member.data.isv.create (with its personal-data fields) and succeeds', async () => {
    const request = exampleRequest(specs, MEMBER_CREATE);
    // The doc example's dates have two spaces; a real caller sends valid ones.
    request['gmt_merber_card_create'] = '2017-02-17 20:11:54';
    request['gmt_member_card_last_active'] = '2017-02-17 20:11:54';
    const result = success<any>(await pkg.index.koubeiMemberDataIsvCreate(client, request));
    expect(result).toEqual({ msg: 'Success', code: '10000' });
  });

  it('the aggregate api reaches the same gateway', async () => {
    const api = pkg.index.createAlipayApi ?? (await import(`${pkg.dir}/dist/client.js`)).createAlipayApi;
    const result = success<any>(await api(client).alipay.marketing.card.query(exampleRequest(specs, CARD_QUERY)));
    expect(result.card_info.biz_card_no).toBe('000001');
  });

  it('an invalid request is stopped by the validator: the gateway sees no request', async () => {
    const before = gateway.stats().requests;
    const request = exampleRequest(specs, CARD_QUERY);
    delete request['target_card_no'];
    request['target_card_no_type'] = 'NOT_A_TYPE';
    const error = await pkg.index.alipayMarketingCardQuery(client, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.index.AlipayValidationError);
    expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['target_card_no', 'target_card_no_type']);
    expect(gateway.stats().requests).toBe(before);
  });
});

describe('scenarios yield the right error class', () => {
  const cases: [scenario: string, errorClass: string, check?: (e: any) => void][] = [
    ['business-error:CARD_NOT_EXIT', 'AlipayApiError', (e) => expect([e.code, e.sub_code, e.sub_msg]).toEqual(['40004', 'CARD_NOT_EXIT', '会员卡不存在'])],
    ['business-error', 'AlipayApiError', (e) => expect(e.sub_code).toBe('SYSTEM_ERROR')],
    ['http-502', 'AlipayHttpError', (e) => expect(e.status).toBe(502)],
    ['html-error', 'AlipayMalformedResponseError'],
    ['truncated', 'AlipayMalformedResponseError'],
    ['wrong-signature', 'AlipaySignatureError'],
    ['missing-signature', 'AlipaySignatureError'],
    ['error-response', 'AlipayApiError', (e) => expect([e.code, e.sub_code]).toEqual(['40002', 'isv.invalid-app-id'])],
    ['latency:400', 'AlipayTimeoutError'],
  ];
  for (const [scenario, errorClass, check] of cases) {
    it(`${scenario} -> ${errorClass}`, async () => {
      const c = scenarioClient(scenario, scenario.startsWith('latency') ? { timeoutMs: 100 } : {});
      const error = await pkg.index.alipayMarketingCardQuery(c, exampleRequest(specs, CARD_QUERY)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(pkg.index[errorClass]);
      expect(error.constructor.name).toBe(errorClass);
      check?.(error);
    });
  }

  it('the method-typed error guard recognises a documented business error', async () => {
    const error = await pkg.index.alipayMarketingCardQuery(scenarioClient('business-error:NO_CARD_TYPE'), exampleRequest(specs, CARD_QUERY)).catch((e: unknown) => e);
    expect(pkg.index.isAlipayMarketingCardQueryError(error)).toBe(true);
    expect(pkg.index.isKoubeiMemberDataIsvCreateError(error)).toBe(false);
  });

  it('latency within the timeout still succeeds, after the delay', async () => {
    const started = performance.now();
    const result = success<any>(await pkg.index.alipayMarketingCardQuery(scenarioClient('latency:150'), exampleRequest(specs, CARD_QUERY)));
    expect(result.code).toBe('10000');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('a server-wide scenario applies to every request, and a header replaces it', async () => {
    const failing = await startTestGateway({
      specs,
      scenario: 'business-error:CARD_NOT_EXIT',
      appPublicKey: gateway.keys.appPublicKey,
      gatewayPrivateKey: gateway.keys.gatewayPrivateKey,
    });
    try {
      const make = (extra: Record<string, unknown>) =>
        pkg.index.createAlipayClient({ appId: '2021000000000001', privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: failing.keys.gatewayPublicKeyPem, gateway: failing.url, ...extra });
      const error = await pkg.index.alipayMarketingCardQuery(make({}), exampleRequest(specs, CARD_QUERY)).catch((e: unknown) => e);
      expect(error.sub_code).toBe('CARD_NOT_EXIT');
      const okFetch = (url: string, init: RequestInit) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), [SCENARIO_HEADER]: 'ok' } });
      const result = success<any>(await pkg.index.alipayMarketingCardQuery(make({ fetch: okFetch }), exampleRequest(specs, CARD_QUERY)));
      expect(result.code).toBe('10000');
      expect(failing.keys.dir).toBeUndefined();
    } finally {
      await failing.close();
    }
  });
});

describe('the log', () => {
  it('has one line per request with method, result and time, and no keys or biz_content values', async () => {
    const before = gateway.logLines.length;
    success<any>(await pkg.index.koubeiMemberDataIsvCreate(client, { member_card_id: 'CARD-4242', member_source: 'alipay', member_status: '1', gmt_merber_card_create: '2017-02-17 20:11:54', parter_id: '2088902248579233', member_ship: { mobile_phone_no: '13912345678' } }));
    const lines = gateway.logLines.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ POST koubei\.member\.data\.isv\.create 10000 \d+\.\dms$/);
    const all = gateway.logLines.join('\n');
    expect(gateway.logLines.length).toBeGreaterThanOrEqual(gateway.stats().requests);
    const secrets = [gateway.keys.appPrivateKey!.export({ type: 'pkcs8', format: 'der' }).toString('base64'), gateway.keys.gatewayPrivateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')];
    for (const secret of secrets) expect(all).not.toContain(secret.slice(40, 80));
    expect(all).not.toContain(gateway.keys.gatewayPublicKeyPem.split('\n')[1]);
    for (const value of ['13912345678', 'CARD-4242', '2088902248579233', '0000001']) expect(all).not.toContain(value);
  });
});
