/**
 * GBK / GB2312 answers (issue 11): decoded by their declared charset, verified over the bytes as
 * received, over 127.0.0.1 with both transports. The test's GBK encoder is the inverse of the
 * platform's own GBK decoder (every two-byte sequence decoded once), so no table is copied in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sign as rsaSign } from 'node:crypto';
import {
  AlipayApiError,
  AlipaySignatureError,
  createAlipayClient,
  createNodeTransport,
  invoke,
  type AlipayClientConfig,
  type FetchLike,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { declaredCharset, gbkByteRange } from '../../templates/runtime/charset.js';
import { rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

/** char -> its GBK bytes, for every character the platform decodes from a two-byte GBK sequence. */
const GBK = new Map<string, number[]>();
{
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!GBK.has(char)) GBK.set(char, [lead, trail]);
      } catch {
        // Not a valid pair.
      }
    }
  }
}
function gbk(text: string): Buffer {
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else out.push(...GBK.get(c)!);
  }
  return Buffer.from(out);
}
/** Characters whose second GBK byte is `\`, `}` or `]`: a byte-level JSON scanner would trip on them. */
const TRICKY = [...GBK].filter(([, bytes]) => bytes[1] === 0x5c || bytes[1] === 0x7d || bytes[1] === 0x5d).map(([c]) => c).slice(0, 6).join('');
const CHINESE = [...GBK.keys()].filter((c) => /\p{Script=Han}/u.test(c));

interface ShareResponse extends ResponseBase {
  nick_name?: string;
  address?: string;
}
const op: Operation<Record<string, unknown>, ShareResponse> = { method: 'alipay.user.info.share', validateRequest: () => [], validateResponse: () => [], errorCodes: [] };
const NODE = 'alipay_user_info_share_response';
const app = rsaKeyPair();
const alipay = rsaKeyPair();
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

/** A GBK body as the gateway writes it: the node's GBK bytes signed, `sign` beside them. */
function gbkBody(node: unknown, signed = true): Buffer {
  const raw = gbk(JSON.stringify(node));
  const sign = rsaSign('sha256', raw, alipay.privateKey).toString('base64');
  return Buffer.concat([Buffer.from(`{"${NODE}":`), raw, Buffer.from(signed ? `,"sign":"${sign}"}` : '}')]);
}

function serve(body: Buffer, contentType: string): void {
  gw.setHandler((_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  });
}

describe('declaredCharset', () => {
  it.each([
    ['text/html;charset=GBK', 'gbk'],
    ['application/json; charset="gb2312"', 'gbk'],
    ['text/html;charset=GB18030', 'gb18030'],
    ['text/html;charset=utf-8', 'utf-8'],
    ['application/json', 'utf-8'],
    [null, 'utf-8'],
  ] as const)('%s -> %s', (header, charset) => {
    expect(declaredCharset(header)).toBe(charset);
  });
});

describe('gbkByteRange', () => {
  it('the test has GBK characters whose trail byte is \\, } or ]', () => {
    expect([...TRICKY]).toHaveLength(6);
  });

  it('property: finds the exact bytes of any slice of GBK text', () => {
    const char = fc.oneof(fc.constantFrom(...CHINESE.slice(0, 2000)), fc.constantFrom('a', '"', '\\', '{', '}', ' ', '1'), fc.constantFrom(...TRICKY));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expect(Buffer.from(gbkByteRange(gbk(text), text, start, end)!)).toEqual(gbk(text.slice(start, end)));
      }),
    );
  });

  it('fails closed on bytes that do not decode as GBK', () => {
    const bytes = Buffer.from([0x7b, 0x81, 0x22, 0x7d]);
    const text = new TextDecoder('gbk').decode(bytes);
    expect(gbkByteRange(bytes, text, 0, text.length)).toBeUndefined();
  });
});

const transports: [string, () => FetchLike | undefined][] = [
  ['global fetch', () => undefined],
  ['node transport', () => createNodeTransport()],
];

describe.each(transports)('GBK answers, %s', (_name, transport) => {
  const client = () => {
    const fetch = transport();
    return createAlipayClient({ appId: '2021000122671080', privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway: gw.url, ...(fetch === undefined ? {} : { fetch }) } as AlipayClientConfig);
  };
  const node = { code: '10000', msg: 'Success', nick_name: `张三${TRICKY}`, address: '北京市朝阳区望京街道' };

  it.each(['text/html;charset=GBK', 'text/html;charset=GB2312', 'application/json;charset=gbk'])('%s: decoded and verified over the received bytes', async (contentType) => {
    serve(gbkBody(node), contentType);
    expect(await invoke(client(), op, {})).toEqual(node);
  });

  it('a tampered GBK answer is an AlipaySignatureError', async () => {
    const body = gbkBody(node);
    const at = body.indexOf(gbk('望京'));
    gbk('酒仙').copy(body, at);
    serve(body, 'text/html;charset=GBK');
    await expect(invoke(client(), op, {})).rejects.toBeInstanceOf(AlipaySignatureError);
  });

  it('an unsigned GBK failure keeps its Chinese sub_msg', async () => {
    serve(gbkBody({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数' }, false), 'text/html;charset=GBK');
    const error = (await invoke(client(), op, {}).catch((e: unknown) => e)) as AlipayApiError;
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数', signed: false });
  });
});
