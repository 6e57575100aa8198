/**
 * MethodSpec -> doc page text as a browser copies the old doc site (the browser-tsv layout):
 * the seed page's sections, table cells separated by tabs (two in some tables), multi-line cells
 * breaking their row over several lines, the table's own required markers, nested fields as rows
 * with `└` on leaves only, and the 业务错误码 / 公共错误码 tab labels side by side before the table.
 * The inverse of the importer for the property test.
 */
import type { Field, MethodSpec, Requiredness } from '../../generator/spec/model.js';
import { children, jsonExample, requestExample, typeText } from './render.js';

export interface TsvStyle {
  /** Cells separated by two tabs instead of one. */
  doubleTabs: boolean;
}

const HEADER = ['参数', '类型', '是否必填', '最大长度', '描述', '示例值'];

export function renderBrowserTsv(spec: MethodSpec, style: TsvStyle = { doubleTabs: false }): string {
  const sep = style.doubleTabs ? '\t\t' : '\t';
  const row = (cells: string[]) => cells.join(sep);
  const out: string[] = [];
  out.push(spec.title !== undefined ? `${spec.method}(${spec.title})` : spec.method);
  if (spec.description) out.push(...spec.description.split('\n'));
  out.push('', '公共参数', '请求地址', '环境\tHTTPS请求地址', '正式环境\thttps://openapi.alipay.com/gateway.do', '公共请求参数', HEADER.join('\t'));
  out.push(`app_id\tString\t是\t32\t支付宝分配给开发者的应用ID\t2014072300007148`, `method\tString\t是\t128\t接口名称\t${spec.method}`, '', '');
  out.push('请求参数', row(HEADER), ...[...spec.request, ...(spec.params ?? [])].flatMap((f) => fieldRows(f, 0, 'request', row)));
  out.push('公共响应参数', HEADER.join('\t'), 'code\tString\t是\t-\t网关返回码,详见文档\t40004', '', '\t');
  out.push('响应参数', row(HEADER), ...spec.response.flatMap((f) => fieldRows(f, 0, 'response', row)));
  out.push('请求示例', 'JAVA  .NET  PHP  HTTP请求源码', ...requestExample(spec).filter((l) => !l.startsWith('  •')));
  out.push('响应示例', 'JSON 示例  XML 示例', ...jsonExample(spec.examples?.response));
  out.push('异常示例', 'JSON 示例', ...jsonExample(spec.examples?.error));
  out.push('业务错误码', '公共错误码', '', '错误码\t错误描述\t解决方案');
  for (const e of spec.errors) out.push(...[e.code, e.description ?? '', e.solution ?? ''].join('\t').split('\n'));
  return out.join('\n');
}

/** A field's row (its multi-line cells breaking it over lines), then its nested fields' rows. */
function fieldRows(field: Field, level: number, table: 'request' | 'response', row: (cells: string[]) => string): string[] {
  const nested = children(field);
  const name = level > 0 && nested.length === 0 ? `└ ${field.name}` : field.name;
  const cells = [name, typeText(field), requiredText(field.required, table), String(field.maxLength ?? '-'), field.description ?? '', field.example === undefined ? '' : String(field.example)];
  return [...row(cells).split('\n'), ...nested.flatMap((c) => fieldRows(c, level + 1, table, row))];
}

function requiredText(required: Requiredness, table: 'request' | 'response'): string {
  if (table === 'request') return required === 'conditional' ? '特殊可选' : required ? '必选' : '可选';
  return required === 'conditional' ? '条件必填' : required ? '必填' : '选填';
}
