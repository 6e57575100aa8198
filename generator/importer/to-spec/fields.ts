/**
 * Parameter rows of the page model -> spec fields: splits a joined description/example text,
 * rebuilds the nested tree where the layout lost it (tree.ts) and reads enums and `requiredIf`
 * out of descriptions. `root` is the example JSON object of this section (biz_content, the
 * top-level params, or the `<method>_response` object), used as evidence; it may be undefined.
 * `where` records the doc position of every field made, for later diagnostics.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Field, OneOfGroup, Shape } from '../../spec/model.js';
import { isContainer, parseExample } from '../columns.js';
import type { FlatRow, OneOfRows, ParamColumns, ParamRow, Position, RowText } from '../page-model.js';
import { parseEnum } from './enum.js';
import { describedGroups, statedGroups } from './one-of.js';
import { openEnumPhrase } from './open-enum.js';
import { objectsAt, scalarsAt } from './evidence.js';
import { parseRequiredIf } from './required-if.js';
import { splitTail } from './row-tail.js';
import { resolveTree, type TreeItem, type TreeNode } from './tree.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;
export type FieldPositions = Map<Field, Position>;

/**
 * `groups`: whether the section's own level may hold one-of groups (the request's; a response has
 * none at its top level), and the ones the page states there. Returns the groups of that level.
 */
export function buildFields(
  rows: readonly ParamRow[],
  root: unknown,
  where: FieldPositions,
  groups: { stated?: readonly OneOfRows[]; what: string } | undefined = undefined,
): { fields: Field[]; diagnostics: LocalDiagnostic[]; oneOf: OneOfGroup[] } {
  const diagnostics: LocalDiagnostic[] = [];
  const fields = rows.map((row) => fromRow(row, [], root, where, diagnostics));
  const stated = groups ? statedGroups(groups.stated, fields, groups.what, diagnostics) : [];
  const described = annotate(fields, where, diagnostics, groups !== undefined ? stated : undefined);
  return { fields, diagnostics, oneOf: [...stated, ...described] };
}

/** One row and (recursively) the rows below it; `parentPath` locates its example objects under `root`. */
function fromRow(row: ParamRow, parentPath: readonly string[], root: unknown, where: FieldPositions, diagnostics: LocalDiagnostic[]): Field {
  const field = makeField(row, rowText(row, parentPath, root, diagnostics));
  if (row.enum) setEnum(field, row, diagnostics);
  where.set(field, row.pos);
  const path = [...parentPath, row.name];
  const nested = row.nested;
  const count = nested.kind === 'tree' ? nested.children.length : nested.rows.length;
  if (count === 0) {
    if (holdsObjects(field)) {
      const what = field.type === 'array' ? `a list of ${field.items?.model ?? 'objects'}` : (field.model ?? 'an object');
      diagnostics.push({ severity: 'warning', line: row.pos.line, col: row.pos.col, message: `field \`${row.name}\` is ${what} whose fields the page does not show: kept as an open object (any object accepted); add its fields from the model's page` });
    }
    return field;
  }
  if (!isContainer(row.type)) {
    const first = nested.kind === 'tree' ? nested.children[0]! : nested.rows[0]!;
    diagnostics.push(error(first.pos, `nested fields under \`${row.name}\`, whose type is not an object type`));
    return field;
  }
  switch (nested.kind) {
    case 'tree': {
      const children = nested.children.map((c) => fromRow(c, path, root, where, diagnostics));
      setChildren(field, children);
      const groups = statedGroups(row.oneOf, children, `under \`${row.name}\``, diagnostics);
      if (groups.length > 0) objectShape(field)!.oneOf = groups;
      return field;
    }
    case 'flat': {
      const items = nested.rows.map((r) => ({ row: r, name: r.name, marker: r.marked, container: isContainer(r.type), line: r.pos.line }));
      const tree = resolveTree(row.name, items, (p) => objectsAt(root, [...parentPath, ...p]));
      for (const w of tree.warnings) diagnostics.push({ severity: 'warning', line: w.line, col: 1, message: w.message });
      setChildren(field, tree.children.map((node) => fromNode(node, path, root, where, diagnostics)));
      return field;
    }
  }
}

type FlatItem = TreeItem & { row: FlatRow };

/** A field placed by the tree resolver; `parentPath` is where the resolver put it. */
function fromNode(node: TreeNode<FlatItem>, parentPath: readonly string[], root: unknown, where: FieldPositions, diagnostics: LocalDiagnostic[]): Field {
  const row = node.item.row;
  const field = makeField(row, rowText(row, parentPath, root, diagnostics));
  where.set(field, row.pos);
  const path = [...parentPath, row.name];
  if (node.children.length > 0) setChildren(field, node.children.map((c) => fromNode(c, path, root, where, diagnostics)));
  return field;
}

interface Text {
  description?: string;
  example?: string;
}

/** The row's description and example; a joined text is split with the example JSON's value of the field. */
function rowText(row: ParamRow | FlatRow, parentPath: readonly string[], root: unknown, diagnostics: LocalDiagnostic[]): Text {
  switch (row.text.kind) {
    case 'joined': {
      const shown = scalarsAt(root, parentPath, row.name).map(String);
      return splitTail(row.text.lines.map((l) => l.text), isContainer(row.type), shown);
    }
    case 'separate':
      return separateText(row, row.text, diagnostics);
  }
}

function separateText(row: { name: string; type: ParamColumns['type']; pos: Position }, text: RowText & { kind: 'separate' }, diagnostics: LocalDiagnostic[]): Text {
  const { description, example } = text;
  if (example === undefined || !isContainer(row.type)) return { ...(description !== undefined && { description }), ...(example !== undefined && { example }) };
  // Objects have no example: a second text cell is more description.
  diagnostics.push({ severity: 'warning', line: row.pos.line, col: row.pos.col, message: `object field \`${row.name}\` has an example bullet; kept it as part of the description` });
  return { description: description === undefined ? example : `${description}\n${example}` };
}

function makeField(cols: ParamColumns & { name: string }, text: Text): Field {
  const field: Field = { name: cols.name, type: cols.type.type, required: cols.required };
  if (cols.type.model) field.model = cols.type.model;
  // Kept on objects too: the page documents it (the generator shows it in docs, validators ignore it).
  if (cols.maxLength !== null) field.maxLength = cols.maxLength;
  if (text.description) field.description = text.description;
  if (text.example !== undefined && !isContainer(cols.type)) field.example = parseExample(text.example, cols.type);
  if (cols.type.items) field.items = { ...cols.type.items };
  return field;
}

/** A listed enum goes on the scalar the field holds (the field, or a list's items). */
function setEnum(field: Field, row: ParamRow, diagnostics: LocalDiagnostic[]): void {
  const target = scalarTarget(field);
  if (target) {
    target.enum = row.enum!.map((e) => ({ ...e }));
    if (row.enumOpen) target.enumOpen = true;
  } else diagnostics.push({ severity: 'warning', line: row.pos.line, col: row.pos.col, message: `field \`${row.name}\` lists enum values but is ${field.type === 'array' ? 'a list of objects' : 'an object'}: left them out` });
}

/** The scalar shape of a field that can have an enum: itself, or the items of a list of scalars. */
function scalarTarget(field: Field): Shape | undefined {
  if (field.type === 'array') return field.items && field.items.type !== 'object' ? field.items : undefined;
  return field.type === 'object' ? undefined : field;
}

/** Whether the field is an object or a list of objects. */
function holdsObjects(field: Field): boolean {
  return field.type === 'object' || (field.type === 'array' && field.items?.type === 'object');
}

/** The object shape of a field that holds objects: itself, or its items. */
function objectShape(field: Field): Shape | undefined {
  if (field.type === 'object') return field;
  return field.type === 'array' && field.items?.type === 'object' ? field.items : undefined;
}

function setChildren(field: Field, children: Field[]): void {
  if (field.type === 'array' && field.items) field.items.fields = children;
  else field.fields = children;
}

/**
 * Enums, open enums, requiredIf and one-of groups in words, which need the description, the
 * example and the siblings. `groups`: the level's stated groups when it may hold groups; returns
 * the groups its descriptions state (none when it may not).
 */
function annotate(siblings: readonly Field[], where: FieldPositions, diagnostics: LocalDiagnostic[], groups: readonly OneOfGroup[] | undefined): OneOfGroup[] {
  const names = new Set(siblings.map((f) => f.name));
  const posOf = (f: Field) => where.get(f) ?? { line: 1, col: 1 };
  for (const field of siblings) {
    const pos = posOf(field);
    const target = scalarTarget(field);
    // An enum the layout listed apart is taken as listed; otherwise the description may hold one.
    if (target && !target.enum) {
      const found = parseEnum(field.description, field.example);
      if (found.values) target.enum = found.values;
      if (found.warning) diagnostics.push({ severity: 'warning', line: pos.line, col: pos.col, message: `field \`${field.name}\`: ${found.warning}` });
    }
    const phrase = target?.enum && !target.enumOpen ? openEnumPhrase(field.description) : undefined;
    if (phrase !== undefined) {
      target!.enumOpen = true;
      diagnostics.push({ severity: 'warning', line: pos.line, col: pos.col, message: `field \`${field.name}\`: the description says the values are not all listed ("${phrase}"): kept them as an open enum (enumOpen: true)` });
    }
    const requiredIf = parseRequiredIf(field.description, names, field.name);
    if (requiredIf) field.requiredIf = requiredIf;
    const shape = objectShape(field);
    const children = shape?.fields;
    if (shape && children) {
      const found = annotate(children, where, diagnostics, shape.oneOf ?? []);
      if (found.length > 0) shape.oneOf = [...(shape.oneOf ?? []), ...found];
    }
  }
  return groups === undefined ? [] : describedGroups(siblings, posOf, groups, diagnostics);
}

function error(pos: Position, message: string): LocalDiagnostic {
  return { severity: 'error', line: pos.line, col: pos.col, message };
}
