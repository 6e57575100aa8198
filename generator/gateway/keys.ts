/**
 * The gateway's two keys: the app public key (verifies requests) and the gateway private key
 * (signs answers). Either may be passed; a missing one is created, as a pair, at start (or reused
 * from the keys dir an earlier start wrote), and written to the keys directory (private keys with
 * mode 0600). Key contents are never logged or printed: only paths and the gateway PUBLIC key.
 */
import { generateKeyPair, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { certSn, loadPrivateKey, loadPublicKey, rootCertSn, type KeyInput } from '../../templates/runtime/index.js';
import { createCertChain } from './cert-chain.js';
import { openKeysDir, type KeyFile, type KeysDir } from './keys-dir.js';

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

/** The files a gateway writes into its keys dir. */
export const KEY_FILES = {
  alipayPublicKey: 'alipay-public-key.pem',
  alipayPrivateKey: 'alipay-private-key.pem',
  appPrivateKey: 'app-private-key.pem',
  appPublicKey: 'app-public-key.pem',
  appCert: 'app-cert.crt',
  alipayCert: 'alipay-cert.crt',
  alipayRootCert: 'alipay-root-cert.crt',
} as const;

type Pair = { privateKey: KeyObject; publicKey: KeyObject };

/** A pair created here, or the one a keys dir holds from an earlier start (its private key file). */
async function createdPair(store: KeysDir, privateFile: string): Promise<Pair> {
  const stored = store.reuse(privateFile);
  if (stored === undefined) return rsaPair();
  const privateKey = loadPrivateKey(stored, privateFile);
  return { privateKey, publicKey: loadPublicKey(privateKey) };
}

/** The chain an earlier cert-mode start wrote, when it is still valid and certifies these keys. */
function storedChain(store: KeysDir, alipayPublicKey: KeyObject, appPublicKey: KeyObject): Omit<GatewayCerts, 'files'> | undefined {
  const [appCertPem, alipayCertPem, alipayRootCertPem] = [KEY_FILES.appCert, KEY_FILES.alipayCert, KEY_FILES.alipayRootCert].map((f) => store.reuse(f));
  if (appCertPem === undefined || alipayCertPem === undefined || alipayRootCertPem === undefined) return undefined;
  try {
    const [app, alipay, root] = [appCertPem, alipayCertPem, alipayRootCertPem].map((pem) => new X509Certificate(pem)) as [X509Certificate, X509Certificate, X509Certificate];
    const valid = (c: X509Certificate): boolean => Date.parse(c.validTo) > Date.now() + 24 * 3600_000;
    if (!app.publicKey.equals(appPublicKey) || !alipay.publicKey.equals(alipayPublicKey) || ![app, alipay, root].every(valid)) return undefined;
    if (!app.verify(root.publicKey) || !alipay.verify(root.publicKey)) return undefined;
    return { appCertPem, alipayCertPem, alipayRootCertPem, appCertSn: certSn(app), alipayCertSn: certSn(alipay), rootCertSn: rootCertSn(alipayRootCertPem) };
  } catch {
    return undefined;
  }
}

/**
 * The keys a gateway runs with. A pair it creates (no key passed for it) is written to the keys
 * dir: a `keysDir` given keeps them, and the next start with the same dir reuses them (and the
 * certificates, in cert mode), so configured clients keep working; files there it did not write
 * are never overwritten (./keys-dir.ts). Without `keysDir`, a fresh temp dir (removed by close()).
 */
export async function resolveKeys(options: KeyOptions): Promise<GatewayKeys> {
  const createsApp = options.appPublicKey === undefined;
  const createsGateway = options.gatewayPrivateKey === undefined;
  const certMode = options.certMode === true;
  if (!createsApp && !createsGateway && !certMode) {
    const appPublicKey = loadPublicKey(options.appPublicKey!, 'appPublicKey');
    const gatewayPrivateKey = loadPrivateKey(options.gatewayPrivateKey!, 'gatewayPrivateKey');
    return { appPublicKey, gatewayPrivateKey, gatewayPublicKeyPem: pem(loadPublicKey(gatewayPrivateKey)), dir: undefined, appPrivateKeyFile: undefined, appPrivateKey: undefined, gatewayPublicKeyFile: undefined };
  }
  const names = [
    KEY_FILES.alipayPublicKey,
    ...(createsGateway ? [KEY_FILES.alipayPrivateKey] : []),
    ...(createsApp ? [KEY_FILES.appPrivateKey, KEY_FILES.appPublicKey] : []),
    ...(certMode ? [KEY_FILES.appCert, KEY_FILES.alipayCert, KEY_FILES.alipayRootCert] : []),
  ];
  const store = await openKeysDir(options.keysDir ?? (await mkdtemp(join(tmpdir(), 'alipay-gateway-keys-'))), names);
  const [app, gateway] = await Promise.all([
    createsApp ? createdPair(store, KEY_FILES.appPrivateKey) : undefined,
    createsGateway ? createdPair(store, KEY_FILES.alipayPrivateKey) : undefined,
  ]);
  const appPublicKey = app?.publicKey ?? loadPublicKey(options.appPublicKey!, 'appPublicKey');
  const gatewayPrivateKey = gateway?.privateKey ?? loadPrivateKey(options.gatewayPrivateKey!, 'gatewayPrivateKey');
  const gatewayPublicKey = gateway?.publicKey ?? loadPublicKey(gatewayPrivateKey);
  const gatewayPublicKeyPem = pem(gatewayPublicKey);

  const dir = store.dir;
  const files = new Map<string, KeyFile>([[KEY_FILES.alipayPublicKey, { text: gatewayPublicKeyPem }]]);
  if (gateway !== undefined) files.set(KEY_FILES.alipayPrivateKey, { text: pem(gateway.privateKey), mode: 0o600 });
  if (app !== undefined) {
    files.set(KEY_FILES.appPrivateKey, { text: pem(app.privateKey), mode: 0o600 });
    files.set(KEY_FILES.appPublicKey, { text: pem(app.publicKey) });
  }
  let certs: GatewayCerts | undefined;
  if (certMode) {
    const certFiles = { appCert: join(dir, KEY_FILES.appCert), alipayCert: join(dir, KEY_FILES.alipayCert), alipayRootCert: join(dir, KEY_FILES.alipayRootCert) };
    const reused = storedChain(store, gatewayPublicKey, appPublicKey);
    if (reused !== undefined) {
      certs = { ...reused, files: certFiles };
    } else {
      const chain = await createCertChain({ alipay: { privateKey: gatewayPrivateKey, publicKey: gatewayPublicKey }, appPublicKey });
      certs = { appCertPem: chain.app.pem, alipayCertPem: chain.alipay.pem, alipayRootCertPem: chain.root.pem, appCertSn: chain.app.sn, alipayCertSn: chain.alipay.sn, rootCertSn: chain.rootSn, files: certFiles };
    }
    files.set(KEY_FILES.appCert, { text: certs.appCertPem });
    files.set(KEY_FILES.alipayCert, { text: certs.alipayCertPem });
    files.set(KEY_FILES.alipayRootCert, { text: certs.alipayRootCertPem });
  }
  await store.write(files);
  return {
    appPublicKey,
    gatewayPrivateKey,
    gatewayPublicKeyPem,
    dir,
    appPrivateKeyFile: app === undefined ? undefined : join(dir, KEY_FILES.appPrivateKey),
    appPrivateKey: app?.privateKey,
    gatewayPublicKeyFile: join(dir, KEY_FILES.alipayPublicKey),
    certs,
  };
}
