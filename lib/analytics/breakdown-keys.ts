// The rollups' bucket for a sale that does not (yet) say a dimension's value (lib/mirror/rollups.ts
// UNKNOWN_VALUE), restated without server-only so tables in the browser can label it.
export const UNKNOWN_DIMENSION_VALUE = "unknown";
