/**
 * Masks personal data (phone numbers, ID card numbers, bank card numbers and similar digit runs) in
 * text that ends up in error messages, so errors can be logged without leaking it.
 */
/** Returns `text` with every run of 7 or more digits masked. */
export declare function maskPersonalData(text: string): string;
