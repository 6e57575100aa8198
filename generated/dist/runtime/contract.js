/**
 * The contract between generated method modules and the runtime. Generated code imports only
 * what is declared here (and the names re-exported by ./index.ts); the runtime implements it.
 * Changing this file changes every generated module: keep it small and stable.
 */
export {};
