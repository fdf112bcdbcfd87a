// "Degraded now" (issue 20): the methods and countries failing far more than usual over the last hours, in
// words, on the Payments view and the Overview. The rule is the failure-spike alert's (docs/payments.md);
// the notice names it so a merchant knows a flag is not noise. Server component.
import Link from "next/link";
import { useFormatter } from "next-intl";
import { AlertTriangle } from "lucide-react";
import type { DegradedSubject } from "@/lib/payments/schemas";
import { usePaymentWords } from "./words";

const BOX = "rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100";

export function DegradedNotice({ degraded, variant, href }: { degraded: DegradedSubject[]; variant: "full" | "overview"; href?: string }) {
  const w = usePaymentWords();
  const format = useFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  if (degraded.length === 0) return null;
  const name = (d: DegradedSubject) => (d.dimension === "method" ? w.method(d.code) : w.country(d.code));
  if (variant === "overview") {
    return (
      <div role="status" className={`${BOX} flex flex-wrap items-center justify-between gap-3`} data-testid="degraded-now">
        <p className="flex items-center gap-2">
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          {w.t("degraded.overview", { names: degraded.map(name).join(", ") })}
        </p>
        {href ? (
          <Link href={href} className="inline-flex min-h-11 items-center font-medium underline underline-offset-2">
            {w.t("degraded.see")}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <section role="status" aria-labelledby="degraded-title" className={BOX} data-testid="degraded-now">
      <h2 id="degraded-title" className="mb-2 flex items-center gap-2 font-semibold">
        <AlertTriangle aria-hidden className="size-4 shrink-0" />
        {w.t("degraded.title")}
      </h2>
      <ul className="space-y-1">
        {degraded.map((d) => (
          <li key={`${d.dimension}:${d.code}`} data-testid={`degraded-${d.dimension}-${d.code}`}>
            {w.t(d.dimension === "method" ? "degraded.method" : "degraded.country", {
              name: name(d),
              failed: d.window.failed,
              attempts: d.window.paid + d.window.failed,
              hours: d.windowHours,
              share: pct(d.windowShare),
              baseline: pct(d.baselineShare),
              days: d.baselineDays,
            })}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs">
        {w.t("degraded.rule", { hours: degraded[0]!.windowHours, min: degraded[0]!.minAttempts, points: degraded[0]!.risePoints, days: degraded[0]!.baselineDays })}
      </p>
    </section>
  );
}
