/** Test helper: the response of a generated call that must have succeeded (code 10000). */
import type { CallResult } from '../../generated/dist/runtime/index.js';

export function success<R>(result: CallResult<R>): R {
  if (result.status !== 'success') throw new Error(`expected a success (10000), got ${result.status}: ${JSON.stringify(result.response)}`);
  return result.response;
}
