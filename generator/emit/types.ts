/**
 * Type declarations of a method module as ts-morph structures: models (interfaces), enums
 * (literal union + same-named `as const` object), request, response and error-code types.
 */
import type { InterfaceDeclarationStructure, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import type { EnumIR, FieldIR, TypeIR } from '../ir/types.js';
import type { MethodPlan } from '../plan/types.js';
import { enumDoc, fieldDoc, methodDoc, modelDoc } from './docs.js';
import { docCode, docText, objectLiteralKey, stringLiteral, typeMemberKey } from './escape.js';
import { Kind as StructureKind } from './kinds.js';
import { scalarModule } from '../types/table.js';
import { declaredConst, exportedConst } from './printer.js';

/** The TypeScript type of a value: the kind's type, its enum's name, a model's name, or an array of one. */
export function typeText(t: TypeIR, plan: MethodPlan): string {
  switch (t.kind) {
    case 'array':
      return `${typeText(t.items, plan)}[]`;
    case 'object':
      return plan.models[t.modelId]!;
  }
  return t.enumId === undefined ? scalarModule(t.kind).tsType : plan.enums[t.enumId]!;
}

export function property(field: FieldIR, plan: MethodPlan, topLevel = false): PropertySignatureStructure {
  const doc = fieldDoc(field, plan.ir.enums, topLevel);
  return {
    kind: StructureKind.PropertySignature,
    name: typeMemberKey(field.name),
    type: typeText(field.type, plan),
    hasQuestionToken: field.required !== true,
    ...(doc && { docs: [doc] }),
  };
}

function enumLiteral(e: EnumIR, value: string): string {
  return e.literal === 'number' ? value : stringLiteral(value);
}

/** The literal union and the same-named object of values (`as const` in TypeScript). */
export function enumStatements(e: EnumIR, name: string, typed = true): [TypeAliasDeclarationStructure, string] {
  const doc = enumDoc(e);
  return [
    {
      kind: StructureKind.TypeAlias,
      name,
      isExported: true,
      type: e.values.map((v) => enumLiteral(e, v.value)).join(' | '),
      docs: [doc],
    },
    exportedConst({
      ...(typed && { docs: doc }),
      name,
      initializer: ['{', ...e.values.map((v) => `  ${objectLiteralKey(v.value)}: ${enumLiteral(e, v.value)},`), typed ? '} as const' : '}'],
    }),
  ];
}

/** The object of values as a declaration (what `as const` gives it). */
export function enumDeclaredConst(e: EnumIR, name: string): string {
  const members = e.values.map((v) => `  readonly ${typeMemberKey(v.value)}: ${enumLiteral(e, v.value)};`);
  return declaredConst({ docs: enumDoc(e), name, type: ['{', ...members, '}'].join('\n') });
}

export function modelStatements(plan: MethodPlan): InterfaceDeclarationStructure[] {
  return plan.ir.models.map((m) => ({
    kind: StructureKind.Interface,
    name: plan.models[m.id]!,
    isExported: true,
    docs: [modelDoc(m, plan.ir.method)],
    properties: m.fields.map((f) => property(f, plan)),
  }));
}

export function requestResponseStatements(plan: MethodPlan): InterfaceDeclarationStructure[] {
  const { ir, exports, responseBaseOmit } = plan;
  const base =
    responseBaseOmit.length === 0
      ? 'ResponseBase'
      : `Omit<ResponseBase, ${responseBaseOmit.map((n) => stringLiteral(n)).join(' | ')}>`;
  return [
    {
      kind: StructureKind.Interface,
      name: exports.request,
      isExported: true,
      docs: [methodDoc(ir, requestWhat(ir.request.length, ir.params.length))],
      properties: [...ir.request.map((f) => property(f, plan)), ...ir.params.map((f) => property(f, plan, true))],
    },
    {
      kind: StructureKind.Interface,
      name: exports.response,
      isExported: true,
      extends: [base],
      docs: [methodDoc(ir, 'Response')],
      properties: ir.response.map((f) => property(f, plan)),
    },
  ];
}

function requestWhat(bizFields: number, params: number): string {
  if (params === 0) return 'Request parameters (biz_content)';
  return bizFields === 0 ? 'Request parameters (top-level params, no biz_content)' : 'Request parameters (biz_content fields and top-level params)';
}

/** Unique documented business error codes, in doc order. */
export function errorCodes(plan: MethodPlan): string[] {
  return [...new Set(plan.ir.errors.map((e) => e.code))];
}

export function errorCodeStatement(plan: MethodPlan): TypeAliasDeclarationStructure {
  const codes = errorCodes(plan);
  const lines = plan.ir.errors.map(
    (e) => `- ${docCode(e.code)}${e.description ? `: ${docText(e.description).replace(/\n/g, ' ')}` : ''}`,
  );
  return {
    kind: StructureKind.TypeAlias,
    name: plan.exports.errorCode,
    isExported: true,
    type: codes.length === 0 ? 'never' : codes.map((c) => stringLiteral(c)).join(' | '),
    docs: [methodDoc(plan.ir, 'Documented business error codes (sub_code)') + (lines.length ? '\n\n' + lines.join('\n') : '')],
  };
}
