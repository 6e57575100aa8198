/**
 * The example sections of a text-dump page as raw text: the request's biz_content JSON (from the
 * Java code) or its top-level param setters, the response body and the error body. Parsing the
 * JSON is to-spec's job; a request example whose code cannot be read is a warning here, since the
 * fields are still importable and the reviewer fixes the example by hand.
 */
import type { Diagnostic } from '../../../diagnostics.js';
import type { PageExamples, Position, RawText } from '../../page-model.js';
import { extractBizContent, extractSetters } from '../java.js';
import { matchingBrace } from '../json-scan.js';
import type { Section } from './sections.js';

export interface RawExamplesResult {
  examples: PageExamples;
  diagnostics: Omit<Diagnostic, 'file'>[];
}

export function readExamples(sections: {
  request?: Section | undefined;
  response?: Section | undefined;
  error?: Section | undefined;
}): RawExamplesResult {
  const examples: PageExamples = {};
  const diagnostics: Omit<Diagnostic, 'file'>[] = [];

  if (sections.request) {
    const body = sectionText(sections.request);
    const call = extractBizContent(body.text);
    if (call && !call.ok) diagnostics.push(warn(positionAt(body, call.offset), `request example: ${call.message}`));
    if (call?.ok) examples.request = { text: call.text, pos: positionAt(body, call.offset), verbatim: false };
    if (!call) {
      const setters = extractSetters(body.text);
      for (const s of setters) {
        if (s.value === undefined) diagnostics.push(warn(positionAt(body, s.offset), `request example: set${s.name}(...) is not a string literal; no example taken`));
      }
      if (setters.length > 0) {
        examples.params = setters.map((s) => (s.value === undefined ? { name: s.name, pos: positionAt(body, s.offset) } : { name: s.name, value: s.value, pos: positionAt(body, s.offset) }));
      }
    }
  }
  for (const [key, section] of [['response', sections.response], ['error', sections.error]] as const) {
    if (!section) continue;
    const body = sectionText(section);
    const json = firstJsonObject(body);
    if (json === 'unclosed') diagnostics.push(warn(positionAt(body, body.text.indexOf('{')), `${key} example: the JSON example is not closed (is the page cut off?)`));
    else if (json) examples[key] = json;
  }
  return { examples, diagnostics };
}

interface Body {
  text: string;
  firstLine: number;
}

function sectionText(section: Section): Body {
  return { text: section.lines.map((l) => l.text).join('\n'), firstLine: section.lines[0]?.no ?? section.line };
}

/**
 * The first `{...}` of the section, up to its matching `}` (strings respected): the dumps put the
 * JSON after a `• JSON示例` tab label, sometimes followed by more page text.
 */
function firstJsonObject(body: Body): RawText | 'unclosed' | undefined {
  const start = body.text.indexOf('{');
  if (start < 0) return undefined;
  const end = matchingBrace(body.text, start);
  if (end < 0) return 'unclosed';
  return { text: body.text.slice(start, end + 1), pos: positionAt(body, start), verbatim: true };
}

/** Line and column of `offset` in the section text. */
function positionAt(body: Body, offset: number): Position {
  let line = body.firstLine;
  let lineStart = 0;
  for (let i = 0; i < offset && i < body.text.length; i++) {
    if (body.text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function warn(pos: Position, message: string): Omit<Diagnostic, 'file'> {
  return { severity: 'warning', line: pos.line, col: pos.col, message };
}
