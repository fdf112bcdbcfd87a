// Header labels for export services called directly in tests: each column labelled by its own key, so
// a test reads cells by column key; the labels in each language are tested through the routes
// (tests/integration/csv/export-headers.test.ts).
export function keyLabels<K extends string>(columns: readonly K[]): Record<K, string> {
  return Object.fromEntries(columns.map((c): [K, string] => [c, c])) as Record<K, string>;
}
