// Settlements (issue 7): payout grouping, the timeline over the mirror, the next payout, drill-down.
export * from "./group-settlements";
export * from "./list-settlements";
export * from "./schemas";
export * from "./default-range";
export * from "./export-payout-sales";
export * from "./export-payouts";
