/**
 * Ways the same phone, bank card or ID number is written in gateway messages: separators,
 * groupings, full-width and other scripts' digits, odd spaces. Each format keeps every digit, so
 * a mask that misses the format leaves the whole number readable.
 */
export const PII_NUMBERS = {
  phone: { digits: '13812345678', groups: [3, 4, 4] },
  bankCard: { digits: '6222021234567890123', groups: [4, 4, 4, 4, 3] },
  idNumber: { digits: '11010519491231002X', groups: [6, 8, 4] },
} as const;

export type PiiKind = keyof typeof PII_NUMBERS;

function grouped(digits: string, groups: readonly number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const g of groups) {
    out.push(digits.slice(at, at + g));
    at += g;
  }
  return out.join(sep);
}

function script(zero: number): (digits: string) => string {
  return (d) => d.replace(/[0-9]/g, (c) => String.fromCodePoint(zero + Number(c)));
}

type Format = (digits: string, groups: readonly number[]) => string;

const sep = (s: string): Format => (d, g) => grouped(d, g, s);

export const PII_FORMATS: Record<string, Format> = {
  plain: (d) => d,
  'groups with space': sep(' '),
  'groups with dash': sep('-'),
  'groups with dot': sep('.'),
  'groups with slash': sep('/'),
  'groups with underscore': sep('_'),
  'groups with spaced dash ( - )': sep(' - '),
  'groups with double space': sep('  '),
  'groups with non-breaking space': sep('\u00A0'),
  'groups with narrow no-break space': sep('\u202F'),
  'groups with thin space': sep('\u2009'),
  'groups with ideographic space': sep('\u3000'),
  'groups with tab': sep('\t'),
  'groups with newline': sep('\n'),
  'groups with comma': sep(','),
  'groups with colon': sep(':'),
  'groups with en dash': sep('\u2013'),
  'groups with full-width hyphen': sep('\uFF0D'),
  'groups with zero-width space': sep('\u200B'),
  'digit by digit spacing': (d) => d.split('').join(' '),
  'digit by digit dashes': (d) => d.split('').join('-'),
  'full-width digits': (d) => d.replace(/[0-9]/g, (c) => String.fromCodePoint(0xff10 + Number(c))),
  'full-width digits grouped': (d, g) => grouped(script(0xff10)(d), g, ' '),
  'Arabic-Indic digits': script(0x0660),
  'extended Arabic-Indic digits': script(0x06f0),
  'Devanagari digits': script(0x0966),
  'mixed full-width and ASCII': (d) => d.replace(/[0-9]/g, (c, i: number) => (i % 2 === 0 ? String.fromCodePoint(0xff10 + Number(c)) : c)),
  'inside CJK text': (d) => `号码${d}请核实`,
  'after letters (tel:)': (d) => `tel:${d}x`,
  'with +86 prefix': (d, g) => `+86 ${grouped(d, g, ' ')}`,
  'lower-case check digit': (d) => d.toLowerCase(),
};

/** The value of every Unicode decimal digit as ASCII (runs of 10 code points from 0). */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    if (!/\p{Nd}/u.test(ch)) continue;
    let cp = ch.codePointAt(0)!;
    let k = 0;
    while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1)) && k < 60) {
      cp--;
      k++;
    }
    out += String(k % 10);
  }
  return out;
}

/** Whether `output` still shows `digits`: literally as formatted, or digit for digit in any script. */
export function leaks(output: string, formatted: string, digits: string): boolean {
  const bare = digits.replace(/[Xx]$/, '');
  return output.includes(formatted) || asciiDigits(output).includes(bare);
}
