/**
 * Which fields a method's asynchronous notification (异步通知) carries. A spec may list them
 * (`notify:`, added to the spec format separately); this accessor is the one place that reads it,
 * so the gateway works with and without that part of the format. Without it, a payment method's
 * notification is Alipay's standard trade notification (`trade_status_sync`).
 */
import type { Field, MethodSpec } from '../spec/model.js';
import { FIELD_KINDS, isScalarKind, scalarModule } from '../types/table.js';
import type { FieldKind } from '../types/kind.js';

/** One notification field: its wire name and, when the spec has one, the doc's example value. */
export interface NotifyField {
  readonly name: string;
  readonly kind: FieldKind | undefined;
  readonly example: string | undefined;
}

/**
 * The standard trade notification, in the order Alipay's docs list it (research §3.3, the doc's
 * 异步通知参数). Values that depend on the order are filled in by notification.ts.
 */
export const STANDARD_TRADE_NOTIFY_FIELDS: readonly string[] = [
  'notify_time',
  'notify_type',
  'notify_id',
  'app_id',
  'auth_app_id',
  'charset',
  'version',
  'sign_type',
  'trade_no',
  'out_trade_no',
  'trade_status',
  'total_amount',
  'receipt_amount',
  'invoice_amount',
  'buyer_pay_amount',
  'point_amount',
  'buyer_id',
  'buyer_logon_id',
  'seller_id',
  'subject',
  'body',
  'passback_params',
  'gmt_create',
  'gmt_payment',
  'fund_bill_list',
];

function kindOf(value: unknown): FieldKind | undefined {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value) ? (value as FieldKind) : undefined;
}

/** The spec's own notify fields (`spec.notify`: fields in the spec model's shape), or undefined. */
function specNotifyFields(spec: MethodSpec): readonly NotifyField[] | undefined {
  const notify = (spec as MethodSpec & { readonly notify?: unknown }).notify;
  if (!Array.isArray(notify)) return undefined;
  const fields: NotifyField[] = [];
  for (const entry of notify as readonly Partial<Field>[]) {
    if (typeof entry !== 'object' || entry === null || typeof entry.name !== 'string') continue;
    const example = entry.example;
    fields.push({ name: entry.name, kind: kindOf(entry.type), example: example === undefined ? undefined : String(example) });
  }
  return fields.length > 0 ? fields : undefined;
}

/** The notify fields of `spec`: its own when it lists them, else the standard trade notification. */
export function notifyFieldsOf(spec: MethodSpec | undefined): readonly NotifyField[] {
  const own = spec === undefined ? undefined : specNotifyFields(spec);
  return own ?? STANDARD_TRADE_NOTIFY_FIELDS.map((name) => ({ name, kind: undefined, example: undefined }));
}

/** A value for a field nothing else fills: its example, else its kind's sample (kinds table). */
export function fallbackValue(field: NotifyField): string | undefined {
  if (field.example !== undefined) return field.example;
  if (field.kind === undefined || !isScalarKind(field.kind)) return undefined;
  return String(scalarModule(field.kind).sample);
}
