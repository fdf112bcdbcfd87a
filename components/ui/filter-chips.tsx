// The pieces of a filter bar folded into chips (issue 16): an active filter is a chip — its value in words,
// which opens its editor, and a × link that removes it — and a filter not in use is an opener "+ Statut".
// An editor is a <details> popover holding a small GET form, so all of it works before JavaScript (links
// and forms); the popovers of one bar share a `name`, so opening one closes the other (exclusive
// <details>). The popover is positioned against the bar (the nearest `relative` ancestor), so a chip in a
// row that scrolls sideways on a phone still opens a panel the row does not clip. A hydrated bar may hold
// which popover is open (`open` / `onToggle`), so an editor stays open when applying its change turns an
// opener into a chip.
import type { ReactNode } from "react";
import Link from "next/link";
import { Plus, X } from "lucide-react";
import { buttonClass } from "./button";

const PANEL =
  "absolute inset-x-0 z-20 mt-1 max-h-[70vh] overflow-y-auto rounded-md border border-zinc-200 bg-white p-3 text-zinc-900 shadow-lg sm:right-auto sm:w-[28rem] sm:max-w-full dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
/** No disclosure triangle: the chip or the "+" says it opens. */
const NO_MARKER = "cursor-pointer list-none [&::-webkit-details-marker]:hidden";

/** Which popover is open, when the bar keeps it (after hydration); uncontrolled without. */
export type PopoverState = { open?: boolean; onToggle?: (open: boolean) => void };

type PopoverProps = PopoverState & {
  summary: ReactNode;
  summaryClassName: string;
  group: string;
  testId: string;
  title?: string;
  children: ReactNode;
};

function FilterPopover({ summary, summaryClassName, group, testId, title, children, open, onToggle }: PopoverProps) {
  return (
    <details name={group} className="min-w-0" open={open} onToggle={onToggle ? (e) => onToggle(e.currentTarget.open) : undefined}>
      <summary className={`${NO_MARKER} ${summaryClassName}`} data-testid={testId} title={title}>
        {summary}
      </summary>
      <div className={PANEL}>{children}</div>
    </details>
  );
}

export type FilterChipProps = PopoverState & {
  /** "Statut : Échouée" — the filter and its value in words. */
  label: string;
  /** What removing it leaves: the page's URL without this filter's keys (and without the page number). */
  removeHref: string;
  /** "Retirer le filtre Statut" (the × has no text). */
  removeLabel: string;
  /** The filter's editor (a GET form); without it the chip only says and removes. */
  editor?: ReactNode;
  /** The bar's popover group (one open at a time). */
  group: string;
  /** `filter-chip-{id}`, `filter-open-{id}` (its editor), `filter-{id}-remove`. */
  id: string;
};

/** An active filter: its words open its editor, the × removes it. Both at least 44 px tall. */
export function FilterChip({ label, removeHref, removeLabel, editor, group, id, open, onToggle }: FilterChipProps) {
  const words = <span className="block max-w-[14rem] truncate">{label}</span>;
  return (
    <li
      className="flex min-w-0 shrink-0 items-center rounded-full border border-brand-600 bg-brand-50 text-sm text-brand-700 dark:border-brand-500 dark:bg-zinc-800 dark:text-brand-100"
      data-testid={`filter-chip-${id}`}
    >
      {editor ? (
        <FilterPopover
          summary={words}
          summaryClassName="flex min-h-11 items-center rounded-l-full pl-3 pr-1 focus-visible:outline-2 focus-visible:outline-brand-500"
          group={group}
          testId={`filter-open-${id}`}
          title={label}
          open={open}
          onToggle={onToggle}
        >
          {editor}
        </FilterPopover>
      ) : (
        <span className="flex min-h-11 items-center pl-3 pr-1" title={label}>
          {words}
        </span>
      )}
      <Link
        prefetch={false}
        scroll={false}
        href={removeHref}
        aria-label={removeLabel}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-full hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-zinc-700"
        data-testid={`filter-${id}-remove`}
      >
        <X aria-hidden className="size-4" />
      </Link>
    </li>
  );
}

/** A filter not in use: "+ Statut", opening its editor. */
export function FilterOpener({ label, group, id, children, open, onToggle }: PopoverState & { label: string; group: string; id: string; children: ReactNode }) {
  return (
    <li className="shrink-0">
      <FilterPopover
        summary={
          <>
            <Plus aria-hidden className="size-4" />
            {label}
          </>
        }
        summaryClassName={buttonClass("secondary", "rounded-full border-dashed")}
        group={group}
        testId={`filter-open-${id}`}
        open={open}
        onToggle={onToggle}
      >
        {children}
      </FilterPopover>
    </li>
  );
}

/** Hidden fields carrying the rest of the page's query through a filter's GET form (never its page number). */
export function KeptQueryFields({ query, drop }: { query: URLSearchParams; drop: readonly string[] }) {
  const kept = [...query.entries()].filter(([k]) => k !== "page" && !drop.includes(k));
  return (
    <>
      {kept.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}
