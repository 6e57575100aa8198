/**
 * The v3 routes in the OpenAPI export: a path item per route (`/v3/alipay/trade/query`) on the
 * v3 server, beside the gateway.do operation of the same method. Path fields are path params,
 * query fields (every non-path field of a GET route) query params, the rest the JSON body; the
 * 200 answer is the method's fields only (no code/msg, unlike the v2 node); failures are
 * `{code, message, links}`.
 */
import type { FieldIR, MethodIR } from '../ir/types.js';
import { v3PathFields } from '../spec/v3-route.js';
import { GATEWAY_SERVER, tagOf } from './conventions.js';
import { setOwn, type JsonObject } from './own.js';
import { COMPONENT_PREFIX, type SchemaBuilder } from './schema.js';

export const V3_ERROR_SCHEMA = 'AlipayV3ErrorResponse';

/** The schema of a v3 failure body. */
export function v3ErrorSchema(): JsonObject {
  return {
    type: 'object',
    description: 'A v3 failure (HTTP >= 400), signed like every v3 answer.',
    properties: {
      code: { type: 'string', description: '错误码 (a business code such as ACQ.TRADE_NOT_EXIST, or a protocol code)' },
      message: { type: 'string', description: '错误描述' },
      links: {
        type: 'array',
        items: { type: 'object', properties: { link: { type: 'string' }, desc: { type: 'string' } } },
      },
    },
    required: ['code', 'message'],
  };
}

const V3_DESCRIPTION =
  'v3 (RESTful): JSON body, signed with `Authorization: ALIPAY-SHA256withRSA app_id=...,nonce=...,timestamp=<epoch ms>,sign=...` ' +
  'over `authString\\nMETHOD\\npath?query\\nbody\\n[app_auth_token\\n]`; answers carry `alipay-timestamp`, `alipay-nonce`, ' +
  '`alipay-signature` (over `timestamp\\nnonce\\nbody\\n`) and `alipay-trace-id`.';

/**
 * Adds the method's v3 operation to `paths` (under its path item, shared by the routes of other
 * HTTP methods on the same path). Call while `builder` is on `ir` (its models).
 */
export function addV3Operation(paths: JsonObject, ir: MethodIR, builder: SchemaBuilder, errorName: string): void {
  const route = ir.v3;
  if (route === undefined) return;
  const fields: readonly FieldIR[] = [...ir.request, ...ir.params];
  const inPath = new Set(v3PathFields(route.path));
  const hasBody = route.method !== 'GET';
  const inQuery = new Set(hasBody ? (route.query ?? []) : fields.filter((f) => !inPath.has(f.name)).map((f) => f.name));
  const parameters = [
    ...fields.filter((f) => inPath.has(f.name)).map((f) => ({ name: f.name, in: 'path', required: true, schema: builder.fieldSchema(f) })),
    ...fields.filter((f) => inQuery.has(f.name)).map((f) => ({ name: f.name, in: 'query', required: f.required === true, schema: builder.fieldSchema(f) })),
  ];
  const op: JsonObject = { operationId: `${ir.method}.v3`, tags: [tagOf(ir.method)], summary: `${ir.title ?? ir.method} (v3)`, description: V3_DESCRIPTION };
  if (ir.deprecated !== undefined && ir.deprecated !== false) op.deprecated = true;
  if (parameters.length > 0) op.parameters = parameters;
  const bodyFields = fields.filter((f) => !inPath.has(f.name) && !inQuery.has(f.name));
  if (hasBody) {
    op.requestBody = {
      required: bodyFields.some((f) => f.required === true),
      content: { 'application/json': { schema: builder.objectSchema(bodyFields) } },
    };
  }
  const errorRef = { $ref: COMPONENT_PREFIX + errorName };
  op.responses = {
    '200': { description: 'Signed v3 answer: the method\'s fields', content: { 'application/json': { schema: builder.objectSchema(ir.response) } } },
    '4XX': { description: 'Signed v3 failure', content: { 'application/json': { schema: errorRef } } },
    '5XX': { description: 'v3 failure', content: { 'application/json': { schema: errorRef } } },
  };
  const existing = (paths as Record<string, JsonObject | undefined>)[route.path];
  const item: JsonObject = existing ?? { servers: [{ url: GATEWAY_SERVER, description: 'v3 (RESTful) routes' }] };
  setOwn(item, route.method.toLowerCase(), op);
  if (existing === undefined) setOwn(paths, route.path, item);
}

