/** One method's module from its spec and the package-wide names planned for it. */
import { emitMethodModule, type EmittedModule } from '../emit/method-module.js';
import { buildMethodIR } from '../ir/build.js';
import { planMethod } from '../plan/method.js';
import type { PlannedNames } from '../plan/package.js';
import type { MethodSpec } from '../spec/model.js';

export function emitMethod(spec: MethodSpec, names: PlannedNames): EmittedModule {
  return emitMethodModule(planMethod(buildMethodIR(spec), names.stem, names.exports));
}
