/**
 * `required`: true, false or `conditional` (the doc's 特殊可选: required in some situations,
 * see requiredIf). Not checked on the doc's examples: they leave out fields freely.
 */
import { isScalar } from 'yaml';
import { showValue } from '../../spec/display.js';
import { kindOf } from '../../spec/yaml-ast.js';
import type { FieldConstraint } from './constraint.js';

export const required: FieldConstraint<'required'> = {
  name: 'required',
  key: 'required',
  read({ r, owner, entry, path }, field) {
    if (!entry) {
      r.report(owner.key, path, 'missing required key "required"');
      return false;
    }
    const v = isScalar(entry.value) ? entry.value.value : undefined;
    if (v === true || v === false || v === 'conditional') {
      field.required = v;
      return true;
    }
    r.report(entry.value, [...path, 'required'], `expected true, false or conditional, got ${v === undefined ? kindOf(entry.value) : showValue(v)}`);
    return false;
  },
  missing: (field, _siblings, ctx) => (field.required === true ? [ctx.issue('required', 'required')] : []),
  objectSchema(fields) {
    const names = fields.filter((f) => f.required === true).map((f) => f.name);
    return names.length > 0 ? { required: names } : {};
  },
  // A requiredIf says more than "conditionally" (see requiredIf).
  doc: (field) => (field.required === 'conditional' && !field.requiredIf ? ['Conditionally required (特殊可选): see the description.'] : []),
};
