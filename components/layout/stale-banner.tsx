// The banner every page shows while the Chariow API fails or refuses the key: the pages keep serving
// the mirror, and this says so plainly, with when the data was last fresh.
import { TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";

export function StaleBanner({ reason, lastSuccessAt, now }: { reason: "auth" | "upstream"; lastSuccessAt: string | null; now: number }) {
  const t = useTranslations("freshness");
  const format = useFormatter();
  return (
    <div role="alert" data-testid="stale-banner" className="flex basis-full items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        <strong className="font-semibold">{t("staleTitle")}</strong> {reason === "auth" ? t("staleAuth") : t("staleUpstream")}
        {lastSuccessAt ? ` ${t("staleSince", { when: format.relativeTime(new Date(lastSuccessAt), now) })}` : ""}
      </p>
    </div>
  );
}
