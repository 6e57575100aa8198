/**
 * biz_content checks with the method's GENERATED validator. Undocumented fields are let through
 * (the real gateway ignores them); every other problem is answered naming the field: with the
 * method's own INVALID_PARAMETER when its error table has one, else the gateway's 40002 codes.
 */
import type { ValidationIssue } from '../../templates/runtime/index.js';
import { businessError, gatewayError, type Node } from './codes.js';
import type { GatewayMethod } from './methods.js';

const INVALID_PARAMETER = 'INVALID_PARAMETER';
/** At most this many problems are listed in sub_msg. */
const LISTED = 5;

function describe(issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, LISTED).map((i) => `${i.path || 'biz_content'}: ${i.message}`).join('; ');
  return issues.length > LISTED ? `${listed}; and ${issues.length - LISTED} more` : listed;
}

/** Returns the refusal node for an invalid biz_content, or undefined when it is valid. */
export function checkBizContent(method: GatewayMethod, bizContent: string | undefined): Node | undefined {
  let value: unknown = {};
  if (bizContent !== undefined && bizContent.trim() !== '') {
    try {
      value = JSON.parse(bizContent);
    } catch {
      return gatewayError('isv.invalid-parameter', '参数无效: biz_content is not valid JSON');
    }
  }
  const issues = method.validateRequest(value).filter((i) => i.rule !== 'unknown');
  if (issues.length === 0) return undefined;
  const own = method.spec.errors.find((e) => e.code === INVALID_PARAMETER);
  if (own !== undefined) return businessError(INVALID_PARAMETER, `${own.description ?? '参数有误'} ${describe(issues)}`);
  const missing = issues.filter((i) => i.rule === 'required');
  if (missing.length > 0) return gatewayError('isv.missing-parameter', `缺少必选参数: ${describe(missing)}`);
  return gatewayError('isv.invalid-parameter', `参数无效: ${describe(issues)}`);
}
