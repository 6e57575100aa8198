/**
 * `oneOf: [[a, b], ...]`: exactly one field of each group is present (the doc's
 * `以下参数 二选一 传入`, "either a or b"). A field is present when its value is not undefined, as
 * for `required`; JSON Schema says the same with one `oneOf` of `required` lists per group (a
 * branch holds when its field is present, so exactly one branch holds when exactly one is sent).
 * A member cannot be `required: true` (the group sends it only when it is the chosen one).
 */
import { isSeq } from 'yaml';
import type { OneOfGroup } from '../../spec/model.js';
import { readList, readString } from '../../spec/reader.js';
import { showValue } from '../../spec/display.js';
import { didYouMean } from '../../spec/suggest.js';
import type { ObjectConstraint, ObjectIR } from './object-constraint.js';

/** Messages name the group, never a value. */
function groupText(group: readonly string[]): string {
  return group.join(', ');
}

export const oneOf: ObjectConstraint<'oneOf'> = {
  name: 'oneOf',
  key: 'oneOf',
  read({ r, entry, fields, path }, target) {
    if (!entry) return;
    const at = [...path, 'oneOf'];
    const groups = readList(r, entry.value, at);
    if (!groups) return;
    const names = fields.map((f) => f.name);
    const out: OneOfGroup[] = [];
    groups.forEach((node, i) => {
      if (!isSeq(node)) return r.report(node, [...at, i], 'a one-of group is a list of sibling field names, e.g. [trade_no, out_trade_no]');
      const members = readList(r, node, [...at, i]) ?? [];
      const group: string[] = [];
      let ok = true;
      members.forEach((m, j) => {
        const name = readString(r, m, [...at, i, j]);
        if (name === undefined) return void (ok = false);
        const field = fields.find((f) => f.name === name);
        if (!field) {
          r.report(m, [...at, i, j], `no sibling field ${showValue(name)}${didYouMean(name, names)}`);
          ok = false;
        } else if (group.includes(name)) {
          r.report(m, [...at, i, j], `${showValue(name)} is listed twice in the group`);
          ok = false;
        } else if (field.required === true) {
          r.report(m, [...at, i, j], `${showValue(name)} has required: true, but a member of a one-of group is sent only when it is the chosen one: make it required: conditional`);
          ok = false;
        }
        group.push(name);
      });
      if (ok && group.length < 2) {
        r.report(node, [...at, i], 'a one-of group needs at least two fields');
        ok = false;
      }
      if (ok) out.push(group);
    });
    if (out.length > 0) target.oneOf = out;
  },
  validator(obj, ctx) {
    return groups(obj).flatMap((group) => [
      '{',
      `  const n = ${group.map((name) => `((${ctx.read(name)}) !== undefined ? 1 : 0)`).join(' + ')};`,
      `  if (n === 0) ${ctx.issue('oneOf', `exactly one of ${groupText(group)} is required, none is present`)}`,
      `  else if (n > 1) ${ctx.issue('oneOf', `exactly one of ${groupText(group)} is allowed, several are present`)}`,
      '}',
    ]);
  },
  objectSchema(obj) {
    const list = groups(obj);
    return list.length === 0 ? {} : { allOf: list.map((group) => ({ oneOf: group.map((name) => ({ required: [name] })) })) };
  },
  tsType(obj, ctx) {
    const list = groups(obj);
    if (list.length === 0) return undefined;
    const typeOf = (name: string) => ctx.typeOf(obj.fields.find((f) => f.name === name)!);
    const branch = (group: readonly string[], chosen: string) =>
      `{ ${group.map((name) => (name === chosen ? `${ctx.key(name)}: ${typeOf(name)};` : `${ctx.key(name)}?: never;`)).join(' ')} }`;
    return list.map((group) => `(${group.map((chosen) => branch(group, chosen)).join(' | ')})`).join(' & ');
  },
  doc(obj, ctx) {
    return groups(obj).map((group) => `Exactly one of ${group.map((n) => ctx.code(n)).join(', ')} is sent.`);
  },
};

/** The groups whose members are all fields of the object (the loader guarantees it; checked again for hand-built IR). */
function groups(obj: ObjectIR): readonly (readonly string[])[] {
  return (obj.oneOf ?? []).filter((g) => g.length >= 2 && g.every((n) => obj.fields.some((f) => f.name === n)));
}
