/**
 * Mutations of a doc page, line-based like the damage real text dumps suffer (lost, repeated or
 * reordered lines and blocks, cut-off pages) plus hostile characters and sizes.
 */
import type { Rng } from './random.js';

/** Characters that have broken text parsers: line separators, NUL, BOM, CJK, emoji, lone surrogates. */
export const HOSTILE_CHARS = ['\u2028', '\u2029', '\u0000', '\uFEFF', '中', '参数', '😀', '\uD800', '\r', '\t', '\u00A0', '\u3000', '\u200B', '│', '└', '•'] as const;

const BRACES = ['{{a}: 1}', '{"a":', '}}}}', '[[[', ']]', '{"a": [1, {"b": }]}', '{"x_response": {"code": "10000"}}', '`{}`', '"\\u0000"', '{ "a": 1, "a": 2 }'];

export type Mutation = (lines: string[], rng: Rng) => string[];

function span(lines: readonly string[], rng: Rng): [number, number] {
  const start = rng.int(Math.max(1, lines.length));
  const len = 1 + rng.int(Math.min(30, Math.max(1, lines.length - start)));
  return [start, Math.min(lines.length, start + len)];
}

/** A run of letters of up to 256 KB. */
function longRun(rng: Rng): string {
  // Full-size runs are rare: the importer takes seconds on them, and a few are enough to catch a hang.
  const size = rng.chance(0.03) ? 262_144 : 1 + rng.int(4_000);
  return rng.pick(['a', 'Z', '中', 'x_']).repeat(Math.ceil(size / 2)).slice(0, size);
}

/** JSON (or broken JSON) nested up to 400 levels. */
function deepNesting(rng: Rng): string {
  const depth = 1 + rng.int(400);
  const open = rng.pick(['{"a":', '[', '{"a":[', '{']);
  const close = open === '[' ? ']' : open === '{"a":[' ? ']}' : '}';
  const inner = rng.pick(['1', '"x"', '', 'null']);
  return open.repeat(depth) + inner + (rng.chance(0.8) ? close.repeat(depth) : close.repeat(rng.int(depth)));
}

export const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (l, r) => l.filter((_, i) => i !== r.int(l.length)),
  duplicateLine: (l, r) => {
    const i = r.int(l.length);
    return [...l.slice(0, i + 1), l[i] ?? '', ...l.slice(i + 1)];
  },
  swapLines: (l, r) => {
    const out = [...l];
    const i = r.int(out.length);
    const j = r.int(out.length);
    [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
    return out;
  },
  deleteBlock: (l, r) => {
    const [a, b] = span(l, r);
    return [...l.slice(0, a), ...l.slice(b)];
  },
  duplicateBlock: (l, r) => {
    const [a, b] = span(l, r);
    return [...l.slice(0, b), ...l.slice(a, b), ...l.slice(b)];
  },
  moveBlock: (l, r) => {
    const [a, b] = span(l, r);
    const rest = [...l.slice(0, a), ...l.slice(b)];
    const at = r.int(rest.length + 1);
    return [...rest.slice(0, at), ...l.slice(a, b), ...rest.slice(at)];
  },
  shuffleBlock: (l, r) => {
    const [a, b] = span(l, r);
    const block = l.slice(a, b);
    for (let i = block.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    return [...l.slice(0, a), ...block, ...l.slice(b)];
  },
  cutAtLine: (l, r) => l.slice(0, r.int(l.length)),
  cutInsideLine: (l, r) => {
    const i = r.int(l.length);
    const line = l[i] ?? '';
    return [...l.slice(0, i), line.slice(0, r.int(line.length + 1))];
  },
  hostileChar: (l, r) => {
    const out = [...l];
    const i = r.int(out.length);
    const line = out[i] ?? '';
    const at = r.int(line.length + 1);
    out[i] = line.slice(0, at) + r.pick(HOSTILE_CHARS).repeat(1 + r.int(3)) + line.slice(at);
    return out;
  },
  hostileLine: (l, r) => {
    const at = r.int(l.length + 1);
    const line = r.pick([...HOSTILE_CHARS, ...BRACES, '请求参数', '响应参数', '业务错误码', '  • JSON示例', '参数 类型 是否必填 最大长度 描述 示例值', '  • └ x', '  • ']);
    return [...l.slice(0, at), line, ...l.slice(at)];
  },
  longRun: (l, r) => {
    const out = [...l];
    const i = r.int(out.length);
    out[i] = `${out[i] ?? ''}${longRun(r)}`;
    return out;
  },
  deepNesting: (l, r) => {
    const at = r.int(l.length + 1);
    return [...l.slice(0, at), deepNesting(r), ...l.slice(at)];
  },
  braces: (l, r) => {
    const out = [...l];
    const i = r.int(out.length);
    out[i] = `${out[i] ?? ''} ${r.pick(BRACES)}`;
    return out;
  },
  bom: (l) => [`\uFEFF${l[0] ?? ''}`, ...l.slice(1)],
  blankAll: (l, r) => l.map((line) => (r.chance(0.1) ? '' : line)),
};

/** Relative weights: long runs cost the most time per case, so they are drawn less often. */
const WEIGHTED = Object.keys(MUTATIONS).flatMap((name) => (name === 'longRun' ? [name] : [name, name, name]));

/** 1 to 3 mutations of `text`; returns the page and the names of the mutations applied. */
export function mutatePage(text: string, rng: Rng): { text: string; applied: string[] } {
  let lines = text.split('\n');
  const applied: string[] = [];
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const name = rng.pick(WEIGHTED);
    lines = MUTATIONS[name]!(lines, rng);
    applied.push(name);
  }
  const joiner = rng.chance(0.1) ? '\r\n' : rng.chance(0.05) ? '\u2028' : '\n';
  return { text: lines.join(joiner), applied };
}
