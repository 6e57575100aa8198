/**
 * biz_content checks with the method's GENERATED validator. Undocumented fields are let through
 * (the real gateway ignores them); every other problem is answered naming the field: with the
 * method's own INVALID_PARAMETER when its error table has one, else the gateway's 40002 codes.
 */
import type { ValidationIssue } from '../../templates/runtime/index.js';
import { businessError, gatewayError, type Node } from './codes.js';
import type { GatewayMethod } from './methods.js';
import type { TypeIR } from '../ir/types.js';
import { scalarModule } from '../types/table.js';

const INVALID_PARAMETER = 'INVALID_PARAMETER';
/** At most this many problems are listed in sub_msg. */
const LISTED = 5;

function describe(issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, LISTED).map((i) => `${i.path || 'biz_content'}: ${i.message}`).join('; ');
  return issues.length > LISTED ? `${listed}; and ${issues.length - LISTED} more` : listed;
}

/**
 * A top-level form value as the generated validator expects it: the form carries strings only,
 * so a documented number or boolean is read back as the kind's wire value (kinds table; what
 * cannot be read stays a string and fails the type check, as it should). Params are scalars.
 */
function fromForm(value: string, type: TypeIR): unknown {
  // A file sent as a text field is not a file: the string fails the file check.
  return type.kind === 'object' || type.kind === 'array' || type.kind === 'file' ? value : scalarModule(type.kind).wireValue(value);
}

/**
 * The method's top-level params (spec `params`), read from the query/form params and merged into
 * the biz_content object, so the generated validator checks the Request as the client built it.
 */
function withTopLevel(method: GatewayMethod, value: unknown, params: Readonly<Record<string, string>>, files: ReadonlyMap<string, Uint8Array>): unknown {
  const declared = method.ir.params;
  if (declared.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const merged = { ...(value as Record<string, unknown>) };
  for (const p of declared) {
    // Only the form value counts: a param put inside biz_content is not where the gateway reads it.
    delete merged[p.name];
    const file = files.get(p.name);
    // An empty file part is no file, as a blank text value is no value.
    if (file !== undefined && file.byteLength > 0) {
      merged[p.name] = file;
      continue;
    }
    const v = params[p.name];
    // Blank values are not sent (nor signed) by clients: the same as absent.
    if (v !== undefined && v.trim() !== '') merged[p.name] = fromForm(v, p.type);
  }
  return merged;
}

/** biz_content as an object, for a request checkBizContent accepted; {} when it is not one. */
export function bizObject(bizContent: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(bizContent ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Returns the refusal node for an invalid request, or undefined when it is valid. `params` are the
 * request's query and form params, where a method's top-level params are read from; `files` the
 * file parts of a multipart request (by field name), checked by the validator as the client's were.
 */
export function checkBizContent(
  method: GatewayMethod,
  bizContent: string | undefined,
  params: Readonly<Record<string, string>> = {},
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Node | undefined {
  let value: unknown = {};
  if (bizContent !== undefined && bizContent.trim() !== '') {
    try {
      value = JSON.parse(bizContent);
    } catch {
      return gatewayError('isv.invalid-parameter', '参数无效: biz_content is not valid JSON');
    }
  }
  const issues = method.validateRequest(withTopLevel(method, value, params, files)).filter((i) => i.rule !== 'unknown');
  if (issues.length === 0) return undefined;
  const own = method.ir.errors.find((e) => e.code === INVALID_PARAMETER);
  if (own !== undefined) return businessError(INVALID_PARAMETER, `${own.description ?? '参数有误'} ${describe(issues)}`);
  const missing = issues.filter((i) => i.rule === 'required');
  if (missing.length > 0) return gatewayError('isv.missing-parameter', `缺少必选参数: ${describe(missing)}`);
  return gatewayError('isv.invalid-parameter', `参数无效: ${describe(issues)}`);
}
