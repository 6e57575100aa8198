/**
 * Method kinds: how a gateway method is used, the one table every stage reads. A new kind is a
 * new member of MethodKind plus its row; the mapped type fails to compile until the row exists,
 * and every consumer reads the row (no switch with a default).
 *
 * - `call`: the server sends the signed request and reads the signed answer (most methods).
 * - `page`: the buyer's browser sends it (alipay.trade.page.pay, alipay.trade.wap.pay): the
 *   generated function returns a signed GET link and an auto-submitting POST form.
 * - `app`: the Alipay app sends it (alipay.trade.app.pay): the function returns the signed order string.
 */
import { SCALAR_KINDS, scalarModule } from '../types/table.js';
import type { FieldKind } from '../types/kind.js';

export type MethodKind = 'call' | 'page' | 'app';

export interface MethodKindRow {
  /** What the kind means, for the JSON Schema, docs and messages. */
  readonly description: string;
  /** The runtime function the generated method function calls. */
  readonly runtimeFn: 'invokeResult' | 'pageRequest' | 'appOrderString';
  /** Runtime types the generated module's signature names (beside the contract's). */
  readonly runtimeTypes: readonly string[];
  /** The generated function's options type and return type (`response` is the Response type's name). */
  readonly optionsType: string;
  returnType(response: string): string;
  /** Whether that return type names the Response type (the aggregate client then imports it). */
  readonly returnsResponse: boolean;
  /** The generated function's TSDoc, above the validation/error lines. */
  doc(method: string): string;
  /** Whether the generated function's call is awaited (a network call) or synchronous. */
  readonly sends: boolean;
}

export const METHOD_KIND_TABLE: { readonly [K in MethodKind]: MethodKindRow } = {
  call: {
    description: 'the server sends the request and reads the signed answer (default)',
    runtimeFn: 'invokeResult',
    runtimeTypes: ['CallOptions', 'CallResult'],
    optionsType: 'CallOptions',
    returnType: (response) => `Promise<CallResult<${response}>>`,
    returnsResponse: true,
    doc: (method) =>
      `Calls ${method}: validates the request, signs it, sends it and verifies the signed answer.\n` +
      "Resolves to `{ status: 'success', response }` (code 10000) or `{ status: 'pending', response }`\n" +
      '(10003 业务处理中: poll the query method or wait for the notification), both with the trace id.',
    sends: true,
  },
  page: {
    description: "the buyer's browser sends it: the function returns a signed GET link and an auto-submitting POST form",
    runtimeFn: 'pageRequest',
    runtimeTypes: ['PageRequest', 'BrowserRequestOptions'],
    optionsType: 'BrowserRequestOptions',
    returnType: () => 'PageRequest',
    returnsResponse: false,
    doc: (method) =>
      `Signs ${method} for the buyer's browser: \`url\` is the GET link to redirect to, \`html\` an\n` +
      'auto-submitting POST form to send as the page. Nothing is sent from the server. Pass `returnUrl`\n' +
      '(where the browser comes back) and `notifyUrl` (where Alipay posts the payment notification).',
    sends: false,
  },
  app: {
    description: 'the Alipay app sends it: the function returns the signed order string',
    runtimeFn: 'appOrderString',
    runtimeTypes: ['BrowserRequestOptions'],
    optionsType: "Omit<BrowserRequestOptions, 'returnUrl'>",
    returnType: () => 'string',
    returnsResponse: false,
    doc: (method) =>
      `Signs ${method} for the app: returns the order string to hand to the Alipay app SDK. Nothing\n` +
      'is sent from the server. Pass `notifyUrl` (where Alipay posts the payment notification).',
    sends: false,
  },
};

export const METHOD_KINDS: readonly MethodKind[] = Object.keys(METHOD_KIND_TABLE) as MethodKind[];

export const DEFAULT_METHOD_KIND: MethodKind = 'call';

export function isMethodKind(text: string): text is MethodKind {
  return Object.hasOwn(METHOD_KIND_TABLE, text);
}

/**
 * Types a notification field may have: the scalar kinds whose wire value is text (a notification
 * is a form: every value arrives as a string, returned as it came).
 */
export const NOTIFY_TYPES: readonly FieldKind[] = SCALAR_KINDS.filter((k) => scalarModule(k).tsType === 'string');
