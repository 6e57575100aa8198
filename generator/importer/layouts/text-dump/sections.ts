/**
 * Splits a doc page into its header, description and named sections. Section headings are whole
 * unindented lines with a fixed text (公共参数, 请求参数, ...), which is how every method page of the
 * doc site lays them out.
 */
import type { Line } from '../../lines.js';
import { trimBlankLines } from '../../lines.js';
import { SECTION_NAMES, type SectionName } from '../../page-model.js';

export interface Section {
  name: SectionName;
  /** Line of the heading. */
  line: number;
  /** Lines after the heading up to the next heading. */
  lines: Line[];
}

export interface SplitPage {
  /** Lines before the first section heading (header line and description). */
  preamble: Line[];
  sections: Section[];
  /** Headings that occur more than once (only the first is kept). */
  duplicates: Line[];
}

const HEADINGS = new Set<string>(SECTION_NAMES);

export function splitSections(lines: readonly Line[]): SplitPage {
  const preamble: Line[] = [];
  const sections: Section[] = [];
  const duplicates: Line[] = [];
  let current: Line[] | undefined;
  for (const line of lines) {
    if (HEADINGS.has(line.text)) {
      const name = line.text as SectionName;
      if (sections.some((s) => s.name === name)) {
        duplicates.push(line);
        current = [];
      } else {
        const section: Section = { name, line: line.no, lines: [] };
        sections.push(section);
        current = section.lines;
      }
      continue;
    }
    (current ?? preamble).push(line);
  }
  return { preamble, sections, duplicates };
}

export function findSection(page: SplitPage, name: SectionName): Section | undefined {
  return page.sections.find((s) => s.name === name);
}

/** Section lines without surrounding blank lines. */
export function sectionBody(section: Section | undefined): Line[] {
  return section ? trimBlankLines(section.lines) : [];
}
