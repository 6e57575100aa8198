/**
 * MethodSpec -> doc page text in the layout of the doc site's text dumps (see the seeds). It is
 * the importer's inverse: render -> import gives the spec back, which the property tests use to
 * exercise the importer on pages no one has written by hand. Like the real dumps, nested fields
 * lose their depth: `└` marks leaves only, objects with children go without it.
 */
import type { Field, MethodSpec, Requiredness, Shape } from '../../generator/spec/model.js';
import { setterName } from '../../generator/importer/to-spec/params.js';

const TABLE_HEADER = '参数 类型 是否必填 最大长度 描述 示例值';

export function renderDoc(spec: MethodSpec): string {
  const out: string[] = [];
  out.push(spec.title !== undefined ? `${spec.method} (${spec.title})` : spec.method, '');
  if (spec.description) out.push(spec.description, '');
  out.push(...commonRequest(spec.method), '');
  // The page has one request table: top-level params are its rows too (the Java example tells them apart).
  out.push('请求参数', '', TABLE_HEADER, ...[...spec.request, ...(spec.params ?? [])].flatMap(renderRow), '');
  out.push(...COMMON_RESPONSE, '');
  out.push('响应参数', '', TABLE_HEADER, ...spec.response.flatMap(renderRow), '');
  out.push('请求示例', '', ...requestExample(spec), '');
  out.push('响应示例', '', '  • JSON示例', ...jsonExample(spec.examples?.response), '');
  out.push('异常示例', '', '  • JSON示例', ...jsonExample(spec.examples?.error), '');
  out.push('业务错误码', '', '错误码 错误描述 解决方案');
  for (const e of spec.errors) out.push([e.code, e.description, e.solution].filter((t) => t !== undefined).join(' '));
  out.push('', '公共错误码', '', '返回', '顶部');
  return out.join('\n');
}

/** A top-level row, then its nested fields as bullet groups (depth-first, doc order). */
function renderRow(field: Field): string[] {
  const lines = field.description !== undefined ? field.description.split('\n') : [];
  const example = field.example === undefined ? undefined : String(field.example);
  const head = `${field.name} ${typeText(field)} ${requiredText(field.required)} ${field.maxLength ?? '-'}`;
  const out: string[] = [];
  if (lines.length <= 1) {
    out.push([head, lines[0], example].filter((t) => t !== undefined && t !== '').join(' '));
  } else {
    out.push(`${head} ${lines[0]}`, ...lines.slice(1));
    if (example !== undefined) out.push(example);
  }
  for (const child of children(field)) out.push(...renderBullets(child));
  return out;
}

function renderBullets(field: Field): string[] {
  const nested = children(field);
  const out = [
    `  • ${nested.length > 0 ? '' : '└ '}${field.name}`,
    `  • ${typeText(field)}`,
    `  • ${requiredText(field.required)}`,
    `  • ${field.maxLength ?? '-'}`,
  ];
  if (field.description !== undefined) {
    const [first, ...rest] = field.description.split('\n');
    out.push(`  • ${first}`, ...rest.map((l) => (l === '' ? '' : `    ${l}`)));
  }
  if (field.example !== undefined) out.push(`  • ${String(field.example)}`);
  for (const child of nested) out.push(...renderBullets(child));
  return out;
}

export function children(shape: Shape): Field[] {
  return shape.fields ?? shape.items?.fields ?? [];
}

const TYPE_NAMES: Record<string, string> = { string: 'String', number: 'Number', boolean: 'Boolean', date: 'Date', price: 'Price' };

export function typeText(shape: Shape): string {
  if (shape.type === 'array') {
    const items = shape.items;
    if (!items || items.type === 'object') return `${items?.model ?? 'Object'} []`;
    return `${TYPE_NAMES[items.type]}[]`;
  }
  if (shape.type === 'object') return shape.model ?? 'Object';
  return TYPE_NAMES[shape.type]!;
}

function requiredText(required: Requiredness): string {
  return required === 'conditional' ? '特殊可选' : required ? '必填' : '可选';
}

export function requestExample(spec: MethodSpec): string[] {
  const cls = spec.method.split('.').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  const out = [
    '  • JAVA',
    '  • .NET',
    '  • PHP',
    '  • HTTP请求源码',
    'AlipayClient alipayClient = new DefaultAlipayClient("https://openapi.alipay.com/gateway.do","app_id","your private_key","json","GBK","alipay_public_key","RSA2");',
    `${cls}Request request = new ${cls}Request();`,
  ];
  const request = spec.examples?.request;
  if (request !== undefined) {
    const json = JSON.stringify(request, null, 2).split('\n');
    json.forEach((line, i) => {
      const literal = `"${line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      out.push(i === 0 ? `request.setBizContent(${literal} +` : i === json.length - 1 ? `${literal});` : `${literal} +`);
    });
    if (json.length === 1) out[out.length - 1] = out[out.length - 1]!.replace(/ \+$/, ');');
  }
  out.push(...setterLines(spec));
  out.push(
    `${cls}Response response = alipayClient.execute(request);`,
    'if(response.isSuccess()){',
    'System.out.println("调用成功");',
    '} else {',
    'System.out.println("调用失败");',
    '}',
  );
  return out;
}

/** `request.setGrantType("authorization_code");` per top-level param, as the Java SDK sets them. */
function setterLines(spec: MethodSpec): string[] {
  const example = (spec.examples?.params ?? {}) as Record<string, unknown>;
  return (spec.params ?? []).map((p) => {
    const value = Object.hasOwn(example, p.name) ? example[p.name] : undefined;
    // Without a documented value the page passes a variable, as real pages sometimes do.
    const arg = value === undefined ? 'value' : javaString(String(value));
    return `request.${'set' + setterName(p.name)}(${arg});`;
  });
}

function javaString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function jsonExample(value: unknown): string[] {
  return value === undefined ? [] : JSON.stringify(value, null, '\t').split('\n');
}

function commonRequest(method: string): string[] {
  return [
    '公共参数',
    '',
    '请求地址:',
    '环境 HTTPS请求地址',
    '正式环境 https://openapi.alipay.com/gateway.do',
    '公共请求参数:',
    TABLE_HEADER,
    'app_id String 32 支付宝分配给开发者的应用ID 2014072300007148',
    `method String 128 接口名称 ${method}`,
    'format String 40 仅支持JSON JSON',
    'charset String 10 请求使用的编码格式,如utf-8,gbk,gb2312等 utf-8',
    'sign_type String 10 商户生成签名字符串所使用的签名算法类型,目前支持RSA2和RSA,推荐使用RSA2 RSA2',
    'sign String 344 商户请求参数的签名串,详见签名 详见示例',
    'timestamp String 19 发送请求的时间,格式"yyyy-MM-dd HH:mm:ss" 2014-07-24 03:07:50',
    'version String 3 调用的接口版本,固定为:1.0 1.0',
    'app_auth_token String 40 详见应用授权概述',
    'biz_content String - 请求参数的集合,最大长度不限,除公共参数外所有请求参数都必须放在这个参数中传递,具体参照各产品快速接入文档',
  ];
}

const COMMON_RESPONSE = [
  '公共响应参数',
  '',
  TABLE_HEADER,
  'code String - 网关返回码,详见文档 40004',
  'msg String - 网关返回码描述,详见文档 Business Failed',
  'sub_code String - 业务返回码,详见文档 ACQ.TRADE_HAS_SUCCESS',
  'sub_msg String - 业务返回码描述,详见文档 交易已被支付',
  'sign String - 签名,详见文档 DZXh8eeTuAHoYE3w1J+POiPhfDxOYBfUNn1lkeT/V7P4zJdyojWEa6IZs6Hz0yDW5Cp/viufUb5I0/V5WENS3OYR8zRedqo6D+fUTdLHdc+EFyCkiQhBxIzgngPdPdfp1PIS7BdhhzrsZHbRqb7o4k3Dxc+AAnFauu4V6Zdwczo=',
];
