/**
 * MethodSpec -> doc page text in the English doc site's markdown (the en-docs layout): `# method`,
 * `**Version 1.0**`, tables without outer pipes whose `Nullable` column says Y for required, `-`
 * for no max length, `<br>` for a line break inside a cell, and nested fields as italic rows after
 * their parent (a nested parent bold and italic). The inverse of the importer for the property
 * test, for the specs this layout can state: no title, no "conditional" marker.
 */
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { children, jsonExample, requestExample, typeText } from './render.js';

const HEADER = 'Parameter\t| Type |\tNullable | Max-length\t| Description\t| Example\n--- | --- | --- | --- | --- | ---';

export function renderEnDocs(spec: MethodSpec): string {
  const out: string[] = [`# ${spec.method}`, '', '**Version 1.0**', ''];
  if (spec.description) out.push('## Business scenario', '', ...spec.description.split('\n'), '');
  out.push('## Common request parameter', '', HEADER, `app_id |\tString | Y\t| 32\t| The app ID.\t| 2014072300007148`, `method | String | Y | 128 | The API name. | ${spec.method}`, '');
  out.push('## Request parameters', '', HEADER, ...[...spec.request, ...(spec.params ?? [])].flatMap((f) => rows(f, 0)), '');
  out.push('## Common response parameters', '', HEADER, 'code | String\t| Y\t| ~\t| Gateway return code.\t| 40004', '');
  out.push('## Response parameters', '', HEADER, ...spec.response.flatMap((f) => rows(f, 0)), '');
  out.push('## Request sample', '', '### Java edition:', '```', ...requestExample(spec).filter((l) => !l.startsWith('  •')), '```', '');
  out.push('## Response sample', '', '### JSON edition:', '```', ...jsonExample(spec.examples?.response), '```', '');
  out.push('## Abnormal sample', '', '### JSON edition:', '```', ...jsonExample(spec.examples?.error), '```', '');
  out.push('## Business error code', '', 'Error code\t| Description\t| Solution', '--- | --- | ---');
  for (const e of spec.errors) out.push(`${e.code} | ${e.description ?? ''} | ${e.solution ?? ''}`);
  return out.join('\n');
}

function rows(field: Field, level: number): string[] {
  const nested = children(field);
  const name = `${nested.length > 0 ? '**' : ''}${level > 0 ? '*' : ''}${field.name}${level > 0 ? '*' : ''}${nested.length > 0 ? '**' : ''}`;
  const cells = [name, typeText(field).replace(' []', '[]'), field.required === true ? 'Y' : 'N', String(field.maxLength ?? '-'), cell(field.description), field.example === undefined ? '-' : String(field.example)];
  return [cells.join(' | '), ...nested.flatMap((c) => rows(c, level + 1))];
}

function cell(text: string | undefined): string {
  return (text ?? '').split('\n').join('<br>');
}
