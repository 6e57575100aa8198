/** HTML text for the cashier pages: every value escaped, so no spec or request string changes the markup. */

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A whole page: `title` and `body` are escaped here, `inner` is markup built from escaped parts. */
export function htmlPage(title: string, inner: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title></head>\n<body>\n${inner}\n` +
    '<p class="note">alipay-codegen local gateway: a test cashier, no money moves.</p>\n</body></html>\n'
  );
}

/** `<dl>` of name/value rows, each value in an element whose id is its name. */
export function definitionList(rows: readonly (readonly [string, string])[]): string {
  const items = rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd id="${escapeHtml(name)}">${escapeHtml(value)}</dd>`);
  return `<dl>\n${items.join('\n')}\n</dl>`;
}
