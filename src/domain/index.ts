export type * from "./finding.js";
export type * from "./issue.js";
export type * from "./run.js";
export type * from "./series.js";
export type * from "./training-config.js";
export { SEVERITY_RANK, isAtLeast } from "./severity.js";
export type { Severity } from "./severity.js";
