export * from "./codes.ts";
export * from "./dates.ts";
export * from "./identifiers.ts";
export * from "./names.ts";
