/**
 * Our structure printer against ts-morph's (the oracle): the same bytes for every file of the
 * seed and hostile packages, and for random structures of the kinds the emitters use, with text
 * full of the characters that drive code-block-writer's string/comment/regex state.
 */
import fc from 'fast-check';
import { StructureKind } from 'ts-morph';
import { describe, expect, it, vi } from 'vitest';
import { Kind } from '../../../generator/emit/kinds.js';
import { printFile, type Statement } from '../../../generator/emit/printer.js';
import { generateFiles, seedSpecs } from '../helpers/generated.js';
import { hostileSpec } from '../fixtures/hostile.js';
import { oraclePrintFile } from './oracle.js';

const recorded = vi.hoisted(() => [] as unknown[][]);
vi.mock('../../../generator/emit/printer.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../generator/emit/printer.js')>();
  return {
    ...real,
    printFile: (statements: Statement[]) => {
      recorded.push(structuredClone(statements));
      return real.printFile(statements);
    },
  };
});

describe('printer vs ts-morph printStructure', () => {
  it('uses the StructureKind values of ts-morph', () => {
    for (const [name, value] of Object.entries(Kind)) expect(value, name).toBe(StructureKind[name as keyof typeof StructureKind]);
  });

  it('prints every file of the seed and hostile packages exactly as ts-morph', async () => {
    recorded.length = 0;
    await generateFiles([...(await seedSpecs()), hostileSpec(), hostileSpec('a.b')]);
    const calls = recorded.splice(0);
    expect(calls.length).toBeGreaterThan(10);
    for (const statements of calls) expect(printFile(statements as Statement[])).toBe(oraclePrintFile(statements as Statement[]));
  });

  // Text rich in the characters code-block-writer tracks, plus newlines and non-ASCII.
  const text = fc.string({ unit: fc.constantFrom(...'ab "\'`/*{}$\\\n\r\t;#@中\u2028'.split('')), maxLength: 40 });
  const name = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,8}$/);
  // Items of comma-separated lists (parameters, specifiers) never hold comments in our emitters.
  const typeText = fc.stringMatching(/^[A-Za-z][A-Za-z0-9<>[\]|&. ]{0,12}$/);
  const docs = fc.option(fc.array(text, { maxLength: 2 }), { nil: undefined });
  const exported = fc.option(fc.boolean(), { nil: undefined });
  const specifier = fc.oneof(name, fc.record({ name, isTypeOnly: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name'] }));

  const statement: fc.Arbitrary<Statement> = fc.oneof(
    text,
    fc.record({ kind: fc.constant(Kind.TypeAlias), name, isExported: exported, docs, type: text }, { requiredKeys: ['kind', 'name', 'type'] }),
    fc.record(
      {
        kind: fc.constant(Kind.Interface),
        name,
        isExported: exported,
        docs,
        extends: fc.option(fc.array(typeText, { maxLength: 2 }), { nil: undefined }),
        properties: fc.array(
          fc.record(
            { name, type: fc.option(text, { nil: undefined }), hasQuestionToken: fc.option(fc.boolean(), { nil: undefined }), docs },
            { requiredKeys: ['name'] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ['kind', 'name'] },
    ),
    fc.record(
      {
        kind: fc.constant(Kind.Function),
        name,
        isExported: exported,
        docs,
        parameters: fc.array(
          fc.record(
            { name, type: fc.option(typeText, { nil: undefined }), hasQuestionToken: fc.option(fc.boolean(), { nil: undefined }) },
            { requiredKeys: ['name'] },
          ),
          { maxLength: 3 },
        ),
        returnType: fc.option(text, { nil: undefined }),
        statements: fc.option(text, { nil: undefined }),
      },
      { requiredKeys: ['kind', 'name'] },
    ),
    fc.record(
      { kind: fc.constant(Kind.ImportDeclaration), isTypeOnly: exported, moduleSpecifier: text, namedImports: fc.array(specifier, { maxLength: 3 }) },
      { requiredKeys: ['kind', 'moduleSpecifier'] },
    ),
    fc.record(
      {
        kind: fc.constant(Kind.ExportDeclaration),
        isTypeOnly: exported,
        moduleSpecifier: fc.option(text, { nil: undefined }),
        namedExports: fc.array(specifier, { maxLength: 3 }),
      },
      { requiredKeys: ['kind'] },
    ),
  ) as fc.Arbitrary<Statement>;

  it('prints random structures exactly as ts-morph', () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 6 }), (statements) => {
        expect(printFile(statements)).toBe(oraclePrintFile(statements));
        recorded.length = 0;
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses structure properties it does not print', () => {
    expect(() => printFile([{ kind: Kind.Function, name: 'f', isAsync: true }])).toThrow(/isAsync/);
    expect(() => printFile([{ kind: Kind.Interface, name: 'I', methods: [{ name: 'm' }] }])).toThrow(/methods/);
  });
});
