// Download tracking (issue 9): downloads per paid sale, buyers who have not accessed their files,
// unusual download counts, engagement by product, the access-resend contact and the CSV exports.
export * from "./schemas";
export * from "./products-with-files";
export * from "./download-facts";
export * from "./download-stats";
export * from "./downloads-report";
export * from "./access-message";
export * from "./export-downloads";
export * from "./download-lists";
export * from "./downloads-page-data";
