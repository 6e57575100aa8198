/**
 * TSDoc text for generated declarations, built from spec prose. Spec text goes through
 * escape.docText/docCode; the tags added here (`@example`, `@deprecated`) are ours.
 */
import type { EnumIR, FieldIR, MethodIR, ModelIR, ScalarTypeIR } from '../ir/types.js';
import { docCode, docText } from './escape.js';

const FORMAT_NOTES: Record<string, string> = {
  date: 'Format: `yyyy-MM-dd HH:mm:ss` (UTC+8).',
  price: 'Price: a decimal string in yuan, at most 2 decimals.',
};

/** Said of top-level params, which share the Request type with biz_content fields. */
const TOP_LEVEL_NOTE = 'Sent as a top-level form param, not inside `biz_content`.';

export function fieldDoc(field: FieldIR, enums: readonly EnumIR[], topLevel = false): string {
  const lines: string[] = [];
  if (field.description) lines.push(docText(field.description), '');
  const scalar: ScalarTypeIR | undefined =
    field.type.kind === 'array' ? (field.type.items.kind === 'object' ? undefined : field.type.items) : field.type.kind === 'object' ? undefined : field.type;
  if (field.type.kind === 'array') lines.push('A list.' + (scalar ? ' Each item:' : ''));
  if (scalar) {
    if (scalar.maxLength !== undefined) lines.push(`Max length: ${scalar.maxLength}.`);
    const note = FORMAT_NOTES[scalar.kind];
    if (note) lines.push(note);
    if (scalar.enumId !== undefined) lines.push(...enumLines(enums[scalar.enumId]!));
  }
  if (field.requiredIf) {
    const cond = field.requiredIf.equals === undefined ? 'is present' : `is ${docCode(field.requiredIf.equals)}`;
    lines.push(`Required when ${docCode(field.requiredIf.field)} ${cond}.`);
  } else if (field.required === 'conditional') {
    lines.push('Conditionally required (特殊可选): see the description.');
  }
  // Before the tags: text after `@example` would read as part of the example.
  if (topLevel) lines.push(TOP_LEVEL_NOTE);
  if (field.example !== undefined) lines.push(`@example ${docText(String(field.example))}`);
  if (field.deprecated !== undefined && field.deprecated !== false) {
    lines.push(field.deprecated === true ? '@deprecated' : `@deprecated ${docText(field.deprecated)}`);
  }
  return trimBlank(lines);
}

function enumLines(e: EnumIR): string[] {
  return [
    'Values:',
    ...e.values.map((v) => `- ${docCode(v.value)}${v.description ? `: ${docText(v.description).replace(/\n/g, ' ')}` : ''}`),
  ];
}

export function enumDoc(e: EnumIR): string {
  return trimBlank([`Documented values of \`${docText(e.nameHint)}\`.`, ...enumLines(e)]);
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
