/**
 * What every gateway method shares: the single gateway URL, the common (protocol) parameters, the
 * signature, and the response envelope. The OpenAPI document describes them once, here, and each
 * operation refers to them.
 */
import type { JsonObject } from './own.js';

export const GATEWAY_SERVER = 'https://openapi.alipay.com';
export const GATEWAY_PATH = '/gateway.do';

export const INFO_DESCRIPTION = `Alipay Open Platform gateway methods (v1 gateway protocol), exported by alipay-codegen from reviewed method specs.

## How a call really goes over the wire
The gateway has **one URL**, \`POST ${GATEWAY_SERVER}${GATEWAY_PATH}\`. Every method is a separate operation in this document, under the path \`/<method>\` (for example \`/alipay.marketing.card.query\`), so that tools list and group methods; on the wire that path is not appended to the URL: it becomes the \`method\` query parameter of the gateway URL.

- **Protocol parameters** (query string): \`app_id\`, \`method\`, \`format=JSON\`, \`charset\` (must be in the query string), \`sign_type\` (\`RSA2\` = SHA256withRSA, default; \`RSA\` = SHA1withRSA), \`timestamp\` (\`yyyy-MM-dd HH:mm:ss\` in UTC+8, whatever the caller's time zone), \`version=1.0\`, \`sign\`, and when needed \`app_auth_token\`, \`notify_url\`, \`return_url\`.
- **Business parameters**: the operation's request schema, serialised as compact JSON into the \`biz_content\` field of an \`application/x-www-form-urlencoded\` body. Some methods also take top-level form params beside (or instead of) \`biz_content\`: they are listed in the operation's form schema and signed like every other parameter. Upload methods send a \`multipart/form-data\` body instead: the text params as form fields, each file (\`format: binary\`) as a file part, never signed; the protocol params and \`sign\` stay in the query string.

## Signing
The string to sign is made of every parameter sent (protocol parameters and \`biz_content\`) except \`sign\`, leaving out empty and whitespace-only values, sorted by key, written \`key=value\` and joined with \`&\`, without URL encoding. It is signed with the application's RSA private key (RSA2: SHA256withRSA) and sent base64-encoded as \`sign\`.

## Responses
The JSON body holds \`<method with . replaced by _>_response\` (or \`error_response\`) and \`sign\`. The signature covers the exact raw text of the \`..._response\` value as it appears in the body (not a re-serialisation) and is verified with the Alipay public key. \`code\` \`10000\` means success; otherwise \`code\`, \`msg\`, \`sub_code\` and \`sub_msg\` describe the failure (the method's business error codes are listed in its description and in \`x-alipay-error-codes\`), and business fields are absent. \`required\` in a response schema applies to successful answers.

## Schema conventions
Property names are wire names, exactly as documented. \`x-enum-descriptions\` gives the meaning of each \`enum\` value, in order. Date fields are strings \`yyyy-MM-dd HH:mm:ss\`, Price fields decimal strings in yuan with at most two decimals (\`x-alipay-type\`). \`x-alipay-required: conditional\` marks fields required only in some situations (条件必填), spelled out with \`dependentRequired\` or \`if\`/\`then\` where the spec says when. \`x-alipay-max-length\` keeps a documented length that JSON Schema cannot express (numbers, arrays).`;

const queryParam = (name: string, description: string, schema: JsonObject, required: boolean): JsonObject => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

/** Common protocol parameters, as reusable components (every operation refers to them). */
export const COMMON_PARAMETERS: Record<string, JsonObject> = {
  app_id: queryParam('app_id', '支付宝分配给开发者的应用ID', { type: 'string', maxLength: 32 }, true),
  format: queryParam('format', '仅支持JSON', { type: 'string', const: 'JSON' }, false),
  charset: queryParam('charset', '请求使用的编码格式', { type: 'string', enum: ['utf-8', 'gbk', 'gb2312'], default: 'utf-8' }, true),
  sign_type: queryParam('sign_type', '商户生成签名字符串所使用的签名算法类型', { type: 'string', enum: ['RSA2', 'RSA'], default: 'RSA2' }, true),
  sign: queryParam('sign', '商户请求参数的签名串 (base64)', { type: 'string', maxLength: 344 }, true),
  timestamp: queryParam(
    'timestamp',
    '发送请求的时间，格式 yyyy-MM-dd HH:mm:ss (UTC+8)',
    { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$' },
    true,
  ),
  version: queryParam('version', '调用的接口版本', { type: 'string', const: '1.0' }, true),
  app_auth_token: queryParam('app_auth_token', '应用授权令牌 (第三方应用代调用)', { type: 'string', maxLength: 40 }, false),
  notify_url: queryParam('notify_url', '支付宝服务器主动通知商户服务器里指定的页面http/https路径', { type: 'string', maxLength: 256 }, false),
  return_url: queryParam('return_url', 'HTTP/HTTPS开头字符串', { type: 'string', maxLength: 256 }, false),
};

export const ERROR_RESPONSE_SCHEMA = 'AlipayErrorResponse';

/** The common fields of a failed answer; successful answers add the method's business fields. */
export function errorResponseSchema(): JsonObject {
  return {
    type: 'object',
    title: ERROR_RESPONSE_SCHEMA,
    required: ['code', 'msg'],
    properties: commonResponseProperties({ type: 'string', description: '网关返回码' }),
  };
}

export function commonResponseProperties(code: JsonObject): JsonObject {
  return {
    code,
    msg: { type: 'string', description: '网关返回码描述' },
    sub_code: { type: 'string', description: '业务返回码 (失败时)' },
    sub_msg: { type: 'string', description: '业务返回码描述 (失败时)' },
  };
}

/** Groups methods for documentation portals: the first two name segments (`alipay.marketing`). */
export function tagOf(method: string): string {
  return method.split('.').slice(0, 2).join('.');
}
