/** Gateway parts on their own: scenario parsing, answers built from a schema, the body writer, log lines. */
import { generateKeyPairSync } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBodyWriter } from '../../generator/gateway/body.js';
import { formatLogLine } from '../../generator/gateway/log.js';
import { loadGatewayMethods } from '../../generator/gateway/methods.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import { responseFromSchema, successNode } from '../../generator/gateway/sample.js';
import { parseScenario, ScenarioError } from '../../generator/gateway/scenario.js';
import { extractResponseNode, verifyContent } from '../../templates/runtime/index.js';
import { CARD_QUERY, generatedPackage, seedSpecs } from './helpers.js';

describe('parseScenario', () => {
  it('reads combined scenarios', () => {
    expect(parseScenario('latency:250, business-error:CARD_NOT_EXIT,wrong-signature')).toEqual({
      latencyMs: 250,
      outcome: { kind: 'business-error', code: 'CARD_NOT_EXIT' },
      body: 'wrong-signature',
    });
    expect(parseScenario('business-error').outcome).toEqual({ kind: 'business-error', code: undefined });
  });

  it('an empty text keeps the base scenario; any other text replaces it', () => {
    const base = parseScenario('http-502');
    expect(parseScenario(undefined, base)).toBe(base);
    expect(parseScenario('  ', base)).toBe(base);
    expect(parseScenario('ok', base).outcome).toEqual({ kind: 'normal' });
  });

  it.each(['latency', 'latency:-1', 'latency:1.5', 'latency:abc', 'explode', 'truncated,nope'])('refuses %s', (text) => {
    expect(() => parseScenario(text)).toThrow(ScenarioError);
  });
});

describe('answers built from the response schema', () => {
  it('pass the generated response validator for every seed, and use the field examples', async () => {
    const specs = await seedSpecs();
    const pkg = await generatedPackage(specs);
    onTestFinished(() => rm(pkg.dir, { recursive: true, force: true }));
    const card = responseFromSchema(buildMethodIR(specs.find((s) => s.method === CARD_QUERY)!));
    expect(pkg.index.validateAlipayMarketingCardQueryResponse(card)).toEqual([]);
    expect(card).toMatchObject({ code: '10000', msg: 'Success', schema_url: 'alipays://platformapi/startapp?appId=20000021&b=m&p=111' });
    for (const spec of specs) expect(successNode(buildMethodIR(spec))['code']).toBe('10000');
  });

  it('fill fields without examples by type, and keep a field named __proto__ as data', () => {
    const node = responseFromSchema(buildMethodIR({
      method: 'x.y',
      request: [],
      errors: [],
      response: [
        { name: 'amount', type: 'price', required: true },
        { name: 'when', type: 'date', required: true },
        { name: 'count', type: 'number', required: true, example: '12' },
        { name: 'state', type: 'string', required: true, enum: [{ value: 'OPEN' }] },
        { name: '__proto__', type: 'string', required: false, example: 'p' },
        { name: 'items', type: 'array', required: false, items: { type: 'object', fields: [{ name: 'id', type: 'string', required: true, example: 'i1' }] } },
      ],
    }));
    expect(JSON.parse(JSON.stringify(node))).toEqual({ code: '10000', msg: 'Success', amount: '0.01', when: '2024-01-01 12:00:00', count: 12, state: 'OPEN', ['__proto__']: 'p', items: [{ id: 'i1' }] });
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
  });
});

describe('body writer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const writer = createBodyWriter(privateKey);

  it('signs the raw node text and escapes slashes, in node and sign', () => {
    const body = writer.write('a_b_response', { code: '10000', msg: 'Success', url: 'https://x/y' }, 'RSA2');
    const found = extractResponseNode(body, 'a.b');
    expect(found.raw).toBe('{"code":"10000","msg":"Success","url":"https:\\/\\/x\\/y"}');
    expect(verifyContent(found.raw, found.sign!, publicKey, 'RSA2')).toBe(true);
    expect(body.slice(body.indexOf('"sign":'))).not.toMatch(/[^\\]\//);
  });

  it('gives the same bytes for the same node (cached signature) and can leave out or spoil the sign', () => {
    const node = { code: '10000', msg: 'Success' };
    expect(writer.write('k', node, 'RSA2')).toBe(writer.write('k', { ...node }, 'RSA2'));
    expect(writer.write('k', node, 'RSA2', false)).toBe('{"k":{"code":"10000","msg":"Success"}}');
    const wrong = extractResponseNode(writer.write('a_b_response', node, 'RSA', 'wrong'), 'a.b');
    expect(verifyContent(wrong.raw, wrong.sign!, publicKey, 'RSA')).toBe(false);
  });
});

describe('loadGatewayMethods', () => {
  it('loads the generated validator and error codes of each method (from a cache it fills once)', async () => {
    const specs = await seedSpecs();
    const { mkdtemp, readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const cacheDir = await mkdtemp(join(tmpdir(), 'gateway-cache-'));
    onTestFinished(() => rm(cacheDir, { recursive: true, force: true }));
    const methods = await loadGatewayMethods(specs, cacheDir);
    await loadGatewayMethods(specs, cacheDir);
    expect((await readdir(cacheDir)).filter((n) => !n.startsWith('staging-'))).toHaveLength(1);
    const card = methods.get(CARD_QUERY)!;
    expect(card.errorCodes).toEqual(['INVALID_PARAMETER', 'SYSTEM_ERROR', 'CARD_NOT_EXIT', 'NO_CARD_TYPE']);
    expect(card.validateRequest({ target_card_no: '1', target_card_no_type: 'BIZ_CARD' })).toEqual([]);
    expect(card.validateRequest({}).map((i) => i.path)).toEqual(['target_card_no', 'target_card_no_type']);
  });
});

describe('log line', () => {
  it('carries method, result and time only', () => {
    const line = formatLogLine({ httpMethod: 'POST', method: CARD_QUERY, result: '40002/isv.invalid-signature', ms: 1.234 });
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z POST alipay\.marketing\.card\.query 40002\/isv\.invalid-signature 1\.2ms$/);
    expect(formatLogLine({ httpMethod: 'DELETE\nfake line', method: undefined, result: 'HTTP 405', ms: 0 })).not.toContain('\n');
  });
});
