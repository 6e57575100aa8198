/** Method names as the opendocs examples show them. */

/** A character of a method name (`alipay.trade.query`; some names have `_`). */
export function isMethodChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_' || c === '.';
}

/**
 * The method of an SDK request class named on the line (`AlipayTradeAppPayRequest` ->
 * `alipay.trade.app.pay`): each capitalised word is one segment, as the SDKs name the classes.
 */
export function methodFromClass(line: string): string | undefined {
  const at = line.search(/\b(Alipay|Koubei|Zhima|Mybank|Ant|Monitor|Ssdata)[A-Za-z0-9]*Request\b/);
  if (at < 0) return undefined;
  let end = at;
  while (end < line.length && /[A-Za-z0-9]/.test(line[end]!)) end++;
  const name = line.slice(at, end - 'Request'.length);
  const words: string[] = [];
  let word = '';
  for (const c of name) {
    if (c >= 'A' && c <= 'Z' && word !== '') {
      words.push(word);
      word = '';
    }
    word += c.toLowerCase();
  }
  if (word !== '') words.push(word);
  return words.length >= 2 ? words.join('.') : undefined;
}
