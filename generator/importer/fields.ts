/**
 * Parsed table rows -> spec fields: splits each row's description from its example, rebuilds the
 * nested tree from the bullets (tree.ts) and reads enums and `requiredIf` out of descriptions.
 * `root` is the example JSON object of this section (biz_content, or the `<method>_response`
 * object), used as evidence; it may be undefined.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Field } from '../spec/model.js';
import { isContainer, parseExample } from './columns.js';
import { parseEnum } from './enum.js';
import { objectsAt, scalarsAt } from './evidence.js';
import { parseRequiredIf } from './required-if.js';
import { splitTail } from './row-tail.js';
import type { BulletGroup, Columns, TopRow } from './table.js';
import { resolveTree, type TreeNode } from './tree.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

export function buildFields(rows: readonly TopRow[], root: unknown): { fields: Field[]; diagnostics: LocalDiagnostic[] } {
  const diagnostics: LocalDiagnostic[] = [];
  const lines = new Map<Field, number>();
  const fields: Field[] = [];

  for (const row of rows) {
    const container = isContainer(row.type);
    const shown = scalarsAt(root, [], row.name).map(String);
    const tail = splitTail(row.tail.map((l) => l.text), container, shown);
    const field = makeField(row.name, row, tail.description, tail.example);
    lines.set(field, row.line);
    fields.push(field);
    if (row.bullets.length === 0) continue;
    if (!container) {
      diagnostics.push(error(row.bullets[0]!.line, `nested fields under \`${row.name}\`, whose type is not an object type`));
      continue;
    }
    const items = row.bullets.map((b) => ({ ...b, container: isContainer(b.type) }));
    const tree = resolveTree(row.name, items, (path) => objectsAt(root, path));
    for (const w of tree.warnings) diagnostics.push({ severity: 'warning', line: w.line, col: 1, message: w.message });
    setChildren(field, tree.children.map((node) => fromNode(node, lines, diagnostics)));
  }
  annotate(fields, lines, diagnostics);
  return { fields, diagnostics };
}

function fromNode(node: TreeNode<BulletGroup & { container: boolean }>, lines: Map<Field, number>, diagnostics: LocalDiagnostic[]): Field {
  const b = node.item;
  let description = b.description;
  let example = b.example;
  if (b.container && example !== undefined) {
    // Objects have no example: a second text bullet is more description.
    diagnostics.push({ severity: 'warning', line: b.line, col: 1, message: `object field \`${b.name}\` has an example bullet; kept it as part of the description` });
    description = description === undefined ? example : `${description}\n${example}`;
    example = undefined;
  }
  const field = makeField(b.name, b, description, example);
  lines.set(field, b.line);
  if (node.children.length > 0) setChildren(field, node.children.map((c) => fromNode(c, lines, diagnostics)));
  return field;
}

function makeField(name: string, cols: Columns, description: string | undefined, example: string | undefined): Field {
  const field: Field = { name, type: cols.type.type, required: cols.required };
  if (cols.type.model) field.model = cols.type.model;
  // Kept on objects too: the page documents it (the generator shows it in docs, validators ignore it).
  if (cols.maxLength !== null) field.maxLength = cols.maxLength;
  if (description) field.description = description;
  if (example !== undefined && !isContainer(cols.type)) field.example = parseExample(example, cols.type);
  if (cols.type.items) field.items = { ...cols.type.items };
  return field;
}

function setChildren(field: Field, children: Field[]): void {
  if (field.type === 'array' && field.items) field.items.fields = children;
  else field.fields = children;
}

/** Enums and requiredIf, which need the description, the example and the siblings. */
function annotate(siblings: readonly Field[], lines: Map<Field, number>, diagnostics: LocalDiagnostic[]): void {
  const names = siblings.map((f) => f.name);
  for (const field of siblings) {
    const line = lines.get(field) ?? 1;
    const scalarTarget = field.type === 'array' ? (field.items && field.items.type !== 'object' ? field.items : undefined) : field.type === 'object' ? undefined : field;
    if (scalarTarget) {
      const found = parseEnum(field.description, field.example);
      if (found.values) scalarTarget.enum = found.values;
      if (found.warning) diagnostics.push({ severity: 'warning', line, col: 1, message: `field \`${field.name}\`: ${found.warning}` });
    }
    const requiredIf = parseRequiredIf(field.description, names.filter((n) => n !== field.name));
    if (requiredIf) field.requiredIf = requiredIf;
    const children = field.fields ?? field.items?.fields;
    if (children) annotate(children, lines, diagnostics);
  }
}

function error(line: number, message: string): LocalDiagnostic {
  return { severity: 'error', line, col: 1, message };
}
