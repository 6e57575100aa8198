/**
 * The gateway's two keys: the app public key (verifies requests) and the gateway private key
 * (signs answers). Either may be passed; a missing one is created, as a pair, at start, and the
 * half the client needs is written to a key directory (private keys with mode 0600). Key
 * contents are never logged or printed: only paths and the gateway PUBLIC key.
 */
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadPrivateKey, loadPublicKey, type KeyInput } from '../../templates/runtime/index.js';
import { writeFileAtomic } from '../write/index.js';
import { createCertChain } from './cert-chain.js';

export interface KeyOptions {
  appPublicKey?: KeyInput;
  gatewayPrivateKey?: KeyInput;
  /** Where created keys are written (default: a fresh directory under the OS temp dir, removed by close()). */
  keysDir?: string;
  /**
   * Certificate mode: issue a test chain (root CA, Alipay certificate for the gateway key, app
   * certificate for the app public key) and write the three certificates beside the keys.
   */
  certMode?: boolean;
}

/** The test chain of a cert-mode gateway, as the client configures it (`certs`). */
export interface GatewayCerts {
  readonly appCertPem: string;
  readonly alipayCertPem: string;
  /** The root bundle (one certificate). */
  readonly alipayRootCertPem: string;
  readonly appCertSn: string;
  readonly alipayCertSn: string;
  readonly rootCertSn: string;
  /** Where they were written (app-cert.crt, alipay-cert.crt, alipay-root-cert.crt). */
  readonly files: { readonly appCert: string; readonly alipayCert: string; readonly alipayRootCert: string };
}

export interface GatewayKeys {
  readonly appPublicKey: KeyObject;
  readonly gatewayPrivateKey: KeyObject;
  /** The Alipay public key clients verify answers with (SPKI PEM). */
  readonly gatewayPublicKeyPem: string;
  /** Set when keys were created: where they were written. */
  readonly dir: string | undefined;
  /** The app private key to sign requests with, when the app pair was created here. */
  readonly appPrivateKeyFile: string | undefined;
  readonly appPrivateKey: KeyObject | undefined;
  /** The gateway public key file to configure as the Alipay public key (always written when dir is set). */
  readonly gatewayPublicKeyFile: string | undefined;
  /** Set in certificate mode. */
  readonly certs?: GatewayCerts | undefined;
}

const generatePair = promisify(generateKeyPair);

function rsaPair(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return generatePair('rsa', { modulusLength: 2048 });
}

function pem(key: KeyObject): string {
  return key.type === 'private'
    ? (key.export({ type: 'pkcs8', format: 'pem' }) as string)
    : (key.export({ type: 'spki', format: 'pem' }) as string);
}

export async function resolveKeys(options: KeyOptions): Promise<GatewayKeys> {
  const [app, gateway] = await Promise.all([
    options.appPublicKey === undefined ? rsaPair() : undefined,
    options.gatewayPrivateKey === undefined ? rsaPair() : undefined,
  ]);
  const appPublicKey = app?.publicKey ?? loadPublicKey(options.appPublicKey!, 'appPublicKey');
  const gatewayPrivateKey = gateway?.privateKey ?? loadPrivateKey(options.gatewayPrivateKey!, 'gatewayPrivateKey');
  const gatewayPublicKeyPem = pem(gateway?.publicKey ?? loadPublicKey(gatewayPrivateKey));

  let dir: string | undefined;
  let appPrivateKeyFile: string | undefined;
  let gatewayPublicKeyFile: string | undefined;
  let certs: GatewayCerts | undefined;
  if (options.certMode === true) {
    const chain = await createCertChain({ alipay: { privateKey: gatewayPrivateKey, publicKey: loadPublicKey(gatewayPrivateKey) }, appPublicKey });
    if (options.keysDir !== undefined) await mkdir((dir = options.keysDir), { recursive: true });
    else dir = await mkdtemp(join(tmpdir(), 'alipay-gateway-keys-'));
    const files = { appCert: join(dir, 'app-cert.crt'), alipayCert: join(dir, 'alipay-cert.crt'), alipayRootCert: join(dir, 'alipay-root-cert.crt') };
    await writeFileAtomic(files.appCert, chain.app.pem);
    await writeFileAtomic(files.alipayCert, chain.alipay.pem);
    await writeFileAtomic(files.alipayRootCert, chain.root.pem);
    certs = {
      appCertPem: chain.app.pem,
      alipayCertPem: chain.alipay.pem,
      alipayRootCertPem: chain.root.pem,
      appCertSn: chain.app.sn,
      alipayCertSn: chain.alipay.sn,
      rootCertSn: chain.rootSn,
      files,
    };
  }
  if (app !== undefined || gateway !== undefined) {
    if (dir === undefined && options.keysDir !== undefined) await mkdir((dir = options.keysDir), { recursive: true });
    else if (dir === undefined) dir = await mkdtemp(join(tmpdir(), 'alipay-gateway-keys-'));
    gatewayPublicKeyFile = join(dir, 'alipay-public-key.pem');
    await writeFileAtomic(gatewayPublicKeyFile, gatewayPublicKeyPem);
    if (app !== undefined) {
      appPrivateKeyFile = join(dir, 'app-private-key.pem');
      await writeFileAtomic(appPrivateKeyFile, pem(app.privateKey), { mode: 0o600 });
      await writeFileAtomic(join(dir, 'app-public-key.pem'), pem(app.publicKey));
    }
  }
  return {
    appPublicKey,
    gatewayPrivateKey,
    gatewayPublicKeyPem,
    dir,
    appPrivateKeyFile,
    appPrivateKey: app?.privateKey,
    gatewayPublicKeyFile,
    certs,
  };
}
