/** An upload method in the OpenAPI export: a multipart/form-data body, its file `format: binary` with its size as a note. */
import { validate, compileErrors } from '@readme/openapi-parser';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../../generator/openapi/document.js';
import { loadSpecsOrThrow } from '../../generator/spec/load.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('OpenAPI export of alipay.offline.material.image.upload', () => {
  it('is a valid document with a multipart body: text params as fields, the file as binary', async () => {
    const specs = (await loadSpecsOrThrow(join(ROOT, 'specs'))).map((l) => l.spec);
    const doc = JSON.parse(renderOpenApi(specs.filter((s) => s.method === 'alipay.offline.material.image.upload' || s.method === 'alipay.system.oauth.token')));
    const result = await validate(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    const content = doc.paths['/alipay.offline.material.image.upload'].post.requestBody.content;
    expect(Object.keys(content)).toEqual(['multipart/form-data']);
    const schema = content['multipart/form-data'].schema;
    expect(Object.keys(schema.properties)).toEqual(['image_content', 'image_name', 'image_pid', 'image_type']);
    expect(schema.properties.image_content).toMatchObject({ type: 'string', format: 'binary', 'x-alipay-max-bytes': 5242880 });
    expect(schema.properties.image_type.type).toBe('string');
    // A method without files keeps its form body.
    expect(Object.keys(doc.paths['/alipay.system.oauth.token'].post.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
  });
});
