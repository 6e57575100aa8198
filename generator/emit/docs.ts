/**
 * TSDoc text for generated declarations, built from spec prose. Spec text goes through
 * escape.docText/docCode; the tags added here (`@example`, `@deprecated`) are ours.
 */
import type { EnumIR, FieldIR, MethodIR, ModelIR, ScalarTypeIR } from '../ir/types.js';
import { KINDS } from '../types/table.js';
import { formatSize } from '../types/kinds/file.js';
import type { DocContext } from '../types/constraints/constraint.js';
import { enumLines as constraintEnumLines } from '../types/constraints/enum.js';
import { FIELD_CONSTRAINT_LIST, VALUE_CONSTRAINT_LIST } from '../types/constraints/table.js';
import { docCode, docText } from './escape.js';

function docContext(enums: readonly EnumIR[]): DocContext {
  return { code: docCode, text: docText, enums };
}

/** Said of top-level params, which share the Request type with biz_content fields. */
const TOP_LEVEL_NOTE = 'Sent as a top-level form param, not inside `biz_content`.';

export function fieldDoc(field: FieldIR, enums: readonly EnumIR[], topLevel = false): string {
  const lines: string[] = [];
  if (field.description) lines.push(docText(field.description), '');
  const t = field.type;
  const scalar: ScalarTypeIR | undefined =
    t.kind === 'array' ? (t.items.kind === 'object' ? undefined : t.items) : t.kind === 'object' || t.kind === 'file' ? undefined : t;
  if (t.kind === 'array') lines.push('A list.' + (scalar ? ' Each item:' : ''));
  if (t.kind === 'file') lines.push(KINDS.file.docNote, ...(t.maxLength === undefined ? [] : [`Max size: ${formatSize(t.maxLength)} (${t.maxLength} bytes).`]));
  const ctx = docContext(enums);
  if (scalar) for (const c of VALUE_CONSTRAINT_LIST) lines.push(...c.doc(scalar, ctx));
  for (const c of FIELD_CONSTRAINT_LIST) lines.push(...c.doc(field, ctx));
  // Before the tags: text after `@example` would read as part of the example.
  if (topLevel) lines.push(TOP_LEVEL_NOTE);
  if (field.example !== undefined) lines.push(`@example ${docText(String(field.example))}`);
  if (field.deprecated !== undefined && field.deprecated !== false) {
    lines.push(field.deprecated === true ? '@deprecated' : `@deprecated ${docText(field.deprecated)}`);
  }
  return trimBlank(lines);
}

export function enumDoc(e: EnumIR): string {
  return trimBlank([`Documented values of \`${docText(e.nameHint)}\`.`, ...constraintEnumLines(e.values, docContext([]), e.open === true)]);
}

export function modelDoc(model: ModelIR, method: string): string {
  const what = model.docName === undefined ? 'Object' : `Model ${docCode(model.docName)}`;
  return `${what} of ${docCode(method)}, first used at ${docCode(model.origin)}.`;
}

export function methodDoc(ir: MethodIR, what: string): string {
  const lines = [`${what} of ${docCode(ir.method)}${ir.title ? ` (${docText(ir.title).replace(/\n/g, ' ')})` : ''}.`];
  if (ir.description) lines.push('', docText(ir.description));
  if (ir.deprecated !== undefined && ir.deprecated !== false) {
    lines.push('', ir.deprecated === true ? '@deprecated' : `@deprecated ${docText(ir.deprecated)}`);
  }
  return trimBlank(lines);
}

function trimBlank(lines: string[]): string {
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
