/**
 * Whether a description says its documented values are not all of them: 包括但不限于, 不限于,
 * 更多, "including but not limited to", "such as", "etc.", "new types might/may be added". Then
 * the enum is kept as an open enum (enumOpen), with a warning for the reviewer. Plain `等` is not
 * taken (it also closes exhaustive lists in the docs: 微卡、炫酷卡...等 names the kinds shown).
 */
const PHRASES = ['包括但不限于', '包括但不仅限于', '不限于', '不仅限于', '更多类型', '后续可能', '可能会增加', '可能新增', '以后可能'];
const ENGLISH = [
  /\bincluding but not limited to\b/i,
  /\bbut not limited to\b/i,
  /\bsuch as\b/i,
  /\betc\./i,
  /\bnew (?:types|values)\b[^.]*\b(?:might|may|will|can|could)\b/i,
  /\b(?:more|other) values (?:might|may|will|can|could)\b/i,
];

/** The phrase that opens the value set, or undefined. */
export function openEnumPhrase(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const zh = PHRASES.find((p) => description.includes(p));
  if (zh !== undefined) return zh;
  for (const re of ENGLISH) {
    const m = re.exec(description);
    if (m) return m[0];
  }
  return undefined;
}
