"use client";
// The table's keyboard after hydration (the table itself works without it): rows are focusable, ↑/↓ move
// between them, Home/End to the first/last, Enter or a click outside a row's own links opens the row's
// `data-href`, PageDown/PageUp follow the table's next/previous page links. One delegated listener for
// the whole table, so the server-rendered rows need no handlers of their own.
import { useRouter } from "next/navigation";
import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

export function RowNav({ children, nextHref, previousHref }: { children: ReactNode; nextHref: string | null; previousHref: string | null }) {
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);
  const rowOf = (target: EventTarget | null) => (target instanceof HTMLElement ? target.closest<HTMLTableRowElement>("tr[data-row-index]") : null);
  const go = (href: string) => router.push(href);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rowOf(event.target);
    if (!row || event.target !== row) return; // keys inside a row's links and inputs keep their meaning
    const rows = [...(ref.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row-index]") ?? [])];
    const index = rows.indexOf(row);
    const moves: Record<string, number> = { ArrowDown: Math.min(index + 1, rows.length - 1), ArrowUp: Math.max(index - 1, 0), Home: 0, End: rows.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      rows[moves[event.key]]?.focus();
    } else if (event.key === "Enter" && row.dataset.href) {
      event.preventDefault();
      go(row.dataset.href);
    } else if (event.key === "PageDown" && nextHref) {
      event.preventDefault();
      router.replace(nextHref, { scroll: false });
    } else if (event.key === "PageUp" && previousHref) {
      event.preventDefault();
      router.replace(previousHref, { scroll: false });
    }
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const row = rowOf(event.target);
    // A click on a link, button or field inside the row does its own thing.
    if (!row?.dataset.href || (event.target as HTMLElement).closest("a,button,input,select,textarea,summary,label")) return;
    go(row.dataset.href);
  };

  return (
    // Delegation: the rows are the focusable, keyboard-operable elements; this wrapper only listens.
    <div ref={ref} onKeyDown={onKeyDown} onClick={onClick}>
      {children}
    </div>
  );
}
