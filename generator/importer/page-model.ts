/**
 * The page model: what one method doc page says, in one shape whatever the layout it came in.
 * Each layout (layouts/<name>/) turns its page text into this model and nothing more; the one
 * to-spec step turns any model into a spec. The model keeps the page's own words (descriptions,
 * example text, the type and required columns as parsed) and a position for everything, so
 * to-spec can point each diagnostic at the doc line it is about.
 *
 * Nesting: a layout that shows the field tree gives each row its `children`; one that lost the
 * depth (the text dump) gives the rows below a top-level row as a flat list with the one hint it
 * kept, and to-spec rebuilds the tree from the page's examples.
 */
import type { Requiredness } from '../spec/model.js';
import type { ParsedType } from './columns.js';

/** The layouts the importer reads (each has a parser in layouts/<name>/; the table there is keyed by these). */
export const LAYOUT_NAMES = ['text-dump', 'opendocs', 'browser-tsv', 'en-docs'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** 1-based line and column in the doc file. */
export interface Position {
  line: number;
  col: number;
}

/** The sections of a method page, named by their headings on the doc site. */
export const SECTION_NAMES = [
  '公共参数',
  '请求参数',
  '公共响应参数',
  '响应参数',
  '请求示例',
  '响应示例',
  '异常示例',
  '业务错误码',
  '公共错误码',
] as const;

export type SectionName = (typeof SECTION_NAMES)[number];

export interface PageSection {
  name: SectionName;
  /** Position of the heading. */
  pos: Position;
}

export interface PageModel {
  layout: LayoutName;
  method: string;
  title?: string;
  description?: string;
  /** The method heading. */
  header: Position;
  /** Sections in page order (each name once). */
  sections: PageSection[];
  /** The last non-blank line: where "the page is cut off" is reported. */
  end: Position;
  /** Rows of 请求参数: biz_content fields, or top-level params (the request example tells). */
  request: ParamRow[];
  /** Rows of 响应参数. */
  response: ParamRow[];
  /** One-of groups the page states among the top-level rows of 请求参数 (`以下参数 二选一 传入`). */
  requestOneOf?: OneOfRows[];
  /** The same among the top-level rows of 响应参数 (the format has no such group: to-spec says so). */
  responseOneOf?: OneOfRows[];
  examples: PageExamples;
  errors: ErrorRow[];
}

/** The columns every parameter row has, parsed. */
export interface ParamColumns {
  type: ParsedType;
  required: Requiredness;
  /** null when the page says there is no limit (`-`). */
  maxLength: number | null;
}

export interface ParamRow extends ParamColumns {
  name: string;
  pos: Position;
  text: RowText;
  nested: Nested;
  /** Enum values the layout lists apart from the description (else to-spec reads them from it). */
  enum?: { value: string; description?: string }[];
  /** The page says the listed values are not all of them (a list cut short by `更多`). */
  enumOpen?: boolean;
  /** One-of groups the page states among this row's children. */
  oneOf?: OneOfRows[];
}

/**
 * A one-of group as the page states it (`以下参数 二选一 传入`): the rows it covers, by name. The
 * page marks where the group starts; which rows it covers is the layout's reading (to-spec warns).
 */
export interface OneOfRows {
  names: string[];
  /** The group's label line. */
  pos: Position;
}

/**
 * A row's description and example: in separate cells, or in one text whose end is the example
 * (the text dump's top-level rows), which to-spec splits with the example JSON as evidence.
 */
export type RowText =
  | { kind: 'separate'; description?: string; example?: string }
  | { kind: 'joined'; lines: TextLine[] };

export interface TextLine {
  line: number;
  text: string;
}

/** The fields below a row: an explicit tree, or a flat list in page order that lost the depth. */
export type Nested = { kind: 'tree'; children: ParamRow[] } | { kind: 'flat'; rows: FlatRow[] };

export interface FlatRow extends ParamColumns {
  name: string;
  pos: Position;
  text: RowText;
  /**
   * The depth hint the layout kept: the text dump marks a nested field with `└`, but only a leaf
   * (a field with children of its own goes without the mark).
   */
  marked: boolean;
}

/** Example text as the page shows it; to-spec parses it. */
export interface RawText {
  text: string;
  /** Where `text` starts. */
  pos: Position;
  /**
   * Whether `text` is a verbatim slice of the page (an offset into it maps to a doc line), or
   * was assembled from code (Java string literals), where only `pos` is known.
   */
  verbatim: boolean;
}

/** A top-level param value in the request example (`request.setGrantType("...")`). */
export interface ParamExample {
  /** As the example spells it (`GrantType`); matched to a row by setterKey. */
  name: string;
  /** Absent when the example passes something other than a literal. */
  value?: string;
  pos: Position;
}

export interface PageExamples {
  /** The biz_content JSON of the request example. */
  request?: RawText;
  /** The top-level params the request example sets, when it has no biz_content. */
  params?: ParamExample[];
  /** The whole response body JSON. */
  response?: RawText;
  /** The whole error response body JSON. */
  error?: RawText;
}

export interface ErrorRow {
  code: string;
  description?: string;
  solution?: string;
  pos: Position;
}
