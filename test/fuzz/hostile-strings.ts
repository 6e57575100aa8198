/**
 * Strings that break generated code when a generator pastes them unescaped: quote and comment
 * terminators, template and handlebars syntax, line separators, prototype keys, reserved words,
 * odd unicode and sheer length. The `MARK` payloads set globalThis.__pwned if they ever run.
 */
import type { Rng } from './random.js';

export const MARK = 'globalThis.__pwned=1';

const PAYLOADS = [
  `'; ${MARK}; '`,
  `"; ${MARK}; "`,
  `*/ ${MARK}; /*`,
  `\${${MARK}}`,
  `\`; ${MARK}; \``,
  `\`+(${MARK})+\``,
  `\n${MARK};//`,
  `\u2028${MARK};//`,
  `\u2029${MARK}//`,
  `\\'; ${MARK}; //`,
  `</script><script>${MARK}</script>`,
  `{{${MARK}}}`,
  `}); ${MARK}; ({`,
  `'+${MARK}+'`,
];

const FRAGMENTS = [
  '\\', "'\\'", 'a/*b', '*/', '/*', '//', '${}', '${x}', '`', '``', '"', "'", '{{x}}', '{{{x}}}', '{{#each this}}', '-->', '<!--',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  'class', 'delete', 'default', 'await', 'yield', 'enum', 'import', 'export', 'function', 'new', 'this', 'void', 'typeof', 'let',
  'null', 'undefined', 'NaN', 'Infinity', 'then', 'any', 'never', 'unknown', 'string', 'Object', 'Array', 'Promise', 'Error',
  '中文字段', '参数', '😀', '👨‍👩‍👧', '\u200B', '\u202E', '\u00A0', '\uFEFF', '\u0000', '\t', '\r\n', '\u2028', '\u2029', '\uD800',
  '0abc', '1', '-', 'a-b', 'a b', 'a.b', ' ', '$', '_', '#private', '@decorator', '?', '!', '%s', '&amp;', '<T>', 'a"b', "a'b",
];

/** A hostile string: a fragment, a payload, a mix, or a very long name. */
export function hostileString(rng: Rng): string {
  const roll = rng.int(10);
  if (roll < 3) return rng.pick(PAYLOADS);
  if (roll < 7) return rng.pick(FRAGMENTS);
  if (roll < 9) return `${rng.pick(FRAGMENTS)}${rng.pick(PAYLOADS)}${rng.pick(FRAGMENTS)}`;
  return rng.pick(['a', '中', 'x_', '😀']).repeat(200 + rng.int(3000));
}

const SEGMENTS = ['__proto__', 'constructor', 'prototype', 'toString', 'class', 'delete', 'default', 'await', 'enum', 'import', 'new', '0', '_', 'then', 'index', 'runtime', 'client'];

/** A method name the loader accepts (`seg.seg...`) built from prototype keys, reserved words and long segments. */
export function hostileMethod(rng: Rng, unique: number): string {
  const segs: string[] = [];
  const n = 1 + rng.int(3);
  for (let i = 0; i < n; i++) segs.push(rng.chance(0.1) ? 'a'.repeat(50 + rng.int(200)) : rng.pick(SEGMENTS));
  // At most 200 characters: `methods/<method>.d.ts.map` must stay a legal file name (255 bytes).
  return `${segs.join('.').slice(0, 190).replace(/\.+$/, '')}.m${unique}`;
}

/** A valid method name of exactly `length` characters (for the file-name-limit cases). */
export function longMethod(length: number): string {
  const head = 'alipay.';
  const tail = '.query';
  return head + 'a'.repeat(length - head.length - tail.length) + tail;
}
