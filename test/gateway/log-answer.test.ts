/**
 * `serve` logs what it actually answered (issue 12): a scenario that spoils the signature is
 * logged and counted as such, not as the plain success code the node carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractResponseNode } from '../../templates/runtime/index.js';
import { CARD_QUERY, commonParams, exampleRequest, rawCall, seedSpecs, startTestGateway, type TestGateway } from './helpers.js';
import type { MethodSpec } from '../../generator/spec/model.js';

let specs: MethodSpec[];
let gateway: TestGateway;

beforeAll(async () => {
  specs = await seedSpecs();
  gateway = await startTestGateway({ specs });
});
afterAll(async () => {
  await gateway?.close();
});

async function call(scenario: string): Promise<string> {
  const answer = await rawCall(gateway.url, gateway.keys.appPrivateKey!, commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY)), 'RSA2', {
    'x-alipay-mock-scenario': scenario,
  });
  return answer.body;
}

describe('the log line and stats name what was sent', () => {
  it.each([
    ['wrong-signature', '10000 wrong-signature', true],
    ['missing-signature', '10000 unsigned', false],
    ['ok', '10000', true],
  ])('%s -> %s', async (scenario, result, hasSign) => {
    const before = gateway.logLines.length;
    const body = await call(scenario);
    expect(extractResponseNode(body, CARD_QUERY).sign !== undefined).toBe(hasSign);
    const line = gateway.logLines[before]!;
    expect(line).toMatch(new RegExp(` POST ${CARD_QUERY.replaceAll('.', '\\.')} ${result} [\\d.]+ms$`));
    expect(gateway.stats().results[result]).toBeGreaterThanOrEqual(1);
  });

  it('an answer that is unsigned anyway (unknown app) is not marked as spoilt', async () => {
    const before = gateway.logLines.length;
    await rawCall(gateway.url, gateway.keys.appPrivateKey!, commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY)), 'RSA2', {
      'x-alipay-mock-scenario': 'error-response,missing-signature',
    });
    expect(gateway.logLines[before]).toContain(' 40002/isv.invalid-app-id ');
  });
});
