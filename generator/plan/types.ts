/** The plan: every identifier and path of every emitted file, decided before any code is printed. */
import type { MethodIR } from '../ir/types.js';

/** The public, package-wide unique names of one method. */
export interface MethodExports {
  /** `alipayMarketingCardQuery` */
  readonly fn: string;
  readonly request: string;
  readonly response: string;
  readonly errorCode: string;
  readonly isError: string;
  readonly validateRequest: string;
  readonly validateResponse: string;
  readonly operation: string;
  /** The notification's type, validator and parser (used only by methods with notify fields). */
  readonly notification: string;
  readonly validateNotification: string;
  readonly parseNotification: string;
}

export interface MethodPlan {
  readonly ir: MethodIR;
  /** File stem, also the package subpath: `alipay.marketing.card.query`. */
  readonly stem: string;
  readonly exports: MethodExports;
  /** Type names of the models, by model id. */
  readonly models: readonly string[];
  /** Validator function names of the models, by model id. */
  readonly modelValidators: readonly string[];
  /** Type (and const) names of the enums, by enum id. */
  readonly enums: readonly string[];
  /** Runtime value imports this module needs, sorted. */
  readonly runtimeValues: readonly string[];
  /** ResponseBase fields the response redefines (omitted from the base to avoid conflicts). */
  readonly responseBaseOmit: readonly string[];
}

/**
 * What the package-wide files (index, client, README) need of a method: its wire name, title and
 * planned names. An incremental run has this for unchanged methods without reparsing them.
 */
export interface MethodHead {
  readonly ir: Pick<MethodIR, 'method' | 'title'> & { readonly kind?: MethodIR['kind'] };
  readonly stem: string;
  readonly exports: MethodExports;
}

/** The aggregate client's namespace tree: `api.alipay.marketing.card.query`. */
export interface ClientNode<M extends MethodHead = MethodPlan> {
  readonly segment: string;
  /** The method called at this node, when a method ends here. */
  readonly method?: M;
  readonly children: readonly ClientNode<M>[];
}

/** The inputs of the package-wide files. */
export interface AggregatePlan<M extends MethodHead = MethodHead> {
  /** Sorted by method name. */
  readonly methods: readonly M[];
  readonly clientTree: readonly ClientNode<M>[];
}

export type PackagePlan = AggregatePlan<MethodPlan>;
