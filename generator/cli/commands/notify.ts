/**
 * `alipay-codegen notify <method> --url <url>`: sends a signed notification (异步通知) of a method
 * to the user's handler and says what it answered; exit 1 unless it answered exactly `success`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { UserError, ioReason } from '../../diagnostics.js';

interface NotifyCommandOptions {
  url: string;
  field: Record<string, string>;
  gateway?: string;
  specs: string;
  alipayPrivateKey?: string;
  signType: 'RSA2' | 'RSA';
  attempts: number;
  retryDelay: number;
}

function collectField(text: string, previous: Record<string, string>): Record<string, string> {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected name=value, got "${text}"`);
  return { ...previous, [text.slice(0, eq)]: text.slice(eq + 1) };
}

function wholeNumber(min: number, max: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number ${min}..${max}`);
    return n;
  };
}

function signType(text: string): 'RSA2' | 'RSA' {
  if (text !== 'RSA2' && text !== 'RSA') throw new InvalidArgumentError('expected RSA2 or RSA');
  return text;
}

export function register(program: Command): void {
  program
    .command('notify')
    .description('send a signed notification of a method to your handler (through a running serve, or signed with a key file) and report what it answered')
    .argument('<method>', 'the method whose notification is sent (e.g. alipay.trade.page.pay)')
    .requiredOption('--url <url>', 'your notify_url')
    .option('--field <name=value>', 'set a notification field (repeatable; an empty value leaves the field out)', collectField, {})
    .option('--gateway <url>', 'a running `alipay-codegen serve` (its URL): it signs with its Alipay key and sends')
    .option('--specs <dir>', 'without --gateway: directory of spec files (the method\'s notify fields)', 'specs')
    .option('--alipay-private-key <file>', 'without --gateway: the Alipay private key to sign with (PEM or base64)')
    .option('--sign-type <type>', 'RSA2 or RSA', signType, 'RSA2')
    .option('--attempts <n>', 'tries until the handler answers success', wholeNumber(1, 20), 1)
    .option('--retry-delay <ms>', 'wait between tries', wholeNumber(0, 600_000), 0)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ alipay-codegen notify alipay.trade.page.pay --url http://127.0.0.1:3000/alipay/notify --gateway http://127.0.0.1:8080',
        '  $ alipay-codegen notify alipay.trade.app.pay --url http://127.0.0.1:3000/notify --alipay-private-key .keys/alipay-private-key.pem \\',
        '      --field out_trade_no=20261201001 --field total_amount=88.88 --field trade_status=TRADE_CLOSED',
        '',
        'The handler must answer exactly "success" (HTTP 2xx); anything else is reported and the exit code is 1.',
      ].join('\n'),
    )
    .action(async (method: string, options: NotifyCommandOptions) => {
      const { runNotify, NotifyRunError, notifyTarget } = await import('../../gateway/notify-run.js');
      let alipayPrivateKey: string | undefined;
      if (options.gateway === undefined && options.alipayPrivateKey !== undefined) {
        const { readFile } = await import('node:fs/promises');
        try {
          alipayPrivateKey = await readFile(options.alipayPrivateKey, 'utf8');
        } catch (error) {
          throw new UserError(`cannot read the Alipay private key file ${options.alipayPrivateKey}: ${ioReason(error)}`);
        }
      }
      try {
        const result = await runNotify({
          method,
          url: options.url,
          fields: options.field,
          specsDir: options.specs,
          signType: options.signType,
          attempts: options.attempts,
          retryDelayMs: options.retryDelay,
          ...(options.gateway === undefined ? {} : { gateway: options.gateway }),
          ...(alipayPrivateKey === undefined ? {} : { alipayPrivateKey }),
        });
        const line = `notification of ${method} sent to ${notifyTarget(options.url)}: ${result.result}`;
        if (result.accepted) process.stdout.write(`${line}\n`);
        else throw new UserError(line);
      } catch (error) {
        if (error instanceof NotifyRunError) throw new UserError(error.message);
        throw error;
      }
    });
}
