export * from "./measure-types.ts";
export * from "./catalogue.ts";
export * from "./catalogue-groups.ts";
export * from "./external/figure-checks.ts";
export * from "./facts.ts";
export * from "./periods.ts";
export * from "./rag.ts";
