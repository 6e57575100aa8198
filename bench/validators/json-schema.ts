/**
 * The ajv peer's schema: the request schema of our OpenAPI export, made standalone (components as
 * $defs) and strict like the generated request validator (no undocumented properties).
 */
import type { JsonObject } from '../../generator/openapi/own.js';

export function requestJsonSchema(openapi: JsonObject, method: string): JsonObject {
  const paths = openapi.paths as Record<string, any>;
  const body = paths[`/${method}`]?.post?.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
  const ref = body?.properties?.biz_content?.$ref as string | undefined;
  if (ref === undefined) throw new Error(`${method} has no request schema in the OpenAPI document`);
  const components = (openapi.components as { schemas: JsonObject }).schemas;
  const text = JSON.stringify(components).replaceAll('"#/components/schemas/', '"#/$defs/');
  const defs = JSON.parse(text) as Record<string, JsonObject>;
  for (const schema of Object.values(defs)) closeObjects(schema);
  return { $ref: `#/$defs/${ref.slice('#/components/schemas/'.length)}`, $defs: defs };
}

/** additionalProperties: false on every object schema with properties, at any depth. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(closeObjects);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as JsonObject;
  if (o.type === 'object' && typeof o.properties === 'object') o.additionalProperties = false;
  for (const [key, value] of Object.entries(o)) if (key !== 'examples') closeObjects(value);
}
