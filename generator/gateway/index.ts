/** The local gateway as a library: `startGateway` and its types. */
export { startGateway, GATEWAY_PATH, DEFAULT_MAX_CLOCK_SKEW_MS, type Gateway, type GatewayOptions, type GatewayStats } from './server.js';
export type { GatewayCerts, GatewayKeys } from './keys.js';
export { SCENARIO_HEADER, SCENARIO_NAMES } from './scenario.js';
export { MAX_BODY_BYTES } from './params.js';
export { APP_PAY_PATH, CASHIER_PAY_PATH, NOTIFY_PATH, paymentKindOf, type PaymentKind, type SentNotification } from './cashier.js';
export { buildNotification, type NotificationInput, type TradeFacts } from './notification.js';
export { notifyFieldsOf, STANDARD_TRADE_NOTIFY_FIELDS, type NotifyField } from './notify-fields.js';
export { describeReport, sendNotification, NOTIFY_SUCCESS_ANSWER, type NotifyAttempt, type NotifyReport, type SendOptions } from './notify-sender.js';
export { buildReturnParams, returnRedirect } from './return.js';
export { MAX_UPLOAD_BYTES } from './multipart.js';
