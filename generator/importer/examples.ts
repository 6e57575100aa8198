/**
 * The three examples of a page as parsed JSON values: the request's biz_content (from the Java
 * code), the response body and the error body. A broken example is a warning, not a failure: the
 * fields are still importable and the reviewer fixes the example by hand.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Examples } from '../spec/model.js';
import { extractBizContent, extractSetters, type JavaSetter } from './java.js';
import { lineAt, parseFirstJsonObject, parseJson } from './json-text.js';
import type { Section } from './sections.js';

export interface ExamplesResult {
  examples: Examples;
  /**
   * The param setters of a request example without setBizContent (`request.setGrantType(...)`):
   * the page's request params are top-level form params. Empty for biz_content pages.
   */
  setters: JavaSetter[];
  diagnostics: Omit<Diagnostic, 'file'>[];
}

export function parseExamples(sections: {
  request?: Section | undefined;
  response?: Section | undefined;
  error?: Section | undefined;
}): ExamplesResult {
  const examples: Examples = {};
  const diagnostics: Omit<Diagnostic, 'file'>[] = [];
  let setters: JavaSetter[] = [];

  if (sections.request) {
    const { text, firstLine } = sectionText(sections.request);
    const call = extractBizContent(text);
    if (call && !call.ok) diagnostics.push(warn(lineAt(text, call.offset, firstLine), `request example: ${call.message}`));
    if (call?.ok) {
      const json = parseJson(call.text);
      if (json.ok) examples.request = json.value;
      else diagnostics.push(warn(lineAt(text, call.offset, firstLine), `request example (setBizContent): ${json.message}`));
    }
    if (!call) {
      setters = extractSetters(text);
      for (const s of setters) {
        if (s.value === undefined) diagnostics.push(warn(lineAt(text, s.offset, firstLine), `request example: set${s.name}(...) is not a string literal; no example taken`));
      }
    }
  }
  for (const [key, section] of [['response', sections.response], ['error', sections.error]] as const) {
    if (!section) continue;
    const { text, firstLine } = sectionText(section);
    const json = parseFirstJsonObject(text);
    if (json?.ok) examples[key] = json.value;
    else if (json) diagnostics.push(warn(lineAt(text, json.offset, firstLine), `${key} example: ${json.message}`));
  }
  return { examples, setters, diagnostics };
}

function sectionText(section: Section): { text: string; firstLine: number } {
  return { text: section.lines.map((l) => l.text).join('\n'), firstLine: section.lines[0]?.no ?? section.line };
}

function warn(line: number, message: string): Omit<Diagnostic, 'file'> {
  return { severity: 'warning', line, col: 1, message };
}
