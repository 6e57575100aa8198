/**
 * The three examples of a page as parsed JSON values: the request's biz_content (from the Java
 * code), the response body and the error body. A broken example is a warning, not a failure: the
 * fields are still importable and the reviewer fixes the example by hand.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Examples } from '../spec/model.js';
import { extractBizContent } from './java.js';
import { lineAt, parseFirstJsonObject, parseJson } from './json-text.js';
import type { Section } from './sections.js';

export interface ExamplesResult {
  examples: Examples;
  diagnostics: Omit<Diagnostic, 'file'>[];
}

export function parseExamples(sections: {
  request?: Section | undefined;
  response?: Section | undefined;
  error?: Section | undefined;
}): ExamplesResult {
  const examples: Examples = {};
  const diagnostics: Omit<Diagnostic, 'file'>[] = [];

  if (sections.request) {
    const { text, firstLine } = sectionText(sections.request);
    const call = extractBizContent(text);
    if (call && !call.ok) diagnostics.push(warn(lineAt(text, call.offset, firstLine), `request example: ${call.message}`));
    if (call?.ok) {
      const json = parseJson(call.text);
      if (json.ok) examples.request = json.value;
      else diagnostics.push(warn(lineAt(text, call.offset, firstLine), `request example (setBizContent): ${json.message}`));
    }
  }
  for (const [key, section] of [['response', sections.response], ['error', sections.error]] as const) {
    if (!section) continue;
    const { text, firstLine } = sectionText(section);
    const json = parseFirstJsonObject(text);
    if (json?.ok) examples[key] = json.value;
    else if (json) diagnostics.push(warn(lineAt(text, json.offset, firstLine), `${key} example: ${json.message}`));
  }
  return { examples, diagnostics };
}

function sectionText(section: Section): { text: string; firstLine: number } {
  return { text: section.lines.map((l) => l.text).join('\n'), firstLine: section.lines[0]?.no ?? section.line };
}

function warn(line: number, message: string): Omit<Diagnostic, 'file'> {
  return { severity: 'warning', line, col: 1, message };
}
