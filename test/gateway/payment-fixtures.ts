/**
 * The payment-flow tests' set-up: the test-local page/wap/app pay specs (fixtures/payment-specs,
 * minimal, not the reviewed specs of specs/), key pairs of our own for both sides, the official
 * alipay-sdk configured against the gateway, and a merchant server.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { AlipaySdk } from 'alipay-sdk';
import { loadSpecsOrThrow } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { startMerchant, type Merchant } from './merchant.js';
import { startTestGateway, type TestGateway } from './helpers.js';
import type { GatewayOptions } from '../../generator/gateway/index.js';

export const PAGE_PAY = 'alipay.trade.page.pay';
export const WAP_PAY = 'alipay.trade.wap.pay';
export const APP_PAY = 'alipay.trade.app.pay';
export const APP_ID = '2021000000000002';

export async function paymentSpecs(): Promise<MethodSpec[]> {
  return (await loadSpecsOrThrow(join(import.meta.dirname, 'fixtures/payment-specs'))).map((l) => l.spec);
}

export interface PaymentWorld {
  readonly gateway: TestGateway;
  readonly merchant: Merchant;
  readonly sdk: AlipaySdk;
  /** The gateway's (Alipay's) public key, as the merchant configures it. */
  readonly alipayPublicKey: KeyObject;
  readonly alipayPublicKeyPem: string;
  readonly appPrivateKey: KeyObject;
  close(): Promise<void>;
}

export async function startPaymentWorld(options: Partial<GatewayOptions> = {}): Promise<PaymentWorld> {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const specs = options.specs ?? (await paymentSpecs());
  const [gateway, merchant] = await Promise.all([
    startTestGateway({ ...options, specs, appPublicKey: app.publicKey, gatewayPrivateKey: alipay.privateKey, appId: APP_ID }),
    startMerchant(),
  ]);
  const alipayPublicKeyPem = alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const sdk = new AlipaySdk({
    appId: APP_ID,
    privateKey: app.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    alipayPublicKey: alipayPublicKeyPem,
    gateway: gateway.url,
    camelcase: false,
  });
  return {
    gateway,
    merchant,
    sdk,
    alipayPublicKey: alipay.publicKey,
    alipayPublicKeyPem,
    appPrivateKey: app.privateKey,
    close: async () => {
      await Promise.all([gateway.close(), merchant.close()]);
    },
  };
}

/** A page-pay order as a merchant writes it. */
export function order(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { out_trade_no: '20261201000001', total_amount: '88.88', subject: 'Iphone6 16G 中文 "quoted"', product_code: 'FAST_INSTANT_TRADE_PAY', ...extra };
}
