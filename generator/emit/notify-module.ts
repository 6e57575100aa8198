/**
 * The notification part of a method module, for methods with notify fields: the Notification
 * type (every field a string, as the form carries it), its validator and
 * `parse<Method>Notification(client, body, options?)`, which verifies and validates a raw or parsed
 * notification body through the runtime's parseNotification.
 */
import type { FunctionDeclarationStructure, InterfaceDeclarationStructure } from 'ts-morph';
import { Kind as StructureKind } from './kinds.js';
import type { MethodPlan } from '../plan/types.js';
import { methodDoc } from './docs.js';
import { docCode, stringLiteral } from './escape.js';
import { declaredFunction, type Statement } from './printer.js';
import { property } from './types.js';
import { rootValidatorDoc, rootValidatorName, rootValidatorStatement } from './validators.js';

/** The runtime types a module with a notification names. */
export const NOTIFY_RUNTIME_TYPES: readonly string[] = ['NotifyBody', 'NotifyOptions'];

export function hasNotification(plan: MethodPlan): boolean {
  return plan.ir.notify.length > 0;
}

function parseDoc(plan: MethodPlan): string {
  return (
    `Verifies and returns a notification (异步通知) of ${docCode(plan.ir.method)}: \`body\` is the raw form body\n` +
    '(string or bytes, decoded here once in its charset) or the params a framework parsed (URLSearchParams\n' +
    'or an object, never decoded again). Answer `success` once it is handled.\n' +
    '@throws AlipayNotifyError (its `reason`: decoded, malformed, missing-sign, bad-signature, app-id, invalid).'
  );
}

const PARSE_PARAMS = 'client: AlipayClient, body: NotifyBody, options?: NotifyOptions';

function notificationInterface(plan: MethodPlan): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: plan.exports.notification,
    isExported: true,
    docs: [methodDoc(plan.ir, 'Notification params (异步通知), as the form carries them')],
    properties: plan.ir.notify.map((f) => property(f, plan)),
  };
}

function parseFunction(plan: MethodPlan, typed: boolean): FunctionDeclarationStructure {
  const x = plan.exports;
  const p = (name: string, type: string, optional = false) => (typed ? { name, type, hasQuestionToken: optional } : { name });
  const op = `{ method: ${stringLiteral(plan.ir.method)}, validateNotification: ${x.validateNotification} }`;
  return {
    kind: StructureKind.Function,
    name: x.parseNotification,
    isExported: true,
    ...(typed && { docs: [parseDoc(plan)], returnType: x.notification }),
    parameters: [p('client', 'AlipayClient'), p('body', 'NotifyBody'), p('options', 'NotifyOptions', true)],
    statements: `return parseNotification${typed ? `<${x.notification}>` : ''}(client, ${op}, body, options);`,
  };
}

/** Type declarations (source and .d.ts). */
export function notifyDeclarations(plan: MethodPlan): Statement[] {
  return hasNotification(plan) ? [notificationInterface(plan)] : [];
}

/** Validator and parser with bodies (source when `typed`, JavaScript otherwise). */
export function notifyFunctions(plan: MethodPlan, typed: boolean): Statement[] {
  return hasNotification(plan) ? [rootValidatorStatement(plan, 'notification', typed), parseFunction(plan, typed)] : [];
}

/** The .d.ts declarations of the validator and parser. */
export function notifyDeclaredFunctions(plan: MethodPlan): Statement[] {
  if (!hasNotification(plan)) return [];
  const x = plan.exports;
  return [
    declaredFunction({ docs: rootValidatorDoc(plan, 'notification'), name: rootValidatorName(plan, 'notification'), params: 'value: unknown', returnType: 'ValidationIssue[]' }),
    declaredFunction({ docs: parseDoc(plan), name: x.parseNotification, params: PARSE_PARAMS, returnType: x.notification }),
  ];
}
