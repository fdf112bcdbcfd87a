// The tick-box selection of a worklist's rows (Recovery, Orders to ship): which rows of the page are
// ticked, one row at a time or all those shown, cleared after a bulk action. Client islands only (state).
import { useState } from "react";

export type RowSelection = {
  selected: ReadonlySet<string>;
  size: number;
  has(id: string): boolean;
  toggle(id: string, on: boolean): void;
  /** Ticks every row shown, or none. */
  setAll(on: boolean): void;
  clear(): void;
  /** Every row shown is ticked (and there is at least one). */
  allShown: boolean;
};

export function useRowSelection(shownIds: readonly string[]): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  return {
    selected,
    size: selected.size,
    has: (id) => selected.has(id),
    toggle: (id, on) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setSelected(on ? new Set(shownIds) : new Set()),
    clear: () => setSelected(new Set()),
    allShown: shownIds.length > 0 && shownIds.every((id) => selected.has(id)),
  };
}
