/**
 * Names a generated module may not give to its own declarations: globals the generated code
 * uses, the runtime names it imports, and the locals of generated functions (a model called `o`
 * would otherwise be shadowed inside a validator).
 */
import { KINDS, RUNTIME_HELPERS } from '../types/table.js';

/** Globals referenced by generated code or commonly assumed by readers of it. */
export const GLOBAL_NAMES: readonly string[] = [
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Promise', 'Record', 'Readonly', 'ReadonlyArray', 'Partial',
  'Omit', 'Pick', 'Error', 'Set', 'Map', 'Symbol', 'JSON', 'Math', 'Date', 'RegExp', 'NaN', 'Infinity',
  'globalThis', 'undefined', 'AbortSignal', 'Function',
];

/** What method modules import from the runtime: the call helpers and the kinds' format checks. */
export const RUNTIME_IMPORTS = {
  values: ['invoke', 'isApiErrorOf', ...RUNTIME_HELPERS, 'invokeResult', 'pageRequest', 'appOrderString', 'parseNotification'],
  types: ['AlipayApiError', 'AlipayClient', 'CallOptions', 'Operation', 'ResponseBase', 'ValidationIssue', 'CallResult', 'PageRequest', 'BrowserRequestOptions', 'NotifyBody', 'NotifyOptions', KINDS.file.tsType],
} as const;

/** Parameters and locals of generated functions. */
export const LOCAL_NAMES: readonly string[] = [
  'o', 'p', 'v', 'i', 'k', 'e', 'item', 'issues', 'strict', 'value', 'client', 'request', 'options', 'error', 'api', 'body',
];

/** Names of the aggregate client module, which sit beside method names in user code. */
export const CLIENT_NAMES: readonly string[] = ['createAlipayApi', 'AlipayApi', 'withMembers'];
