/** `alipay-codegen serve`: the local gateway for every spec, until Ctrl-C (see generator/gateway/). */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../../diagnostics.js';
import { startGateway, SCENARIO_HEADER, SCENARIO_NAMES, type Gateway } from '../../gateway/index.js';

interface ServeOptions {
  specs: string;
  port: number;
  host: string;
  appPublicKey?: string;
  gatewayPrivateKey?: string;
  scenario?: string;
  keysDir?: string;
  appId?: string;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return port;
}

async function readKeyFile(file: string | undefined, what: string): Promise<string | undefined> {
  if (file === undefined) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UserError(`cannot read the ${what} file ${file}`);
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
  lines.push(`  scenarios (header ${SCENARIO_HEADER} or --scenario): ${SCENARIO_NAMES.join(', ')}`);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run a local Alipay gateway (POST/GET /gateway.do) for every spec: checks params and signatures, validates biz_content, answers with the spec examples, signed')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--app-public-key <file>', 'app public key (PEM or base64) that verifies requests; default: a new pair, private half written to a file')
    .option('--gateway-private-key <file>', 'private key the gateway signs answers with; default: a new pair, public half printed')
    .option('--app-id <id>', 'accept only this app_id (others get isv.invalid-app-id); default: any')
    .option('--keys-dir <dir>', 'where created keys are written (default: a new temp directory)')
    .option('--scenario <list>', `answer every request this way (comma-separated): ${SCENARIO_NAMES.join(', ')}`)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ alipay-codegen serve --specs specs',
        '  $ alipay-codegen serve --port 8080 --scenario latency:300',
        `  $ curl -H '${SCENARIO_HEADER}: business-error:CARD_NOT_EXIT' ...   # one request only`,
        '',
        'Prints the URL, the Alipay public key to verify answers with and the app private key file to sign',
        'requests with; then one line per request (method, result code, time). Private keys are never printed.',
      ].join('\n'),
    )
    .action(async (options: ServeOptions) => {
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
          log: (line) => process.stdout.write(line + '\n'),
        });
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError(`cannot start the gateway: ${(error as Error).message}`);
      }
      process.stdout.write(describeGateway(gateway));
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await gateway.close();
    });
}
