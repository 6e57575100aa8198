/**
 * Method IRs -> one OpenAPI 3.1 document: one operation per method, request and response
 * component schemas per method, shared model schemas, and the gateway conventions described once
 * (see conventions.ts). Output depends only on the set of methods, not on their input order.
 */
import { buildMethodIR } from '../ir/build.js';
import type { MethodIR } from '../ir/types.js';
import { pascalName } from '../plan/names.js';
import { DEFAULT_METHOD_KIND } from '../spec/method-kind.js';
import type { ErrorCode, Examples, MethodSpec } from '../spec/model.js';
import { responseNodeKey } from '../../templates/runtime/response.js';
import {
  COMMON_PARAMETERS,
  ERROR_RESPONSE_SCHEMA,
  GATEWAY_PATH,
  GATEWAY_SERVER,
  INFO_DESCRIPTION,
  commonResponseProperties,
  errorResponseSchema,
  tagOf,
} from './conventions.js';
import { NameRegistry } from './names.js';
import { ownObject, setOwn, type JsonObject } from './own.js';
import { COMPONENT_PREFIX, SchemaBuilder } from './schema.js';
import { addV3Operation, v3ErrorSchema, V3_ERROR_SCHEMA } from './v3-paths.js';

export interface OpenApiOptions {
  title?: string;
  /** `info.version`: the version of this API description. */
  version?: string;
}

/** The document of the specs, through their IR (the loader's specs are the usual input). */
export function buildOpenApiDocument(specs: readonly MethodSpec[], options: OpenApiOptions = {}): JsonObject {
  return openApiDocument(specs.map((spec) => buildMethodIR(spec)), options);
}

export function openApiDocument(methods: readonly MethodIR[], options: OpenApiOptions = {}): JsonObject {
  const sorted = [...methods].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.method === sorted[i - 1]!.method) throw new Error(`duplicate method ${sorted[i]!.method}`);
  }

  // Method schemas claim their names before any model can.
  const names = new NameRegistry();
  const errorName = names.claim(ERROR_RESPONSE_SCHEMA);
  const methodNames = sorted.map((ir) => {
    const pascal = pascalName(ir.method, 'Method');
    return {
      request: names.claim(`${pascal}Request`),
      response: names.claim(`${pascal}Response`),
      ...(ir.notify.length > 0 && { notification: names.claim(`${pascal}Notification`) }),
    };
  });

  // Claimed after the method names, so a route changes no method's names; only when a method has a route.
  const v3ErrorName = sorted.some((ir) => ir.v3 !== undefined) ? names.claim(V3_ERROR_SCHEMA) : undefined;
  const builder = new SchemaBuilder();
  const schemas = new Map<string, JsonObject>([[errorName, errorResponseSchema()]]);
  if (v3ErrorName !== undefined) schemas.set(v3ErrorName, v3ErrorSchema());
  const paths: JsonObject = {};
  const webhooks: JsonObject = {};
  sorted.forEach((ir, i) => {
    const { request, response, notification } = methodNames[i]!;
    builder.forMethod(ir);
    const hasRequest = ir.request.length > 0;
    if (hasRequest) schemas.set(request, builder.objectSchema(ir.request, request, ir.oneOf));
    schemas.set(response, responseSchema(builder, ir, response));
    // Top-level form params (not in biz_content) sit beside biz_content in the form body.
    const params = ir.params.map((p) => [p.name, builder.fieldSchema(p), p.required === true] as const);
    setOwn(paths, `/${ir.method}`, { post: operation(ir, hasRequest ? request : undefined, params, response, errorName) });
    if (v3ErrorName !== undefined) addV3Operation(paths, ir, builder, v3ErrorName);
    if (notification !== undefined) {
      schemas.set(notification, builder.objectSchema(ir.notify, notification));
      setOwn(webhooks, notifyWebhookName(ir.method), notifyWebhook(ir, notification));
    }
  });
  for (const [name, schema] of builder.finish(names)) schemas.set(name, schema);

  const tags = [...new Set(sorted.map((ir) => tagOf(ir.method)))].sort();
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Alipay Open Platform gateway',
      version: options.version ?? '1.0',
      description: INFO_DESCRIPTION,
    },
    servers: [
      {
        url: GATEWAY_SERVER,
        description: `Production gateway: every operation is sent as POST ${GATEWAY_PATH}?method=<operation path without />, signed (see the description above).`,
      },
    ],
    tags: tags.map((name) => ({ name })),
    paths,
    ...(Object.keys(webhooks).length > 0 && { webhooks }),
    components: {
      schemas: ownObject([...schemas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      parameters: COMMON_PARAMETERS,
    },
  };
}

function responseSchema(builder: SchemaBuilder, ir: MethodIR, title: string): JsonObject {
  const business = builder.objectSchema(ir.response, title);
  const common = commonResponseProperties({ type: 'string', const: '10000', description: '网关返回码: 10000 表示成功' });
  const properties = ownObject(Object.entries(common));
  for (const [name, schema] of Object.entries(business.properties as JsonObject)) setOwn(properties, name, schema);
  business.properties = properties;
  business.required = [...new Set(['code', 'msg', ...((business.required as string[] | undefined) ?? [])])];
  return business;
}

type FormParam = readonly [name: string, schema: JsonObject, required: boolean];

function operation(
  ir: MethodIR,
  request: string | undefined,
  params: readonly FormParam[],
  response: string,
  errorName: string,
): JsonObject {
  const { examples } = ir;
  const op: JsonObject = {
    operationId: ir.method,
    tags: [tagOf(ir.method)],
    summary: ir.title ?? ir.method,
  };
  const description = operationDescription(ir);
  if (description !== '') op.description = description;
  if (ir.deprecated !== undefined && ir.deprecated !== false) op.deprecated = true;
  op.parameters = [
    { name: 'method', in: 'query', required: true, description: '接口名称', schema: { type: 'string', const: ir.method } },
    ...Object.keys(COMMON_PARAMETERS).map((name) => ({ $ref: `#/components/parameters/${name}` })),
  ];
  const body = requestBody(examples, request, params, ir.params.some((p) => p.type.kind === 'file'));
  if (body !== undefined) op.requestBody = body;
  const node = responseNodeKey(ir.method);
  const errorRef = { $ref: COMPONENT_PREFIX + errorName };
  const answer: JsonObject = {
    schema: {
      type: 'object',
      properties: ownObject([
        [node, { anyOf: [{ $ref: COMPONENT_PREFIX + response }, errorRef] }],
        ['error_response', errorRef],
        ['sign', { type: 'string', description: '支付宝对响应节点原文的签名 (base64)' }],
      ]),
    },
  };
  const answerExamples: JsonObject = {};
  if (examples?.response !== undefined) answerExamples.success = { value: examples.response };
  if (examples?.error !== undefined) answerExamples.error = { value: examples.error };
  if (Object.keys(answerExamples).length > 0) answer.examples = answerExamples;
  op.responses = {
    '200': { description: 'Signed gateway answer (success or business failure)', content: { 'application/json': answer } },
  };
  if (ir.errors.length > 0) op['x-alipay-error-codes'] = ir.errors;
  // Page and app methods are signed by the server and sent by the browser or the Alipay app.
  if (ir.kind !== DEFAULT_METHOD_KIND) op['x-alipay-kind'] = ir.kind;
  return op;
}

/** The webhook of a method's notification: `<method>.notify`. */
export function notifyWebhookName(method: string): string {
  return `${method}.notify`;
}

/** Alipay POSTs the notification (a signed form) to the notify_url; the handler answers `success`. */
function notifyWebhook(ir: MethodIR, notification: string): JsonObject {
  return {
    post: {
      operationId: notifyWebhookName(ir.method),
      tags: [tagOf(ir.method)],
      summary: `${ir.title ?? ir.method}: 异步通知`,
      description:
        'Alipay POSTs this signed form to the notify_url of the request. Verify the sign (V1: sign and sign_type not signed) with the Alipay public key over the values as received, check app_id, then answer the text `success`; any other answer makes Alipay send it again.',
      requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { $ref: COMPONENT_PREFIX + notification } } } },
      responses: { '200': { description: 'Handled', content: { 'text/plain': { schema: { type: 'string', const: 'success' } } } } },
    },
  };
}

/**
 * The form body: biz_content (JSON) when the method has business params, and its top-level params;
 * an upload method's (one with a file param) is multipart/form-data, its files `format: binary`.
 */
function requestBody(examples: Examples | undefined, request: string | undefined, params: readonly FormParam[], upload: boolean): JsonObject | undefined {
  if (request === undefined && params.length === 0) return undefined;
  const entries: [string, unknown][] = [];
  const required: string[] = [];
  if (request !== undefined) {
    entries.push(['biz_content', { $ref: COMPONENT_PREFIX + request }]);
    required.push('biz_content');
  }
  for (const [name, schema, isRequired] of params) {
    entries.push([name, schema]);
    if (isRequired) required.push(name);
  }
  const schema: JsonObject = { type: 'object', properties: ownObject(entries) };
  if (required.length > 0) schema.required = required;
  const media: JsonObject = { schema };
  if (request !== undefined) media.encoding = { biz_content: { contentType: 'application/json' } };
  const example: [string, unknown][] = [];
  if (request !== undefined && examples?.request !== undefined) example.push(['biz_content', examples.request]);
  const paramExample = examples?.params;
  if (typeof paramExample === 'object' && paramExample !== null) example.push(...Object.entries(paramExample));
  if (example.length > 0) media.examples = { doc: { summary: 'Example from the doc page', value: ownObject(example) } };
  return { required: required.length > 0, content: { [upload ? 'multipart/form-data' : 'application/x-www-form-urlencoded']: media } };
}

function operationDescription(ir: MethodIR): string {
  const parts: string[] = [];
  if (ir.description !== undefined && ir.description !== '') parts.push(ir.description);
  if (typeof ir.deprecated === 'string') parts.push(`Deprecated: ${ir.deprecated}`);
  if (ir.errors.length > 0) parts.push(errorTable(ir.errors));
  return parts.join('\n\n');
}

function errorTable(errors: readonly ErrorCode[]): string {
  const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  return [
    '业务错误码 (sub_code):',
    '',
    '| sub_code | 描述 | 解决方案 |',
    '| --- | --- | --- |',
    ...errors.map((e) => `| ${cell(e.code)} | ${cell(e.description)} | ${cell(e.solution)} |`),
  ].join('\n');
}

/** The document as deterministic JSON text (2-space indent, trailing newline). */
export function renderOpenApi(specs: readonly MethodSpec[], options?: OpenApiOptions): string {
  return JSON.stringify(buildOpenApiDocument(specs, options), null, 2) + '\n';
}
