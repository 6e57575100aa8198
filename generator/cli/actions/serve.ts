/** The work behind `alipay-codegen serve` (loaded only when the command runs). */
import { readFile } from 'node:fs/promises';
import { UserError, ioReason, isIoError } from '../../diagnostics.js';
import { APP_PAY_PATH, NOTIFY_PATH, startGateway, SCENARIO_HEADER, SCENARIO_NAMES, type Gateway } from '../../gateway/index.js';

export interface ServeOptions {
  specs: string;
  port: number;
  host: string;
  appPublicKey?: string;
  gatewayPrivateKey?: string;
  scenario?: string;
  keysDir?: string;
  appId?: string;
  certMode?: boolean;
}

async function readKeyFile(file: string | undefined, what: string): Promise<string | undefined> {
  if (file === undefined) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the ${what} file ${file}: ${ioReason(error)}`);
  }
}

/** What a user needs to call the gateway: where it is and which keys to configure (no private key contents). */
export function describeGateway(gateway: Gateway): string {
  const lines = [`Alipay gateway for ${gateway.methods.length} method(s) listening on ${gateway.url}`];
  lines.push(`  methods: ${gateway.methods.join(', ')}`);
  const publicKey = gateway.keys.gatewayPublicKeyPem.replace(/-----[^-]+-----|\s/g, '');
  lines.push(`  Alipay public key (alipayPublicKey, verifies the answers): ${publicKey}`);
  if (gateway.keys.gatewayPublicKeyFile !== undefined) lines.push(`    file: ${gateway.keys.gatewayPublicKeyFile}`);
  if (gateway.keys.appPrivateKeyFile !== undefined) lines.push(`  app private key (privateKey, signs the requests): ${gateway.keys.appPrivateKeyFile}`);
  else lines.push('  requests must be signed with the private half of the app public key you passed');
  const certs = gateway.keys.certs;
  if (certs !== undefined) {
    lines.push(`  certificate mode: certs.appCert ${certs.files.appCert} (app_cert_sn ${certs.appCertSn})`);
    lines.push(`    certs.alipayCert ${certs.files.alipayCert} (alipay_cert_sn ${certs.alipayCertSn})`);
    lines.push(`    certs.alipayRootCert ${certs.files.alipayRootCert} (alipay_root_cert_sn ${certs.rootCertSn})`);
  }
  lines.push(`  scenarios (header ${SCENARIO_HEADER} or --scenario): ${SCENARIO_NAMES.join(', ')}`);
  const origin = new URL(gateway.url).origin;
  lines.push(`  payments: page/wap pay open the cashier at /gateway.do; app pay order strings: POST ${origin}${APP_PAY_PATH}; notifications: POST ${origin}${NOTIFY_PATH} or alipay-codegen notify --gateway ${origin}`);
  // The routes as a v3 client is configured: base URL (the origin) plus the route.
  lines.push(gateway.v3Routes.length === 0 ? '  v3 routes: none (no spec has v3:)' : `  v3 routes (base URL ${origin}): ${gateway.v3Routes.join(', ')}`);
  return lines.join('\n') + '\n';
}

export async function runServe(options: ServeOptions): Promise<void> {
  const [appPublicKey, gatewayPrivateKey] = await Promise.all([
    readKeyFile(options.appPublicKey, 'app public key'),
    readKeyFile(options.gatewayPrivateKey, 'gateway private key'),
  ]);
  let gateway: Gateway;
  try {
    gateway = await startGateway({
      specsDir: options.specs,
      host: options.host,
      port: options.port,
      ...(appPublicKey === undefined ? {} : { appPublicKey }),
      ...(gatewayPrivateKey === undefined ? {} : { gatewayPrivateKey }),
      ...(options.keysDir === undefined ? {} : { keysDir: options.keysDir }),
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
      ...(options.appId === undefined ? {} : { appId: options.appId }),
      ...(options.certMode === true ? { certMode: true } : {}),
      log: (line) => process.stdout.write(line + '\n'),
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    const reason = isIoError(error) ? `${error.path ?? ''}: ${ioReason(error)}` : (error as Error).message;
    throw new UserError(`cannot start the gateway: ${reason}`);
  }
  // The handlers go in before the keys are printed: whoever reads them may stop us at once, and a
  // signal before any handler exists kills the process without closing the gateway.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(describeGateway(gateway));
  await stopped;
  await gateway.close();
}
