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
  const httpMethod = record.httpMethod === 'GET' || record.httpMethod === 'POST' ? record.httpMethod : 'OTHER';
  return `${new Date().toISOString()} ${httpMethod} ${record.method ?? '-'} ${record.result} ${record.ms.toFixed(1)}ms`;
}
