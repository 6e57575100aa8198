import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import {
  docText,
  elementAccess,
  identifier,
  markdownText,
  objectLiteralKey,
  stringLiteral,
  typeMemberKey,
} from '../../generator/emit/escape.js';
import { docComment } from '../../generator/emit/printer.js';
import { pascalName } from '../../generator/plan/names.js';

/** Strings biased towards the characters that break code: quotes, comment ends, escapes, separators. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(fc.constantFrom('*/', '/*', '"', "'", '`', '${', '}', '\\', '\n', '\r', '\u2028', '\u2029', '@param', ' @see', '__proto__', 'constructor', '-', ' ', '0', 'é', '名', '\ud800', 'a'), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

function syntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('escape', () => {
  it('stringLiteral: parses and evaluates back to the input', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const lit = stringLiteral(s);
        expect(syntaxErrors(`export const x = ${lit};`)).toEqual([]);
        expect(runInNewContext(`(${lit})`)).toBe(s);
      }),
    );
  });

  it('typeMemberKey: an interface member whose name is the input', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const code = `interface X { ${typeMemberKey(s)}?: string; }`;
        expect(syntaxErrors(code)).toEqual([]);
        const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022);
        const member = (file.statements[0] as ts.InterfaceDeclaration).members[0]!;
        expect((member.name as ts.Identifier | ts.StringLiteral).text).toBe(s);
      }),
      // Found by this property: Node's \p{ID_Start} accepts CJK Extension H, TypeScript's scanner does not.
      { examples: [['\u{323B0}'], ['名称'], ['é']] },
    );
  });

  it('objectLiteralKey: creates an own property named as the input (__proto__ included)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const code = `({ ${objectLiteralKey(s)}: 1 })`;
        expect(syntaxErrors(code)).toEqual([]);
        const obj = runInNewContext(code) as object;
        expect(Object.keys(obj)).toEqual([s]);
        expect(Object.getPrototypeOf(obj)).not.toBeNull();
      }),
    );
    expect(objectLiteralKey('__proto__')).toBe('["__proto__"]');
  });

  it('elementAccess reads the own property of any name', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const o = JSON.parse(`{${JSON.stringify(s)}: 42}`) as unknown;
        expect(runInNewContext(elementAccess('o', s), { o })).toBe(42);
      }),
    );
  });

  it('docText: the comment cannot be closed or gain tags', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const code = `${docComment(docText(s))}\nexport const x = 1;`;
        expect(syntaxErrors(code)).toEqual([]);
        const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
        expect(file.statements).toHaveLength(1);
        expect(ts.getJSDocTags(file.statements[0]!)).toHaveLength(0);
      }),
    );
    expect(docText('a */ b')).not.toContain('*/');
    expect(docText('x\n@deprecated no')).toBe('x\n\\@deprecated no');
  });

  it('markdownText keeps a table cell on one line and inert', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const cell = markdownText(s);
        expect(cell).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(cell).not.toMatch(/(^|[^\\])[|<`]/);
      }),
    );
  });

  it('identifier rejects what cannot name a binding; pascalName always yields one', () => {
    expect(() => identifier('default')).toThrow();
    expect(() => identifier('a-b')).toThrow();
    expect(identifier('MerchantCard')).toBe('MerchantCard');
    fc.assert(
      fc.property(hostile, (s) => {
        const name = pascalName(s, 'Model');
        expect(identifier(name)).toBe(name);
      }),
    );
  });
});
