// Settlements (issue 7, 16): payout grouping, the timeline over the mirror, the next payout, this week's
// and late payouts, the calendar's days, moved payout dates, drill-down.
export * from "./group-settlements";
export * from "./list-settlements";
export * from "./payout-answer";
export * from "./payout-calendar";
export * from "./payout-moves";
export * from "./schemas";
export * from "./default-range";
export * from "./export-payout-sales";
export * from "./export-payouts";
