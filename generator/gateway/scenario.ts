/**
 * Test scenarios, chosen per server (`scenario` option / `--scenario`) or per request (header
 * `x-alipay-mock-scenario`, which wins). Comma-separated: `latency:200,business-error:CARD_NOT_EXIT`.
 */
export const SCENARIO_HEADER = 'x-alipay-mock-scenario';

export interface Scenario {
  /** Delay before answering, ms. */
  readonly latencyMs: number;
  /** Replaces the answer; `business-error` carries the code (undefined: the first documented one). */
  readonly outcome:
    | { readonly kind: 'normal' }
    | { readonly kind: 'business-error'; readonly code: string | undefined }
    | { readonly kind: 'http-502' }
    | { readonly kind: 'html-error' }
    | { readonly kind: 'error-response' };
  /** How the body is spoilt after it is built. */
  readonly body: 'intact' | 'truncated' | 'wrong-signature' | 'missing-signature';
}

export const NORMAL: Scenario = { latencyMs: 0, outcome: { kind: 'normal' }, body: 'intact' };

/** Every scenario name, for --help and error messages. */
export const SCENARIO_NAMES: readonly string[] = [
  'ok',
  'latency:<ms>',
  'business-error[:<CODE>]',
  'http-502',
  'html-error',
  'truncated',
  'wrong-signature',
  'missing-signature',
  'error-response',
];

export class ScenarioError extends Error {}

/** Parses a scenario text; throws ScenarioError naming the bad part. */
export function parseScenario(text: string | undefined, base: Scenario = NORMAL): Scenario {
  if (text === undefined || text.trim() === '') return base;
  let latencyMs = 0;
  let outcome: Scenario['outcome'] = { kind: 'normal' };
  let body: Scenario['body'] = 'intact';
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const colon = part.indexOf(':');
    const name = colon < 0 ? part : part.slice(0, colon);
    const arg = colon < 0 ? undefined : part.slice(colon + 1);
    switch (name) {
      case 'ok':
        break;
      case 'latency': {
        const ms = Number(arg);
        if (arg === undefined || !Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new ScenarioError(`latency needs a whole number of ms (0..600000): ${part}`);
        latencyMs = ms;
        break;
      }
      case 'business-error':
        outcome = { kind: 'business-error', code: arg === '' ? undefined : arg };
        break;
      case 'http-502':
      case 'html-error':
      case 'error-response':
        outcome = { kind: name };
        break;
      case 'truncated':
      case 'wrong-signature':
      case 'missing-signature':
        body = name;
        break;
      default:
        throw new ScenarioError(`unknown scenario "${name}"; known: ${SCENARIO_NAMES.join(', ')}`);
    }
  }
  return { latencyMs, outcome, body };
}
