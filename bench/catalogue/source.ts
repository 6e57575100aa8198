/**
 * The shared gateway catalogue (../shared/catalogue/alipay-gateway-methods.json.gz): its shape,
 * and where to find it. ALIPAY_CATALOGUE overrides the location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** A field as the .NET SDK declares it: `type` is string, long, bool or a model name in `types`. */
export interface CatalogueField {
  name: string;
  type: string;
  list: boolean;
  description: string | null;
}

/** A top-level (non biz_content) request parameter: a .NET property name, not a wire name. */
export interface DirectParam {
  property: string;
  type: string;
  description: string | null;
}

export interface CatalogueMethod {
  request_class: string;
  summary: string | null;
  uses_biz_content: boolean;
  biz_model: string | null;
  request_fields: CatalogueField[] | null;
  direct_request_params: DirectParam[] | null;
  response_fields: CatalogueField[] | null;
}

export interface Catalogue {
  method_count: number;
  methods: Record<string, CatalogueMethod>;
  types: Record<string, { fields: CatalogueField[] }>;
}

/** The repository root: the nearest ancestor of this module holding our package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'alipay-codegen') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('alipay-codegen repository root not found');
    dir = parent;
  }
}

export function defaultCataloguePath(): string {
  return process.env.ALIPAY_CATALOGUE ?? resolve(repoRoot(), '../shared/catalogue/alipay-gateway-methods.json.gz');
}

export function readCatalogue(file = defaultCataloguePath()): Catalogue {
  const raw = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(text) as Catalogue;
}
