/** Builds small doc pages in the seeds' layout from just the parts a test cares about. */
import { splitLines, type Line } from '../../generator/importer/lines.js';

export interface PageParts {
  header?: string;
  description?: string;
  request?: string[];
  response?: string[];
  requestExample?: string[];
  responseExample?: string[];
  errorExample?: string[];
  errors?: string[];
}

const TABLE = '参数 类型 是否必填 最大长度 描述 示例值';

export function page(parts: PageParts): string {
  return [
    parts.header ?? 'alipay.demo.thing.query (演示查询)',
    '',
    parts.description ?? '演示接口',
    '',
    '公共参数',
    '',
    '公共请求参数:',
    TABLE,
    'app_id String 32 支付宝分配给开发者的应用ID 2014072300007148',
    '',
    '请求参数',
    '',
    TABLE,
    ...(parts.request ?? []),
    '',
    '公共响应参数',
    '',
    TABLE,
    'code String - 网关返回码,详见文档 40004',
    '',
    '响应参数',
    '',
    TABLE,
    ...(parts.response ?? []),
    '',
    '请求示例',
    '',
    '  • JAVA',
    ...(parts.requestExample ?? []),
    '',
    '响应示例',
    '',
    '  • JSON示例',
    ...(parts.responseExample ?? []),
    '',
    '异常示例',
    '',
    '  • JSON示例',
    ...(parts.errorExample ?? []),
    '',
    '业务错误码',
    '',
    '错误码 错误描述 解决方案',
    ...(parts.errors ?? []),
    '',
    '公共错误码',
    '',
    '返回',
    '顶部',
  ].join('\n');
}

/** `request.setBizContent(...)` Java code for a biz_content value, one literal per JSON line. */
export function javaBizContent(value: unknown): string[] {
  const json = JSON.stringify(value, null, 2).split('\n');
  return json.map((line, i) => {
    const literal = `"${line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    if (i === 0) return json.length === 1 ? `request.setBizContent(${literal});` : `request.setBizContent(${literal} +`;
    return i === json.length - 1 ? `${literal});` : `${literal} +`;
  });
}

/** Numbered lines from literal text lines (line 1 first). */
export function lines(...texts: string[]): Line[] {
  return splitLines(texts.join('\n'));
}
