/** One method's module from its spec and the package-wide names planned for it. */
import { emitMethodModule, type EmittedModule } from '../emit/method-module.js';
import { buildMethodIR } from '../ir/build.js';
import { planMethod } from '../plan/method.js';
import { modelNameClashes, type ModelNameClash } from '../plan/names.js';
import type { PlannedNames } from '../plan/package.js';
import type { MethodSpec } from '../spec/model.js';

/** `onClash` hears of two different models planned under one name (the second gets a suffix). */
export function emitMethod(spec: MethodSpec, names: PlannedNames, onClash?: (clash: ModelNameClash) => void): EmittedModule {
  const ir = buildMethodIR(spec);
  const plan = planMethod(ir, names.stem, names.exports);
  if (onClash !== undefined) for (const clash of modelNameClashes(ir.models, plan.models)) onClash(clash);
  return emitMethodModule(plan);
}
