/** `alipay-codegen serve`: the local gateway for every spec, until Ctrl-C (see generator/gateway/). */
import { InvalidArgumentError, type Command } from 'commander';
import { SCENARIO_HEADER, SCENARIO_NAMES } from '../../gateway/scenario.js';
import type { ServeOptions } from '../actions/serve.js';

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return port;
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
    .option('--cert-mode', 'certificate mode: issue a test chain (root CA, Alipay and app certificates, written to the keys dir), require app_cert_sn / alipay_root_cert_sn, answer with alipay_cert_sn')
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
      const { runServe } = await import('../actions/serve.js');
      await runServe(options);
    });
}
