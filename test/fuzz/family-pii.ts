/**
 * Family 5: personal data in gateway answers. Each format of each number goes into a business
 * error's msg, sub_msg and extra fields, and into a bad-signature answer whose sub_msg echoes the
 * signed string with the call's app_auth_token. The error's message, every enumerable field,
 * JSON.stringify and util.inspect must show neither the number (in any digit script) nor the
 * token. The runtime's exported mask is also checked on each format directly.
 */
import { inspect } from 'node:util';
import { byScale, type FuzzConfig } from './env.js';
import { LocalServer, METHOD, NODE_KEY, loadPackage, makeKeys, settle, signedBody } from './http-kit.js';
import { PII_FORMATS, PII_NUMBERS, leaks, type PiiKind } from './pii-formats.js';
import { FamilyReport } from './report.js';

const TOKEN = '202511BBc9f2e7a4d1b84f06a3e5c2d9b7f1e0a8';

/** Every way the error can be shown: message, stack, each enumerable field, toJSON, JSON.stringify, inspect. */
function renderings(error: Error): [string, string][] {
  const out: [string, string][] = [['message', error.message], ['stack', error.stack ?? '']];
  for (const key of Object.keys(error)) out.push([`field ${key}`, typeof (error as unknown as Record<string, unknown>)[key] === 'string' ? String((error as unknown as Record<string, unknown>)[key]) : JSON.stringify((error as unknown as Record<string, unknown>)[key]) ?? '']);
  const toJSON = (error as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') out.push(['toJSON', JSON.stringify(toJSON.call(error))]);
  out.push(['JSON.stringify', JSON.stringify(error)], ['util.inspect', inspect(error, { depth: 6 })]);
  return out;
}

function businessError(pii: string): string {
  const text = JSON.stringify(pii).slice(1, -1);
  return `{"code":"40004","msg":"Business Failed ${text}","sub_code":"ACQ.BUYER_NOT_EXIST","sub_msg":"买家 ${text} 不存在","buyer_logon_id":"${text}","detail":{"card_no":"${text}","cert_no":"${text}"}}`;
}

function badSignature(pii: string): string {
  const biz = JSON.stringify({ target_card_no: pii, target_card_no_type: 'BIZ_CARD' });
  const signed = `app_auth_token=${TOKEN}&app_id=2021000000000001&biz_content=${biz}&charset=utf-8&method=${METHOD}&sign_type=RSA2&timestamp=2026-12-01 12:00:00&version=1.0`;
  const subMsg = `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${signed}`;
  return JSON.stringify({ error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: subMsg } });
}

export async function piiFamily(config: FuzzConfig): Promise<FamilyReport> {
  const report = new FamilyReport('5. PII formats');
  const keys = makeKeys();
  const pkg = await loadPackage(config.root, keys);
  const server = await LocalServer.start();
  const client = pkg.createClient(`${server.url}/gateway.do`, 5_000);
  const formats = Object.entries(PII_FORMATS).slice(0, byScale(config, 4, Infinity));
  report.note('formats', formats.length);
  try {
    for (const [kindName, number] of Object.entries(PII_NUMBERS) as [PiiKind, (typeof PII_NUMBERS)[PiiKind]][]) {
      for (const [formatName, format] of formats) {
        const pii = format(number.digits, number.groups);
        if (pkg.mask) {
          const masked = pkg.mask(`号码 ${pii} 不存在`);
          report.record(leaks(masked, pii, number.digits) ? 'mask() leaves the number readable' : undefined, `${kindName}, ${formatName}: ${JSON.stringify(masked)}`);
        }
        for (const answer of ['business error', 'bad signature with app_auth_token'] as const) {
          server.handler = (_q, res) => {
            res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
            res.end(answer === 'business error' ? signedBody(keys, businessError(pii), NODE_KEY) : badSignature(pii));
          };
          const outcome = await settle(pkg, () => pkg.call(client, { appAuthToken: TOKEN }), 10_000);
          const label = `${kindName}, ${formatName}, ${answer}`;
          if (outcome.kind !== 'typed') {
            report.record(`call did not end in a typed error (${outcome.kind})`, label);
            continue;
          }
          const shown = renderings(outcome.error);
          const numberLeak = shown.find(([, text]) => leaks(text, pii, number.digits));
          const tokenLeak = shown.find(([, text]) => text.includes(TOKEN));
          if (numberLeak) report.record(`number readable in the error's ${numberLeak[0].startsWith('field') ? 'fields' : numberLeak[0]}`, `${label}: ${numberLeak[0]}`);
          else if (tokenLeak) report.record(`app_auth_token readable in the error's ${tokenLeak[0].startsWith('field') ? 'fields' : tokenLeak[0]}`, `${label}: ${tokenLeak[0]}`);
          else report.record(undefined);
        }
      }
    }
  } finally {
    await server.close();
  }
  return report.finish();
}
