// Placeholder while the Downloads page reads the mirror: the same stack of cards, empty.
export default function Loading() {
  return (
    <div className="grid gap-6" aria-busy="true">
      {[0, 1, 2, 3].map((i) => <div key={i} className="h-32 animate-pulse rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />)}
    </div>
  );
}
