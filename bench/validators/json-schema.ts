/**
 * The ajv peer's schema: the request of our OpenAPI export, made standalone (components as $defs)
 * and strict like the generated request validator (no undocumented properties). The generated
 * Request type is flat: biz_content fields and top-level form params side by side.
 */
import { ownObject, type JsonObject } from '../../generator/openapi/own.js';

export function requestJsonSchema(openapi: JsonObject, method: string): JsonObject {
  const paths = openapi.paths as Record<string, any>;
  const form = paths[`/${method}`]?.post?.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
  if (form === undefined) throw new Error(`${method} has no request body in the OpenAPI document`);
  const components = (openapi.components as { schemas: JsonObject }).schemas;
  const defs = JSON.parse(JSON.stringify(components).replaceAll('"#/components/schemas/', '"#/$defs/')) as Record<string, JsonObject>;
  for (const schema of Object.values(defs)) closeObjects(schema);

  const ref = form.properties?.biz_content?.$ref as string | undefined;
  const biz = ref === undefined ? { properties: {}, required: [] } : defs[ref.slice('#/components/schemas/'.length)]!;
  const params = Object.entries(form.properties as JsonObject).filter(([name]) => name !== 'biz_content');
  const flat: JsonObject = { ...biz, type: 'object', additionalProperties: false };
  flat.properties = JSON.parse(JSON.stringify(ownObject([...Object.entries(biz.properties as JsonObject), ...params])).replaceAll('"#/components/schemas/', '"#/$defs/'));
  flat.required = [...((biz.required as string[] | undefined) ?? []), ...((form.required as string[] | undefined) ?? []).filter((n) => n !== 'biz_content')];
  return { ...flat, $defs: defs };
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
