/**
 * Masks personal data (phone numbers, ID card numbers, bank card numbers and similar digit runs) in
 * text that ends up in error messages, so errors can be logged without leaking it.
 */

// Digit groups of 3+ joined by single spaces or dashes (phone and card numbers are often grouped,
// dates like 2024-05-13 are not matched as one run), with an optional trailing X (the check digit
// of a Chinese resident ID). Runs of fewer than 7 digits (codes like 40004, amounts) are kept.
const DIGIT_RUN = /\d{3,}(?:[ -]\d{3,})*[Xx]?/g;
const MIN_DIGITS = 7;

function maskRun(run: string): string {
  const chars = run.split('');
  const digitIndexes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c !== ' ' && c !== '-') digitIndexes.push(i);
  }
  if (digitIndexes.length < MIN_DIGITS) return run;
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
