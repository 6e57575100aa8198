/**
 * The per-request log line: time, HTTP method, gateway method (only when it is a served one, so
 * client input never reaches the log), result code and duration. Never params, keys or biz_content.
 */
export interface LogRecord {
  readonly httpMethod: string;
  readonly method: string | undefined;
  /** `10000`, `40002/isv.invalid-signature`, `HTTP 502`, ... */
  readonly result: string;
  readonly ms: number;
}

export function formatLogLine(record: LogRecord): string {
  // NOTIFY: a notification the gateway sent (not a request it received).
  const httpMethod = record.httpMethod === 'GET' || record.httpMethod === 'POST' || record.httpMethod === 'NOTIFY' ? record.httpMethod : 'OTHER';
  return `${new Date().toISOString()} ${httpMethod} ${record.method ?? '-'} ${record.result} ${record.ms.toFixed(1)}ms`;
}

/** How the signature of a sent answer differs from the node's own verdict. */
export type SentSignature = 'signed' | 'wrong' | 'none';

/**
 * The result as sent: the node's code (and sub_code), marked when a scenario spoilt a signature the
 * answer should have carried, so a `wrong-signature` answer is not logged or counted as a plain 10000.
 */
export function sentResult(node: Readonly<Record<string, unknown>>, shouldSign: boolean, sent: SentSignature): string {
  const subCode = node['sub_code'];
  const code = `${String(node['code'])}${typeof subCode === 'string' ? `/${subCode}` : ''}`;
  if (!shouldSign || sent === 'signed') return code;
  return sent === 'wrong' ? `${code} wrong-signature` : `${code} unsigned`;
}
