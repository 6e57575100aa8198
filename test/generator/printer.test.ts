/**
 * The printer's format (generator/emit/printer.ts), one snapshot per construct, and the property
 * that makes it safe: a statement prints the same whatever its neighbours hold, because the
 * printer never reads the text it is given (no string/comment state to mislead).
 */
import fc from 'fast-check';
import { StructureKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { stringLiteral } from '../../generator/emit/escape.js';
import { Kind } from '../../generator/emit/kinds.js';
import { declaredConst, declaredFunction, docComment, exportedConst, printFile, type Statement } from '../../generator/emit/printer.js';

describe('printer format', () => {
  it('uses the StructureKind values of ts-morph', () => {
    for (const [name, value] of Object.entries(Kind)) expect(value, name).toBe(StructureKind[name as keyof typeof StructureKind]);
  });

  it('file: statements separated by a blank line, consecutive imports together, one final line break', () => {
    const imp = (m: string): Statement => ({ kind: Kind.ImportDeclaration, moduleSpecifier: m, namedImports: ['a'] });
    expect(printFile(['// header', imp('./a.js'), imp('./b.js'), 'const x = 1;', imp('./c.js')])).toBe(
      '// header\n\nimport { a } from "./a.js";\nimport { a } from "./b.js";\n\nconst x = 1;\n\nimport { a } from "./c.js";\n',
    );
    expect(printFile([])).toBe('\n');
  });

  it('string statement: written as given', () => {
    expect(printFile(['const a = "x";\n  // kept\nb();'])).toBe('const a = "x";\n  // kept\nb();\n');
  });

  it('docs: one line, several lines (empty ones as " *"), refused when they could close the comment', () => {
    expect(docComment('One line.')).toBe('/** One line. */');
    expect(docComment('First.\n\n@example x')).toBe('/**\n * First.\n *\n * @example x\n */');
    expect(() => docComment('a */ b')).toThrow(/\*\//);
    expect(() => printFile([{ kind: Kind.TypeAlias, name: 'T', type: 'string', docs: ['*/'] }])).toThrow(/\*\//);
  });

  it('type alias', () => {
    expect(printFile([{ kind: Kind.TypeAlias, name: 'T', type: '"a" | "b"' }])).toBe('type T = "a" | "b";\n');
    expect(printFile([{ kind: Kind.TypeAlias, name: 'T', isExported: true, docs: ['Doc.'], type: 'never' }])).toBe(
      '/** Doc. */\nexport type T = never;\n',
    );
  });

  it('interface: heritage, members with docs one level in, an empty body', () => {
    expect(
      printFile([
        {
          kind: Kind.Interface,
          name: 'I',
          isExported: true,
          docs: ['Model.'],
          extends: ['A', 'Omit<B, "c">'],
          properties: [
            { name: 'a', type: 'string', docs: ['First.\nSecond.'] },
            { name: '"b c"', type: 'number[]', hasQuestionToken: true },
          ],
        },
      ]),
    ).toBe(
      '/** Model. */\nexport interface I extends A, Omit<B, "c"> {\n  /**\n   * First.\n   * Second.\n   */\n  a: string;\n  "b c"?: number[];\n}\n',
    );
    expect(printFile([{ kind: Kind.Interface, name: 'E', extends: ['ResponseBase'] }])).toBe('interface E extends ResponseBase {\n}\n');
  });

  it('function: parameters, return type, body lines one level in (empty lines stay empty), an empty body', () => {
    expect(
      printFile([
        {
          kind: Kind.Function,
          name: 'f',
          isExported: true,
          docs: ['Doc.'],
          parameters: [{ name: 'a', type: 'A' }, { name: 'b', type: 'B', hasQuestionToken: true }, { name: 'c' }],
          returnType: 'R',
          statements: 'if (a) {\n  b();\n}\n\nreturn c;',
        },
      ]),
    ).toBe('/** Doc. */\nexport function f(a: A, b?: B, c): R {\n  if (a) {\n    b();\n  }\n\n  return c;\n}\n');
    expect(printFile([{ kind: Kind.Function, name: 'g' }])).toBe('function g() {\n}\n');
  });

  it('import: named (type-only ones included), type-only, without names', () => {
    expect(
      printFile([
        { kind: Kind.ImportDeclaration, moduleSpecifier: './m.js', namedImports: ['a', { name: 'B', isTypeOnly: true }] },
        { kind: Kind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './t.js', namedImports: ['T'] },
        { kind: Kind.ImportDeclaration, moduleSpecifier: './side-effect.js' },
      ]),
    ).toBe('import { a, type B } from "./m.js";\nimport type { T } from "./t.js";\nimport "./side-effect.js";\n');
  });

  it('export: named from a module, every name of a module, local names; module specifiers as string literals', () => {
    expect(
      printFile([
        { kind: Kind.ExportDeclaration, moduleSpecifier: './m.js', namedExports: ['a', { name: 'B', isTypeOnly: true }] },
        { kind: Kind.ExportDeclaration, moduleSpecifier: './all.js' },
        { kind: Kind.ExportDeclaration, isTypeOnly: true, namedExports: ['T'] },
        { kind: Kind.ExportDeclaration, moduleSpecifier: 'a"\\\n.js', namedExports: ['x'] },
      ]),
    ).toBe(
      'export { a, type B } from "./m.js";\n\nexport * from "./all.js";\n\nexport type { T };\n\nexport { x } from "a\\"\\\\\\n.js";\n',
    );
  });

  it('statement texts: exported and declared consts, declared functions', () => {
    expect(exportedConst({ docs: 'Doc.', name: 'X', type: 'T', initializer: ['{', '  a: 1,', '}'] })).toBe(
      '/** Doc. */\nexport const X: T = {\n  a: 1,\n};',
    );
    expect(exportedConst({ name: 'X', initializer: ['1'] })).toBe('export const X = 1;');
    expect(declaredConst({ name: 'X', type: '{\n  readonly a: 1;\n}' })).toBe('export declare const X: {\n  readonly a: 1;\n};');
    expect(declaredFunction({ docs: 'A\nB', name: 'f', params: 'a: A', returnType: 'R' })).toBe(
      '/**\n * A\n * B\n */\nexport declare function f(a: A): R;',
    );
  });

  it('refuses structure properties it does not print', () => {
    expect(() => printFile([{ kind: Kind.Function, name: 'f', isAsync: true }])).toThrow(/isAsync/);
    expect(() => printFile([{ kind: Kind.Interface, name: 'I', methods: [{ name: 'm' }] }])).toThrow(/methods/);
    expect(() => printFile([{ kind: Kind.Function, name: 'f', parameters: [{ name: 'p', initializer: '1' }] }])).toThrow(/initializer/);
    expect(() => printFile([{ kind: StructureKind.Class, name: 'C' }])).toThrow(/kind/);
  });
});

describe('printer safety', () => {
  // Code-like text: string literals of arbitrary strings (as the emitters make them), comments, regexes.
  const literal = fc.string({ unit: fc.constantFrom(...'ab "\'`/*{}$\\\n\r\u2028'.split('')), maxLength: 12 }).map(stringLiteral);
  const code = fc
    .array(fc.oneof(literal, fc.constantFrom('/* c */', '// c\n', '/[^0-9]/g', ', ', ';\n', '{\n', '\n}', 'x')), { maxLength: 8 })
    .map((parts) => parts.join(''));
  const name = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,6}$/);
  const statement: fc.Arbitrary<Statement> = fc.oneof(
    code,
    fc.record({ kind: fc.constant(Kind.Function), name, statements: code, parameters: fc.array(fc.record({ name }), { maxLength: 2 }) }),
    fc.record({ kind: fc.constant(Kind.TypeAlias), name, type: literal }),
    fc.record({ kind: fc.constant(Kind.Interface), name, properties: fc.array(fc.record({ name: literal, type: literal }), { maxLength: 2 }) }),
    fc.record({ kind: fc.constant(Kind.ImportDeclaration), moduleSpecifier: fc.string(), namedImports: fc.array(name, { minLength: 1, maxLength: 2 }) }),
  ) as fc.Arbitrary<Statement>;

  it('prints each statement the same whatever the statements before it hold (issue 14)', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 5 }), (statements) => {
        const alone = statements.map((s) => printFile([s]).slice(0, -1));
        const together = printFile(statements);
        let expected = '';
        statements.forEach((s, i) => {
          const imports = i > 0 && [s, statements[i - 1]!].every((t) => typeof t !== 'string' && t.kind === Kind.ImportDeclaration);
          expected += (i === 0 ? '' : imports ? '\n' : '\n\n') + alone[i];
        });
        expect(together).toBe(expected + '\n');
      }),
      // The issue-14 pair: a literal ending in a backslash, then one holding `/*`, then a declaration.
      { numRuns: 500, examples: [[['const a = ["\\\\", "a/*b"];', { kind: Kind.Function, name: 'f', statements: 'return 1;' }]]] },
    );
  });
});
