export * from "./admin.ts";
export * from "./audit.ts";
export * from "./auth.ts";
export * from "./common.ts";
export * from "./health.ts";
export * from "./person.ts";
