// A bordered panel with an optional heading, the building block of dashboard pages. `min-w-0`: as a grid
// or flex item it may shrink below its content's width, so a wide table or chart scrolls inside its own
// wrapper instead of widening the whole page on a phone (Revenue and Downloads were ~700 px at 390).
import type { ReactNode } from "react";

export function Card({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="min-w-0 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      {title ? <h2 className="mb-4 text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2> : null}
      {children}
    </section>
  );
}
