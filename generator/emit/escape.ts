/**
 * The one escaping layer: every piece of spec text that reaches generated code goes through a
 * function of this module, chosen by where the text lands (identifier, type member key, object
 * literal key, string literal, doc comment, Markdown cell). Code elsewhere never splices spec
 * text into output by hand, so injection is impossible by construction (fast-check tests this).
 */

// Identifier rules are shared with the planner (which must not depend on emit): re-exported here.
export { identifier, isIdentifierName, isReservedWord, toIdentifierParts } from '../shared/identifiers.js';
import { isIdentifierName } from '../shared/identifiers.js';

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
