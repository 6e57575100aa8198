/**
 * The pure pipeline's entry, kept at this path for its importers (the gateway, tests, bench):
 * the code lives in ./build/ (see ./build/index.ts).
 */
export { generatePackage, type GenerateOptions } from './build/pipeline.js';
export { DEFAULT_PACKAGE_VERSION } from './build/files.js';
export { readTemplates, templatesDir, type Templates } from './build/templates.js';
