/**
 * A text writer with exactly the layout rules of code-block-writer (the writer behind ts-morph's
 * structure printer), for the operations our printer uses: indentation written at line starts
 * unless the writer believes it is inside a string literal, hanging indentation, blank-line and
 * "last char" queries. It keeps code-block-writer's lexical state machine (strings, comments,
 * regex heuristics) character for character, because that state decides indentation; what it
 * drops is the per-call overhead (a new writer per node, array scans for the last characters),
 * which was half of the emit time at catalogue scale.
 */

const NL = 10;
const CR = 13;
const BACK_SLASH = 92;
const SLASH = 47;
const STAR = 42;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACK_TICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOLLAR = 36;
const NONE = -1;

/** Characters that can change the lexical state (code-block-writer's isCharToHandle). */
const HANDLED = new Uint8Array(128);
for (const c of [BACK_SLASH, SLASH, NL, CR, STAR, DOUBLE_QUOTE, SINGLE_QUOTE, BACK_TICK, OPEN_BRACE, CLOSE_BRACE]) HANDLED[c] = 1;

/** ts-morph's StringUtils whitespace set. */
export function isWhitespaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === NL || c === CR || c === 11 || c === 12 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

export function isNullOrWhitespace(text: string | undefined): boolean {
  if (text === undefined) return true;
  for (let i = 0; i < text.length; i++) if (!isWhitespaceCode(text.charCodeAt(i))) return false;
  return true;
}

const enum Comment {
  None,
  Line,
  Star,
}

const INDENT = '  ';
const SPACE = 32;
/** The characters of HANDLED, to find the first one natively. */
const HANDLED_CHAR = /[\\/\n\r*"'`{}]/;
const INDENTS: string[] = [];

function indentOf(level: number): string {
  return (INDENTS[level] ??= INDENT.repeat(level));
}

export class Writer {
  private readonly chunks: string[] = [];
  length = 0;
  /** Last and second-to-last char codes of the output (NONE when absent). */
  private last = NONE;
  private last2 = NONE;
  /** `\n`s in the output's trailing run of `\n`/`\r` (isLastBlankLine looks for two). */
  private trailingNewlines = 0;
  private lastNonWhitespace = NONE;
  private indentation = 0;
  private queued: number | undefined;
  private firstLineOfBlock = true;
  private comment = Comment.None;
  private readonly stringStack: number[] = [];
  private inRegex = false;

  toString(): string {
    return this.chunks.join('');
  }

  // --- queries ---------------------------------------------------------------------------

  isLastNewLine(): boolean {
    return this.last === NL || this.last === CR;
  }

  isLastBlankLine(): boolean {
    return this.trailingNewlines >= 2;
  }

  isLastSpace(): boolean {
    return this.last === 32;
  }

  isAtStartOfFirstLineOfBlock(): boolean {
    return this.firstLineOfBlock && (this.isLastNewLine() || this.last === NONE);
  }

  isLastNonWhitespaceCharCloseBrace(): boolean {
    return this.lastNonWhitespace === CLOSE_BRACE;
  }

  isInComment(): boolean {
    return this.comment !== Comment.None;
  }

  private isInString(): boolean {
    const n = this.stringStack.length;
    return n > 0 && this.stringStack[n - 1] !== OPEN_BRACE;
  }

  // --- writing ---------------------------------------------------------------------------

  write(text: string): this {
    const firstNewLine = text.indexOf('\n');
    if (firstNewLine === -1) {
      this.writeIndividual(text);
      return this;
    }
    // Several lines: the same steps as writeIndividual/baseNewLine per line, with the last two
    // characters tracked locally and the text appended once (one chunk instead of three a line).
    const parts: string[] = [];
    let last = this.last;
    let last2 = this.last2;
    let start = 0;
    let nl = firstNewLine;
    for (;;) {
      const end = nl === -1 ? text.length : nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (end > start) {
        const line = start === 0 && end === text.length ? text : text.slice(start, end);
        if (!this.isInString() && (last === NL || last === CR || last === NONE) && this.indentation > 0) {
          parts.push(indentOf(this.indentation));
          last = last2 = SPACE;
        }
        this.updateState(line, last, last2);
        parts.push(line);
        last2 = line.length > 1 ? line.charCodeAt(line.length - 2) : last;
        last = line.charCodeAt(line.length - 1);
      }
      if (nl === -1) break;
      if (this.comment === Comment.Line) this.comment = Comment.None;
      const top = this.stringStack[this.stringStack.length - 1];
      if ((top === DOUBLE_QUOTE || top === SINGLE_QUOTE) && last !== BACK_SLASH) this.stringStack.pop();
      parts.push('\n');
      last2 = last;
      last = NL;
      this.firstLineOfBlock = false;
      if (this.queued !== undefined) {
        this.indentation = this.queued;
        this.queued = undefined;
      }
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    this.append(parts.join(''));
    return this;
  }

  newLine(): this {
    this.baseNewLine();
    return this;
  }

  newLineIfLastNot(): this {
    if (!this.isLastNewLine()) this.baseNewLine();
    return this;
  }

  blankLine(): this {
    return this.newLineIfLastNot().newLine();
  }

  blankLineIfLastNot(): this {
    if (!this.isLastBlankLine()) this.blankLine();
    return this;
  }

  space(): this {
    return this.write(' ');
  }

  spaceIfLastNot(): this {
    if (!this.isLastSpace()) this.write(' ');
    return this;
  }

  /** code-block-writer's `quote`: a double-quoted string, escaped its way. */
  quote(text: string): this {
    return this.write(`"${escapeForWithinString(text)}"`);
  }

  closeComment(): this {
    if (this.comment === Comment.Line) this.newLine();
    else if (this.comment === Comment.Star) {
      if (!this.isLastNewLine()) this.spaceIfLastNot();
      this.write('*/');
    }
    return this;
  }

  /** Lines started inside `action` are indented one more level than the current one. */
  hangingIndent(action: () => void): this {
    const indentation = this.indentation;
    const queued = this.queued;
    this.queued = this.indentation + 1;
    try {
      action();
    } finally {
      this.indentation = indentation;
      this.queued = queued;
    }
    return this;
  }

  /** `{`, the block's content one level deeper, `}`. */
  inlineBlock(block: () => void): this {
    this.write('{');
    if (this.last !== NONE) this.newLineIfLastNot();
    this.indentation++;
    this.firstLineOfBlock = true;
    block();
    this.firstLineOfBlock = false;
    this.indentation = Math.max(0, this.indentation - 1);
    this.newLineIfLastNot().write('}');
    return this;
  }

  /**
   * Inserts `text` at output position `pos` without touching the lexical state, as
   * code-block-writer's unsafeInsert does (at the very end it is an ordinary write).
   */
  insert(pos: number, text: string): void {
    if (pos === this.length) {
      this.write(text);
      return;
    }
    let end = this.length;
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const chunk = this.chunks[i]!;
      const start = end - chunk.length;
      if (start <= pos) {
        this.chunks[i] = chunk.slice(0, pos - start) + text + chunk.slice(pos - start);
        this.length += text.length;
        return;
      }
      end = start;
    }
  }

  /** The output from `pos` on (for the comma placement of separated lists). */
  textFrom(pos: number): string {
    let end = this.length;
    const parts: string[] = [];
    for (let i = this.chunks.length - 1; i >= 0 && end > pos; i--) {
      const chunk = this.chunks[i]!;
      const start = end - chunk.length;
      parts.push(start >= pos ? chunk : chunk.slice(pos - start));
      end = start;
    }
    return parts.reverse().join('');
  }

  private writeIndividual(s: string): void {
    if (!this.isInString() && (this.last === NL || this.last === CR || this.last === NONE) && this.indentation > 0) {
      // The indentation and the text go out as one chunk; the state scan sees the indentation's
      // spaces as the characters before the text, as if they had been appended first.
      const indent = indentOf(this.indentation);
      this.updateState(s, SPACE, SPACE);
      this.append(indent + s);
      return;
    }
    this.updateState(s, this.last, this.last2);
    this.append(s);
  }

  private baseNewLine(): void {
    if (this.comment === Comment.Line) this.comment = Comment.None;
    const top = this.stringStack[this.stringStack.length - 1];
    if ((top === DOUBLE_QUOTE || top === SINGLE_QUOTE) && this.last !== BACK_SLASH) this.stringStack.pop();
    this.append('\n');
    this.firstLineOfBlock = false;
    if (this.queued !== undefined) {
      this.indentation = this.queued;
      this.queued = undefined;
    }
  }

  private append(text: string): void {
    const n = text.length;
    if (n === 0) return;
    this.chunks.push(text);
    this.length += n;
    if (n === 1) {
      this.last2 = this.last;
      this.last = text.charCodeAt(0);
    } else {
      this.last2 = text.charCodeAt(n - 2);
      this.last = text.charCodeAt(n - 1);
    }
    let i = n - 1;
    let newlines = 0;
    for (; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c === NL) newlines++;
      else if (c !== CR) break;
    }
    this.trailingNewlines = i < 0 ? this.trailingNewlines + newlines : newlines;
    for (; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (!isWhitespaceCode(c)) {
        this.lastNonWhitespace = c;
        break;
      }
    }
  }

  /**
   * code-block-writer's _updateInternalState, over `s` about to be appended after the characters
   * `last2`, `last`. Characters it does not handle change nothing, so the scan starts at the first
   * one it does (found by a regular expression: most lines have none, or few).
   */
  private updateState(s: string, last: number, last2: number): void {
    const first = s.search(HANDLED_CHAR);
    if (first === -1) return;
    const stack = this.stringStack;
    for (let i = first; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || HANDLED[c] === 0) continue;
      const past = i === 0 ? last : s.charCodeAt(i - 1);
      const pastPast = i === 0 ? last2 : i === 1 ? last : s.charCodeAt(i - 2);
      if (this.inRegex) {
        if ((past === SLASH && pastPast !== BACK_SLASH) || past === NL) this.inRegex = false;
        else continue;
      } else if (
        !this.isInString() &&
        this.comment === Comment.None &&
        past === SLASH &&
        c !== SLASH &&
        c !== STAR &&
        pastPast !== STAR &&
        pastPast !== SLASH
      ) {
        this.inRegex = true;
        continue;
      }
      if (!this.isInString()) {
        if (this.comment === Comment.None && past === SLASH && c === SLASH) this.comment = Comment.Line;
        else if (this.comment === Comment.None && past === SLASH && c === STAR) this.comment = Comment.Star;
        else if (this.comment === Comment.Star && past === STAR && c === SLASH) this.comment = Comment.None;
      }
      if (this.comment !== Comment.None) continue;
      const top = stack.length === 0 ? undefined : stack[stack.length - 1];
      if (past !== BACK_SLASH && (c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === BACK_TICK)) {
        if (top === c) stack.pop();
        else if (top === OPEN_BRACE || top === undefined) stack.push(c);
      } else if (pastPast !== BACK_SLASH && past === DOLLAR && c === OPEN_BRACE && top === BACK_TICK) {
        stack.push(c);
      } else if (c === CLOSE_BRACE && top === OPEN_BRACE) {
        stack.pop();
      }
    }
  }
}

/** A double-quoted string as the writer's `quote` prints it (for text assembled without a writer). */
export function quoted(text: string): string {
  return `"${escapeForWithinString(text)}"`;
}

/** code-block-writer's escapeForWithinString with `"` quotes. */
function escapeForWithinString(str: string): string {
  let result = '';
  for (let i = 0; i < str.length; i++) {
    const ch = str[i]!;
    if (ch === '"') result += '\\';
    else if (ch === '\r' && str[i + 1] === '\n') {
      result += '\\r\\n\\';
      i++;
    } else if (ch === '\n') result += '\\n\\';
    else if (ch === '\\') result += '\\';
    result += str[i]!;
  }
  return result;
}

/** A string printed by a fresh writer (ts-morph's getText of a string): only line breaks change. */
export function freshText(text: string): string {
  return text.includes('\n') ? text.replace(/\r?\n/g, '\n') : text;
}
