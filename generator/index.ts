/**
 * The programmatic API of alipay-codegen (the package's `.` export), beside the CLI. Everything
 * here returns results and throws `UserError` (message, diagnostics, exit code) for bad input;
 * nothing prints.
 *
 * - `generate` / `check`: a spec folder -> an output folder (package or sources shape), and the
 *   up-to-date check CI runs.
 * - `importDocs`: doc pages -> spec files; `importDoc`: one page's text -> a spec, in memory.
 * - `loadSpecDir` / `parseSpec`: the loader `validate` uses; the spec types.
 * - `startGateway`: the local gateway `serve` runs, in-process.
 * - `loadConfig`, `resolveRun`: alipay-codegen.config.json as the CLI reads it.
 */
export { check, generate, type CheckResult, type GenerateResult, type OutputOptions } from './build/output.js';
export { generatePackage, type GenerateOptions } from './build/pipeline.js';
export { DEFAULT_LAYOUT, type OutputLayout } from './build/files.js';
export { importDocs, type ImportDocsOptions, type ImportDocsResult, type ImportedSpec } from './build/import-docs.js';
export { importDoc, type ImportOptions, type ImportResult } from './importer/import-doc.js';
export type { LayoutName } from './importer/page-model.js';
export { loadSpecDir, parseSpec, type SpecDirResult, type SpecResult } from './spec/load.js';
export type { EnumValue, ErrorCode, Examples, Field, Items, LoadedSpec, MethodSpec, RequiredIf, Requiredness, Shape, SourcePosition } from './spec/model.js';
export { startGateway, GATEWAY_PATH, SCENARIO_HEADER, SCENARIO_NAMES, type Gateway, type GatewayKeys, type GatewayOptions, type GatewayStats } from './gateway/index.js';
export { CONFIG_FILE, DEFAULT_PACKAGE, loadConfig, type ConfigFile, type LoadedConfig, type OutputShape, type PackageIdentity } from './config/config.js';
export type { MethodSelection } from './config/methods.js';
export { resolveRun, type RunSettings } from './config/resolve.js';
export { UserError, formatDiagnostic, type Diagnostic, type Severity } from './diagnostics.js';
