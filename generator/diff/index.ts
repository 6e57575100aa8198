/** The semantic spec diff: what changed between two sets of specs, and what it means for callers. */
export { CHANGE_CLASSES, type At, type Change, type ChangeClass, type ChangeKind, type Flow } from './change.js';
export { diffMethod, diffSpecs, hasBreaking, type MethodDiff, type SpecDiff } from './diff-specs.js';
export { FIELD_FACTS, ITEMS_FACTS, SHAPE_FACTS } from './field-facts.js';
export { METHOD_FACTS } from './method-facts.js';
export { diffJson, formatChange, formatDiff } from './format.js';
export { suggestBump, type Bump, type BumpSuggestion } from './semver.js';
export { compareExisting, type Existing } from './existing.js';
