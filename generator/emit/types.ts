/**
 * Type declarations of a method module as ts-morph structures: models (interfaces), enums
 * (literal union + same-named `as const` object), request, response and error-code types.
 */
import type { InterfaceDeclarationStructure, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import type { EnumIR, FieldIR, ModelIR, TypeIR } from '../ir/types.js';
import type { ObjectIR } from '../types/constraints/object-constraint.js';
import { OBJECT_CONSTRAINT_LIST } from '../types/constraints/object-table.js';
import type { MethodPlan } from '../plan/types.js';
import { enumDoc, fieldDoc, methodDoc, modelDoc } from './docs.js';
import { docCode, docText, objectLiteralKey, stringLiteral, typeMemberKey } from './escape.js';
import { Kind as StructureKind } from './kinds.js';
import { KINDS, scalarModule } from '../types/table.js';
import { declaredConst, docComment, exportedConst } from './printer.js';

/** The TypeScript type of a value: the kind's type, its enum's name, a model's name, or an array of one. */
export function typeText(t: TypeIR, plan: MethodPlan): string {
  switch (t.kind) {
    case 'array':
      return `${typeText(t.items, plan)}[]`;
    case 'object':
      return plan.models[t.modelId]!;
    case 'file':
      return KINDS.file.tsType;
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

/**
 * An object type: an interface of its properties, or, when an object constraint adds a type (a
 * one-of group), a type alias of the properties as a type literal intersected with it:
 * `{ a?: A; b?: B; c: C } & ({ a: A; b?: never } | { a?: never; b: B })`.
 */
function objectStatement(
  name: string,
  docs: string,
  obj: ObjectIR,
  plan: MethodPlan,
  property: (f: FieldIR) => PropertySignatureStructure,
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const tctx = { typeOf: (f: FieldIR) => typeText(f.type, plan), key: typeMemberKey };
  const added = OBJECT_CONSTRAINT_LIST.map((c) => c.tsType(obj, tctx)).filter((t): t is string => t !== undefined);
  const lines = OBJECT_CONSTRAINT_LIST.flatMap((c) => c.doc(obj, { code: docCode, text: docText, enums: plan.ir.enums }));
  const fullDocs = lines.length === 0 ? docs : `${docs}\n\n${lines.join('\n')}`;
  const properties = obj.fields.map(property);
  if (added.length === 0) {
    return { kind: StructureKind.Interface, name, isExported: true, docs: [fullDocs], properties };
  }
  const members = properties.map((p) => {
    const doc = p.docs?.[0];
    const text = `${p.name}${p.hasQuestionToken ? '?' : ''}: ${p.type as string};`;
    return typeof doc === 'string' ? `${docComment(doc)}\n${text}` : text;
  });
  const literal = members.length === 0 ? '{}' : ['{', ...members.flatMap((m) => m.split('\n').map((l) => `  ${l}`)), '}'].join('\n');
  return {
    kind: StructureKind.TypeAlias,
    name,
    isExported: true,
    docs: [fullDocs],
    type: [literal, ...added].join(' & '),
  };
}

/** A model whose fields the page does not show: any object (kinds table), never an invented field list. */
function openModelStatement(m: ModelIR, plan: MethodPlan): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: plan.models[m.id]!,
    isExported: true,
    docs: [`${modelDoc(m, plan.ir.method)}\n\n${KINDS.object.open.doc}`],
    type: KINDS.object.open.tsType,
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
      type: [...e.values.map((v) => enumLiteral(e, v.value)), ...(e.open ? [`(${scalarModule(e.kind).tsType} & {})`] : [])].join(' | '),
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

export function modelStatements(plan: MethodPlan): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  return plan.ir.models.map((m) =>
    m.open === true ? openModelStatement(m, plan) : objectStatement(plan.models[m.id]!, modelDoc(m, plan.ir.method), m, plan, (f) => property(f, plan)),
  );
}

export function requestResponseStatements(plan: MethodPlan): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const { ir, exports, responseBaseOmit } = plan;
  const base =
    responseBaseOmit.length === 0
      ? 'ResponseBase'
      : `Omit<ResponseBase, ${responseBaseOmit.map((n) => stringLiteral(n)).join(' | ')}>`;
  const params = new Set(ir.params);
  const request: ObjectIR = { fields: [...ir.request, ...ir.params], ...(ir.oneOf !== undefined && { oneOf: ir.oneOf }) };
  return [
    objectStatement(exports.request, methodDoc(ir, requestWhat(ir.request.length, ir.params.length)), request, plan, (f) => property(f, plan, params.has(f))),
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
