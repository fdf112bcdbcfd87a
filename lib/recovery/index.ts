// Recovery (issue 7): the worklist of failed/abandoned sales, attribution on read, actions, contact.
export * from "./attribution";
export * from "./failure-category";
export * from "./phone";
export * from "./schemas";
export * from "./lead-states";
export * from "./worklist";
export * from "./recovery-stats";
export * from "./update-leads";
export * from "./lead-contact";
export * from "./templates";
export * from "./lead-message";
export * from "./export-leads";
export * from "./attribution-window";
export * from "./recovery-link";
export * from "./recovered-leads";
export * from "./exact-link";
