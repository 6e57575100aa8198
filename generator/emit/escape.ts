/**
 * The one escaping layer: every piece of spec text that reaches generated code goes through a
 * function of this module, chosen by where the text lands (identifier, type member key, object
 * literal key, string literal, doc comment, Markdown cell). Code elsewhere never splices spec
 * text into output by hand, so injection is impossible by construction (fast-check tests this).
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

/** A JavaScript/TypeScript string literal whose value is exactly `value`. */
export function stringLiteral(value: string): string {
  // JSON.stringify escapes quotes, backslashes, control characters and lone surrogates; the
  // line/paragraph separators are legal in ES2019+ literals but escaped for older tooling.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A property name in an interface or type literal: bare when it is an IdentifierName, else quoted. */
export function typeMemberKey(name: string): string {
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/**
 * A property name in an object literal. `__proto__` (bare or quoted) would set the prototype
 * instead of creating a property, so it becomes a computed key.
 */
export function objectLiteralKey(name: string): string {
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/** Property read `<object>[<name>]` with the name as a string literal (works for every name). */
export function elementAccess(objectExpression: string, name: string): string {
  return `${objectExpression}[${stringLiteral(name)}]`;
}

/**
 * Text for a JSDoc comment body: `*\/` cannot close the comment, an `@` at a line start or after
 * whitespace (where TypeScript sees a tag) becomes `\@`, and every line break is a plain `\n`
 * (the printer adds the ` * ` prefixes).
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/(^|\s)@/g, '$1\\@');
}

/** A value in inline code inside a doc comment: backticks cannot end the code span. */
export function docCode(text: string): string {
  return '`' + docText(text).replace(/`/g, "'").replace(/\n/g, ' ') + '`';
}

/** Text in a Markdown table cell or heading: one line, no HTML, no table or emphasis syntax. */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|[\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;');
}
