/**
 * What may be a binding or a bare property name in generated code, and how identifiers are built
 * from spec text. Shared by the planner (which decides names) and the emitters (which check them).
 */

/** Words that cannot name a binding in strict-mode ES modules or TypeScript types. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await arguments eval ' +
    // TypeScript: predefined type names and contextual keywords that cannot name a type.
    'any unknown never object string number boolean symbol bigint undefined intrinsic type as satisfies ' +
    'declare keyof readonly unique infer is asserts namespace module abstract accessor global'
  ).split(' '),
);

// ASCII only: non-ASCII identifier tables differ between Unicode versions (TypeScript's scanner
// rejects characters that Node's \p{ID_Start} accepts, e.g. CJK Extension H), so such names are quoted.
const IDENTIFIER = /^[A-Za-z$_][A-Za-z0-9$_]*$/;

/** True for an ASCII IdentifierName (reserved words included): usable unquoted as a property key. */
export function isIdentifierName(text: string): boolean {
  return IDENTIFIER.test(text);
}

export function isReservedWord(text: string): boolean {
  return RESERVED.has(text);
}

/**
 * Checks a binding name decided by the planner and returns it. Names are built by the planner
 * from spec text with `toIdentifierParts`; reaching here with anything else is a generator bug.
 */
export function identifier(name: string): string {
  if (!isIdentifierName(name) || isReservedWord(name)) throw new Error(`not a safe identifier: ${JSON.stringify(name)}`);
  return name;
}

/**
 * ASCII alphanumeric runs of spec text, for building identifiers (`alipay.marketing.card.query`
 * -> alipay, marketing, card, query). Non-ASCII text gives no parts; callers supply a fallback.
 */
export function toIdentifierParts(text: string): string[] {
  return text.match(/[A-Za-z0-9]+/g) ?? [];
}

