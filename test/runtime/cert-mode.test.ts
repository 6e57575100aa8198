/**
 * Certificate mode: serials from the vector certificates (as PEM text and as file paths) equal the
 * vectors and alipay-sdk; the signed request carries app_cert_sn / alipay_root_cert_sn and is
 * byte-equal to alipay-sdk's for the same params; `alipay_cert_sn` of an answer picks the key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipaySignatureError,
  buildSignContent,
  createAlipayClient,
  invokeResult,
  loadCertMode,
  type AlipayClientConfig,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { createCertChain, type CertChain } from '../../generator/gateway/cert-chain.js';
import { VECTORS_DIR, readVectorFile, vectors } from './helpers.js';
import { gatewayBody, startTestGateway, type TestGateway } from './test-gateway.js';

type OfficialSign = (method: string, params: Record<string, unknown>, config: Record<string, unknown>) => Record<string, string>;
const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
const { sign: officialSign } = (await import(pathToFileURL(join(sdkDir, 'dist/esm/util.js')).href)) as { sign: OfficialSign };

const APP_ID = '2021001161683774';
const appPem = readVectorFile('keys/app-private-key.pem');
const vectorFile = (name: string): string => resolve(VECTORS_DIR, name);
const vectorCerts = {
  appCert: readVectorFile(vectors.cert_sn.appCert.file),
  alipayCert: readVectorFile(vectors.cert_sn.alipayCert.file),
  alipayRootCert: readVectorFile(vectors.cert_sn.rootCert.file),
};

interface TransferRequest {
  out_biz_no: string;
  trans_amount: string;
}
interface TransferResponse extends ResponseBase {
  order_id?: string;
}
const transferOp: Operation<TransferRequest, TransferResponse> = {
  method: 'alipay.fund.trans.uni.transfer',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
};
const NODE = 'alipay_fund_trans_uni_transfer_response';
const REQUEST = { out_biz_no: '201806300001', trans_amount: '23.00' };

describe('certificate serials', () => {
  it('equal the vectors and alipay-sdk, from PEM text and from file paths', () => {
    const fromText = loadCertMode(vectorCerts);
    const fromPaths = loadCertMode({
      appCert: vectorFile(vectors.cert_sn.appCert.file),
      alipayCert: [vectorFile(vectors.cert_sn.alipayCert.file)],
      alipayRootCert: vectorFile(vectors.cert_sn.rootCert.file),
    });
    for (const mode of [fromText, fromPaths]) {
      expect(mode.appCertSn).toBe(vectors.cert_sn.appCert.sn);
      expect(mode.rootCertSn).toBe(vectors.cert_sn.rootCert.sn);
      expect([...mode.alipayKeys.keys()]).toEqual([vectors.cert_sn.alipayCert.sn]);
    }
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, appCertContent: vectorCerts.appCert, alipayPublicCertContent: vectorCerts.alipayCert, alipayRootCertContent: vectorCerts.alipayRootCert });
    const config = sdk.config as unknown as Record<string, string>;
    expect([config.appCertSn, config.alipayCertSn, config.alipayRootCertSn]).toEqual([fromText.appCertSn, vectors.cert_sn.alipayCert.sn, fromText.rootCertSn]);
  });

  it('an unreadable file or certificate is an AlipayConfigError naming the option, never the content', () => {
    const missing = '/nonexistent/alipayRootCert.crt';
    expect(() => loadCertMode({ ...vectorCerts, alipayRootCert: missing })).toThrow(AlipayConfigError);
    expect(() => loadCertMode({ ...vectorCerts, alipayRootCert: missing })).toThrow(/certs\.alipayRootCert: cannot read the certificate file .*ENOENT/);
    const broken = vectorCerts.appCert.replace(/[A-Za-z]{8}\n/, 'AAAA\n');
    let error: unknown;
    try {
      loadCertMode({ ...vectorCerts, appCert: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AlipayConfigError);
    expect((error as Error).message).toMatch(/^certs\.appCert is not a readable X\.509 certificate/);
    expect((error as Error).message).not.toContain('BEGIN');
    expect(() => loadCertMode({ ...vectorCerts, alipayCert: [] })).toThrow(/certs\.alipayCert needs at least one/);
    expect(() => createAlipayClient({ appId: APP_ID, privateKey: appPem, certs: vectorCerts, alipayPublicKey: 'x' } as unknown as AlipayClientConfig)).toThrow(/either alipayPublicKey .* or certs/);
  });

  it("refuses the app's own certificate as the Alipay certificate", async () => {
    const own = await createCertChain();
    const config = { appId: APP_ID, privateKey: own.app.privateKey!, certs: { appCert: own.app.pem, alipayCert: [own.alipay.pem, own.app.pem], alipayRootCert: own.root.pem } };
    expect(() => createAlipayClient(config)).toThrow(/certs\.alipayCert is the app's own certificate/);
    expect(() => createAlipayClient({ ...config, certs: { ...config.certs, alipayCert: own.alipay.pem } })).not.toThrow();
  });
});

let gw: TestGateway;
let chain: CertChain;
let next: CertChain;
beforeAll(async () => {
  gw = await startTestGateway();
  [chain, next] = await Promise.all([createCertChain(), createCertChain()]);
});
afterAll(async () => {
  await gw.close();
});

function certBody(node: unknown, signer: CertChain['alipay'], sn: string | undefined): string {
  const body = gatewayBody(NODE, node, signer.privateKey);
  return sn === undefined ? body : `${body.slice(0, -1)},"alipay_cert_sn":"${sn}"}`;
}

describe('a cert-mode call', () => {
  it('sends and signs app_cert_sn and alipay_root_cert_sn, byte-equal to alipay-sdk', async () => {
    const client = createAlipayClient({ appId: APP_ID, privateKey: appPem, certs: vectorCerts, gateway: gw.url, verifyResponseSign: false } as AlipayClientConfig);
    gw.setHandler((_req, res) => res.end(gatewayBody(NODE, { code: '10000', msg: 'Success', order_id: '1' }, undefined)));
    await invokeResult(client, transferOp, REQUEST);
    const received = gw.requests.at(-1)!;
    const query = Object.fromEntries(received.url.searchParams);
    expect(query.app_cert_sn).toBe(vectors.cert_sn.appCert.sn);
    expect(query.alipay_root_cert_sn).toBe(vectors.cert_sn.rootCert.sn);
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, appCertContent: vectorCerts.appCert, alipayPublicCertContent: vectorCerts.alipayCert, alipayRootCertContent: vectorCerts.alipayRootCert });
    const official = officialSign(transferOp.method, { bizContent: REQUEST, timestamp: query.timestamp, format: 'JSON' }, sdk.config as unknown as Record<string, unknown>);
    const { sign: officialSignature, ...officialParams } = official;
    const ours: Record<string, string> = { ...query, ...Object.fromEntries(new URLSearchParams(received.body)) };
    const { sign: ourSignature, ...ourParams } = ours;
    expect(ourParams).toEqual(officialParams);
    expect(buildSignContent(ourParams)).toBe(buildSignContent(officialParams));
    expect(ourSignature).toBe(officialSignature);
  });

  it('verifies the answer with the Alipay certificate its alipay_cert_sn names (two certs: rotation)', async () => {
    const client = createAlipayClient({
      appId: APP_ID,
      privateKey: appPem,
      certs: { appCert: chain.app.pem, alipayCert: [chain.alipay.pem, next.alipay.pem], alipayRootCert: chain.root.pem },
      gateway: gw.url,
    });
    const node = { code: '10000', msg: 'Success', order_id: '20190801110070000006380000250621' };
    for (const signer of [chain.alipay, next.alipay]) {
      gw.setHandler((_req, res) => res.end(certBody(node, signer, signer.sn)));
      const result = await invokeResult(client, transferOp, REQUEST);
      expect(result.response.order_id).toBe(node.order_id);
    }
    // Signed by the next cert but named as the current one: the named key does not verify.
    gw.setHandler((_req, res) => res.end(certBody(node, next.alipay, chain.alipay.sn)));
    await expect(invokeResult(client, transferOp, REQUEST)).rejects.toThrow(AlipaySignatureError);
    // No alipay_cert_sn: the first certificate verifies.
    gw.setHandler((_req, res) => res.end(certBody(node, chain.alipay, undefined)));
    expect((await invokeResult(client, transferOp, REQUEST)).status).toBe('success');
  });

  it('an alipay_cert_sn matching none of the client certificates is a clear AlipaySignatureError', async () => {
    const client = createAlipayClient({
      appId: APP_ID,
      privateKey: appPem,
      certs: { appCert: chain.app.pem, alipayCert: chain.alipay.pem, alipayRootCert: chain.root.pem },
      gateway: gw.url,
    });
    gw.setHandler((_req, res) => res.end(certBody({ code: '10000', msg: 'Success' }, next.alipay, next.alipay.sn)));
    const error = await invokeResult(client, transferOp, REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipaySignatureError);
    expect((error as Error).message).toMatch(/alipay_cert_sn=.*matches none of the client's Alipay certificates .*add that certificate to certs\.alipayCert/);
    // An unsigned failure needs no key: reported with its codes, signed: false.
    gw.setHandler((_req, res) => res.end(`{"${NODE}":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-cert-sn","sub_msg":"x"}}`));
    const failure = await invokeResult(client, transferOp, REQUEST).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AlipayApiError);
    expect((failure as AlipayApiError).signed).toBe(false);
  });
});
