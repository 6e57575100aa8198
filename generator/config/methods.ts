/**
 * Which methods a config generates: a list of names or globs (`alipay.trade.*`), or include and
 * exclude globs. `*` matches any run of characters, dots included; everything else is literal.
 */
export type MethodSelection = readonly string[] | { readonly include?: readonly string[]; readonly exclude?: readonly string[] };

function globRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** A predicate on method names; a name is selected when some include matches (all, without includes) and no exclude does. */
export function methodFilter(selection: MethodSelection): (method: string) => boolean {
  const { include, exclude = [] } = Array.isArray(selection) ? { include: selection as readonly string[] } : (selection as { include?: readonly string[]; exclude?: readonly string[] });
  const inc = include?.map(globRegExp);
  const exc = exclude.map(globRegExp);
  return (method) => (inc === undefined || inc.some((r) => r.test(method))) && !exc.some((r) => r.test(method));
}
