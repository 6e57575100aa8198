/**
 * `format`: the string format a kind implies (date, price). Not a spec key: the kind says it.
 * The check is the runtime's own function (templates/runtime/formats.ts), in the loader too.
 */
import { scalarModule } from '../table.js';
import type { ValueConstraint } from './constraint.js';

export const format: ValueConstraint<'format'> = {
  name: 'format',
  problem(value, shape) {
    const f = scalarModule(shape.type).format;
    return f === undefined || f.test(String(value)) ? undefined : f.problem;
  },
  validator(expr, t, ctx) {
    const f = scalarModule(t.kind).format;
    return f === undefined ? [] : [`if (!${f.helper}(${expr})) ${ctx.issue('format', f.message)}`];
  },
  jsonSchema(shape) {
    const f = scalarModule(shape.type).format;
    return f === undefined ? {} : { pattern: f.pattern, 'x-alipay-type': shape.type };
  },
  doc(t) {
    const f = scalarModule(t.kind).format;
    return f === undefined ? [] : [f.docNote];
  },
};
