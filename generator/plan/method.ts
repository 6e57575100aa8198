/**
 * Plans one method module: the names of its models, enums and validators inside the module's
 * scope. Claims go in a fixed order (public names, runtime imports, locals, then models and enums
 * in IR order) so collisions resolve the same way every run.
 */
import type { MethodIR, TypeIR } from '../ir/types.js';
import { GLOBAL_NAMES, LOCAL_NAMES, RUNTIME_IMPORTS } from './reserved.js';
import { Scope, modelBaseName, pascalName } from './names.js';
import type { MethodExports, MethodPlan } from './types.js';
import { KINDS, scalarModule } from '../types/table.js';
import { METHOD_KIND_TABLE } from '../spec/method-kind.js';

const RESPONSE_BASE_FIELDS = ['code', 'msg', 'sub_code', 'sub_msg'];

export function planMethod(ir: MethodIR, stem: string, exports: MethodExports): MethodPlan {
  const scope = new Scope([
    ...GLOBAL_NAMES,
    ...RUNTIME_IMPORTS.values,
    ...RUNTIME_IMPORTS.types,
    ...LOCAL_NAMES,
    ...Object.values(exports),
  ]);
  const models = ir.models.map((m) => scope.claim(modelBaseName(m.docName, m.nameHint)));
  const enums = ir.enums.map((e) => scope.claim(pascalName(e.nameHint, 'Enum')));
  const modelValidators = models.map((name) => scope.claim(`validate${name[0]!.toUpperCase()}${name.slice(1)}`));

  // The runtime format helpers (isDateTime, isPrice) the validators of the used kinds call.
  const helpers = new Set<string>();
  const collect = (t: TypeIR): void => {
    switch (t.kind) {
      case 'array':
        return collect(t.items);
      case 'object':
        return;
      case 'file':
        helpers.add(KINDS.file.helpers.check);
        if (t.maxLength !== undefined) helpers.add(KINDS.file.helpers.size);
        return;
    }
    const helper = scalarModule(t.kind).format?.helper;
    if (helper !== undefined) helpers.add(helper);
  };
  for (const f of [...ir.request, ...ir.params, ...ir.response, ...ir.notify, ...ir.models.flatMap((m) => m.fields)]) collect(f.type);
  // The kind's runtime function, and the notification parser when the method has a notification.
  const runtimeValues = [METHOD_KIND_TABLE[ir.kind].runtimeFn, 'isApiErrorOf', ...helpers, ...(ir.notify.length > 0 ? ['parseNotification'] : [])];

  return {
    ir,
    stem,
    exports,
    models,
    modelValidators,
    enums,
    runtimeValues: runtimeValues.sort(),
    responseBaseOmit: RESPONSE_BASE_FIELDS.filter((n) => ir.response.some((f) => f.name === n)),
  };
}
