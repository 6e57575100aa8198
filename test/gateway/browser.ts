/**
 * What a browser does with the pages of the payment flow, with a WHATWG-conformant HTML parser
 * (parse5): the attribute values a browser reads (character references decoded by the spec's
 * rules, `&copy ` included), the form submission it makes (action resolved against the page URL,
 * inputs serialised as application/x-www-form-urlencoded), the links it follows.
 */
import { parse, parseFragment } from 'parse5';

interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
  readonly value?: string;
}

function all(node: HtmlNode, test: (n: HtmlNode) => boolean, out: HtmlNode[] = []): HtmlNode[] {
  if (test(node)) out.push(node);
  for (const child of node.childNodes ?? []) all(child, test, out);
  // <template> content is not rendered: not needed here.
  return out;
}

function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

export interface Page {
  /** Text of the element with this id (undefined when there is none). */
  text(id: string): string | undefined;
  /** `href` of the element with this id, resolved against the page URL. */
  link(id: string): URL | undefined;
  /** Tag names of every element, to check that no markup came from data. */
  tags(): string[];
}

export function readPage(html: string, pageUrl: string): Page {
  const doc = parse(html) as unknown as HtmlNode;
  const byId = (id: string): HtmlNode | undefined => all(doc, (n) => attr(n, 'id') === id)[0];
  return {
    text: (id) => {
      const node = byId(id);
      return node === undefined ? undefined : textOf(node);
    },
    link: (id) => {
      const href = byId(id) === undefined ? undefined : attr(byId(id)!, 'href');
      return href === undefined ? undefined : new URL(href, pageUrl);
    },
    tags: () => all(doc, (n) => n.tagName !== undefined).map((n) => n.tagName!),
  };
}

export interface FormSubmission {
  readonly method: string;
  readonly url: URL;
  /** The body a browser sends (application/x-www-form-urlencoded). */
  readonly body: string;
  readonly entries: readonly [string, string][];
}

/** The submission of the first form in `html`, as a browser makes it from a page at `pageUrl`. */
export function submitFirstForm(html: string, pageUrl: string): FormSubmission {
  const fragment = parseFragment(html) as unknown as HtmlNode;
  const form = all(fragment, (n) => n.tagName === 'form')[0];
  if (form === undefined) throw new Error('no form in the page');
  const entries: [string, string][] = [];
  for (const input of all(form, (n) => n.tagName === 'input')) {
    const name = attr(input, 'name');
    const type = (attr(input, 'type') ?? 'text').toLowerCase();
    if (name === undefined || name === '' || type === 'submit') continue;
    // The spec's entry-list construction normalises line breaks to CRLF.
    entries.push([name, (attr(input, 'value') ?? '').replace(/\r\n|\r|\n/g, '\r\n')]);
  }
  return {
    method: (attr(form, 'method') ?? 'get').toUpperCase(),
    url: new URL(attr(form, 'action') ?? '', pageUrl),
    body: new URLSearchParams(entries).toString(),
    entries,
  };
}
