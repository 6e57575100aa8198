/**
 * One-of groups: the ones a layout read from the page's own mark (`以下参数 二选一 传入`), checked
 * against the fields made, and the ones a description states in words (`与out_trade_no二选一`,
 * "either auth_no or out_order_no"), which are a reading of prose and so always a warning. A
 * group whose member the page marks required (必选) contradicts itself: dropped with a warning.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { Field, OneOfGroup } from '../../spec/model.js';
import type { OneOfRows, Position } from '../page-model.js';
import { isWordChar, skipSpace } from '../text.js';

type LocalDiagnostic = Omit<Diagnostic, 'file'>;

/** The stated groups among `fields` as spec groups; every problem (a name that is no field, a required member) a warning. */
export function statedGroups(stated: readonly OneOfRows[] | undefined, fields: readonly Field[], what: string, diagnostics: LocalDiagnostic[]): OneOfGroup[] {
  const groups: OneOfGroup[] = [];
  for (const g of stated ?? []) {
    const problem = groupProblem(g.names, fields);
    const list = g.names.map((n) => `\`${n}\``).join(', ');
    if (problem !== undefined) {
      warn(diagnostics, g.pos, `one-of group (${list}) ${what}: ${problem}: not kept`);
      continue;
    }
    warn(diagnostics, g.pos, `one-of group ${what}: exactly one of ${list} (read as the fields without a required marker right after \`以下参数 二选一 传入\`; check where the group ends)`);
    groups.push([...g.names]);
  }
  return groups;
}

/** Why `names` cannot be a group of `fields`; undefined when it can. */
function groupProblem(names: readonly string[], fields: readonly Field[]): string | undefined {
  if (new Set(names).size !== names.length) return 'a field is listed twice';
  for (const name of names) {
    const field = fields.find((f) => f.name === name);
    if (!field) return `\`${name}\` is not a field there`;
    if (field.required === true) return `the page marks \`${name}\` required (必选)`;
  }
  return names.length >= 2 ? undefined : 'it has fewer than two fields';
}

/**
 * Groups stated in the descriptions of `fields` (each pair once, in doc order), as warnings at the
 * describing field. Only sibling names count; the field's own name may be one of the two.
 */
export function describedGroups(fields: readonly Field[], where: (f: Field) => Position, existing: readonly OneOfGroup[], diagnostics: LocalDiagnostic[]): OneOfGroup[] {
  const names = new Set(fields.map((f) => f.name));
  const seen = new Set(existing.flatMap((g) => g.map((n) => n)));
  const groups: OneOfGroup[] = [];
  for (const field of fields) {
    const pair = describedPair(field.description, field.name, names);
    if (!pair || pair.some((n) => seen.has(n))) continue;
    const problem = groupProblem(pair, fields);
    if (problem !== undefined) {
      warn(diagnostics, where(field), `the description of \`${field.name}\` says one of \`${pair[0]}\`, \`${pair[1]}\`, but ${problem}: no group kept`);
      continue;
    }
    for (const n of pair) seen.add(n);
    groups.push(pair);
    warn(diagnostics, where(field), `the description of \`${field.name}\` reads as a one-of group: exactly one of \`${pair[0]}\`, \`${pair[1]}\` (oneOf; check the page)`);
  }
  return groups;
}

const ZH_LINKS = ['和', '与', '或', '、', ',', '，', '/'];
const ZH_MARKS = ['二选一', '两者选一', '必须二选一', '只能二选一', '选其一'];

/** `a和b二选一`, `与b二选一` (the field itself and b), `either a or b`: the two names, or undefined. */
function describedPair(description: string | undefined, self: string, names: ReadonlySet<string>): [string, string] | undefined {
  if (!description) return undefined;
  const words = identifiers(description);
  const either = /\beither\s+(?:the\s+)?[*`'"]*([A-Za-z_][A-Za-z0-9_]*)[*`'"]*\s+(?:parameter\s+|field\s+)?or\s+(?:the\s+)?[*`'"]*([A-Za-z_][A-Za-z0-9_]*)/i.exec(description);
  if (either && names.has(either[1]!) && names.has(either[2]!) && either[1] !== either[2]) return [either[1]!, either[2]!];
  for (const w of words) {
    if (!names.has(w.name)) continue;
    const mark = (at: number) => ZH_MARKS.some((m) => description.startsWith(m, skipSpace(description, at)));
    // `与b二选一`: the field itself and b.
    const before = description.slice(Math.max(0, w.start - 1), w.start);
    if ((before === '与' || before === '和') && mark(w.end) && w.name !== self) return [self, w.name];
    // `a和b二选一`.
    const link = skipSpace(description, w.end);
    if (!ZH_LINKS.includes(description[link] ?? '')) continue;
    const next = words.find((x) => x.start === skipSpace(description, link + 1));
    if (next && next.name !== w.name && names.has(next.name) && mark(next.end)) return [w.name, next.name];
  }
  return undefined;
}

function identifiers(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordChar(text[i]!)) i++;
    out.push({ name: text.slice(start, i), start, end: i });
  }
  return out;
}

function warn(diagnostics: LocalDiagnostic[], pos: Position, message: string): void {
  diagnostics.push({ severity: 'warning', line: pos.line, col: pos.col, message });
}
