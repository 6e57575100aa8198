/**
 * What a browser submits for an HTML form: parsed with parse5 (the WHATWG HTML parser, the rules a
 * browser follows), so character references in attributes are read exactly as a browser reads them.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  return out;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export interface Submission {
  readonly method: string | undefined;
  readonly action: string;
  /** The named inputs' (name, value) pairs, in document order, as the browser sends them. */
  readonly fields: readonly [string, string][];
  readonly scripts: readonly string[];
}

export function formSubmission(html: string): Submission {
  const all = elements(parseFragment(html));
  const forms = all.filter((e) => e.tagName === 'form');
  if (forms.length !== 1) throw new Error(`expected one form, found ${forms.length}`);
  const form = forms[0]!;
  const fields = elements(form)
    .filter((e) => e.tagName === 'input' && attr(e, 'name') !== undefined)
    .map((e) => [attr(e, 'name')!, attr(e, 'value') ?? ''] as [string, string]);
  const scripts = all.filter((e) => e.tagName === 'script').map((e) => e.childNodes.map((c) => ('value' in c ? c.value : '')).join(''));
  return { method: attr(form, 'method'), action: attr(form, 'action') ?? '', fields, scripts };
}
