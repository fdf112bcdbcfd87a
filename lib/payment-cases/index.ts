// "Charged but sale failed" case files (issue 20, docs/payments.md "Case files"): open from a failed sale,
// follow open → sent to Chariow → resolved, summarise for Chariow's support (text and PDF), list and export.
export * from "./schemas";
export * from "./cases";
export * from "./change-case";
export * from "./summary";
export * from "./export-cases";
export * from "./summary-download";
