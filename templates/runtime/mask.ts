/**
 * Masks personal data (phone numbers, ID card numbers, bank card numbers and similar digit runs) in
 * text that ends up in error messages, so errors can be logged without leaking it.
 */

// 7+ digits, optionally split by single spaces or dashes (card numbers are often grouped), with an
// optional trailing X (the check digit of a Chinese resident ID). Shorter runs (codes like 40004,
// amounts, dates) are left alone.
const DIGIT_RUN = /\d(?:[ -]?\d){6,}[Xx]?/g;

function maskRun(run: string): string {
  const chars = run.split('');
  const digitIndexes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c !== ' ' && c !== '-') digitIndexes.push(i);
  }
  // Long numbers keep the first 3 and last 4 (138****5678), shorter ones only the last 2.
  const keepHead = digitIndexes.length >= 11 ? 3 : 0;
  const keepTail = digitIndexes.length >= 11 ? 4 : 2;
  for (let k = keepHead; k < digitIndexes.length - keepTail; k++) {
    chars[digitIndexes[k]!] = '*';
  }
  return chars.join('');
}

/** Returns `text` with every run of 7 or more digits masked. */
export function maskPersonalData(text: string): string {
  return text.replace(DIGIT_RUN, maskRun);
}
