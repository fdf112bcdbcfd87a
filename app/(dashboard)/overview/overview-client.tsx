"use client";
// The Overview's live part: the newest sales from the mirror, polled every 2 s under
// ["overview","recent-sales",{limit}] so a sale that a Pulse just brought in appears without a reload.
// The server rendered the same rows first (initialData), so the list is there before JavaScript.
// Low-data mode (docs/offline.md): no polling; the list is the page's.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { RecentSalesTable } from "@/components/overview/recent-sales-table";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/http/api-client";
import type { RecentSale } from "@/lib/overview/schemas";
import { queryKeys } from "@/lib/query/keys";

// The target is a Pulse on screen within 2 s of its arrival (bench/README.md): processing takes ~15 ms,
// so a 1 s poll of this cheap query keeps the worst case near 1 s.
const POLL_MS = 1_000;

/** `notLive`: in low-data mode, the server's sentence saying the list is not live (and no polling). */
export function OverviewClient({ initialSales, limit, notLive }: { initialSales: RecentSale[]; limit: number; notLive?: ReactNode }) {
  const t = useTranslations("Analytics.recentSales");
  const lowData = notLive !== undefined;
  const recent = useQuery({
    queryKey: queryKeys.recentSales(limit),
    queryFn: () => apiFetch<{ sales: RecentSale[] }>(`/api/overview/recent-sales?limit=${limit}`).then((r) => r.sales),
    initialData: initialSales,
    refetchInterval: lowData ? false : POLL_MS,
    // Low-data mode: the server's rows are the list; no refetch on mount, focus or reconnect either.
    staleTime: lowData ? Infinity : 0,
  });
  return (
    <Card title={t("title")} testId="recent-sales-card">
      {lowData ? (
        notLive
      ) : (
        <p className="-mt-2 mb-3 flex items-center gap-1.5 text-xs text-emerald-700 dark:text-emerald-300">
          <span aria-hidden className="size-2 animate-pulse rounded-full bg-emerald-500" />
          {t("live")}
        </p>
      )}
      <RecentSalesTable sales={recent.data} />
      <Link prefetch={false} href="/sales" className={buttonClass("secondary", "mt-3")}>
        {t("all")}
      </Link>
    </Card>
  );
}
