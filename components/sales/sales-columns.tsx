"use client";
// The Sales table's columns: ids are the server's sort keys (lib/sales/schemas.ts SALE_SORT_COLUMNS),
// so clicking a header sorts the whole filter on the server, not the visible page.
import { useMemo } from "react";
import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { DataTableColumnMeta } from "@/components/data-table/data-table";
import { formatMoney, type Money } from "@/lib/money";
import type { SaleListItem, SaleSortColumn } from "@/lib/sales/schemas";
import { SaleStatusBadge } from "./sale-status-badge";

type Column = ColumnDef<SaleListItem, unknown> & { id: SaleSortColumn };

export function useSalesColumns(timeZone: string): ColumnDef<SaleListItem, unknown>[] {
  const t = useTranslations("Sales.columns");
  const tUnknown = useTranslations("Sales");
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(() => {
    const unknown = <span className="text-zinc-600 dark:text-zinc-400">{tUnknown("unknown")}</span>;
    const money = (m: Money | null) => (m ? formatMoney(m, locale) : unknown);
    const right: DataTableColumnMeta = { align: "right" };
    const columns: Column[] = [
      {
        id: "created_at",
        header: t("createdAt"),
        cell: ({ row }) => (row.original.createdAt ? format.dateTime(new Date(row.original.createdAt), { dateStyle: "short", timeStyle: "short", timeZone }) : unknown),
      },
      {
        id: "id",
        header: t("reference"),
        meta: { alwaysVisible: true },
        cell: ({ row }) => (
          <Link href={`/sales/${encodeURIComponent(row.original.id)}`} className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {row.original.id}
          </Link>
        ),
      },
      { id: "status", header: t("status"), cell: ({ row }) => <SaleStatusBadge status={row.original.status} /> },
      { id: "customer_name", header: t("customer"), cell: ({ row }) => (row.original.customerId ? <Link href={`/customers/${encodeURIComponent(row.original.customerId)}`} className="hover:underline">{row.original.customerName ?? row.original.customerId}</Link> : row.original.customerName ?? unknown) },
      { id: "customer_email", header: t("email"), cell: ({ row }) => row.original.customerEmail ?? unknown },
      { id: "product_name", header: t("product"), cell: ({ row }) => row.original.productName ?? unknown },
      { id: "amount", header: t("amount"), meta: right, cell: ({ row }) => money(row.original.amount) },
      { id: "original_amount", header: t("originalAmount"), meta: right, cell: ({ row }) => money(row.original.originalAmount) },
      { id: "discount_amount", header: t("discountAmount"), meta: right, cell: ({ row }) => money(row.original.discountAmount) },
      { id: "currency", header: t("currency"), cell: ({ row }) => row.original.amount?.currency ?? unknown },
      { id: "payment_status", header: t("paymentStatus"), cell: ({ row }) => row.original.paymentStatus ?? unknown },
      { id: "channel", header: t("channel"), cell: ({ row }) => row.original.channel ?? unknown },
      { id: "discount_code", header: t("discountCode"), cell: ({ row }) => row.original.discountCode ?? "—" },
      { id: "campaign_name", header: t("campaign"), cell: ({ row }) => row.original.campaignName ?? "—" },
      { id: "country", header: t("country"), cell: ({ row }) => row.original.country ?? unknown },
      { id: "payment_method", header: t("paymentMethod"), cell: ({ row }) => row.original.paymentMethod ?? unknown },
    ];
    return columns;
  }, [t, tUnknown, format, locale, timeZone]);
}
