"use client";
// Private pages for affiliates (issue 21) on the Affiliates page: create a link for an affiliate with a
// referral code (affiliates:share roles; an optional expiry), shown once with a copy button; the links as the
// one table, each with its last visit and visits, revocable at once (audited on the server).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/data-table/data-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass, selectClass } from "@/components/ui/field";
import type { ShareLink } from "@/lib/affiliate-share/links";
import { apiFetch } from "@/lib/http/api-client";
import { errorMessage } from "@/lib/http/client-error";

const EXPIRIES = [null, 7, 30, 90, 365] as const;

export function ShareLinks({ links, codes, canShare }: { links: ShareLink[]; codes: { code: string; name: string | null }[]; canShare: boolean }) {
  const t = useTranslations("AffiliateLinks");
  const tErrors = useTranslations("Errors");
  const format = useFormatter();
  const timeZone = useTimeZone() ?? "UTC";
  const router = useRouter();
  const [code, setCode] = useState(codes[0]?.code ?? "");
  const [expiry, setExpiry] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const when = (iso: string | null, none: string) => (iso === null ? none : format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }));

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setCopied(false);
    try {
      const res = await apiFetch<{ path: string }>("/api/affiliates/share-links", { method: "POST", body: { code, expiresInDays: expiry === "" ? null : Number(expiry) } });
      setCreated(`${window.location.origin}${res.path}`);
      router.refresh();
    } catch (error) {
      setMessage(errorMessage(tErrors, error));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setMessage(null);
    try {
      await apiFetch(`/api/affiliates/share-links/${encodeURIComponent(id)}`, { method: "DELETE" });
      setMessage(t("revoked"));
      router.refresh();
    } catch (error) {
      setMessage(errorMessage(tErrors, error));
    }
  }

  const columns: Column<ShareLink>[] = [
    { id: "code", header: t("columns.code"), card: "title", alwaysVisible: true, cell: (l) => l.code },
    { id: "state", header: t("columns.state"), card: "status", cell: (l) => t(`states.${l.state}`) },
    { id: "createdAt", header: t("columns.createdAt"), card: "date", cell: (l) => when(l.createdAt, "") },
    { id: "createdBy", header: t("columns.createdBy"), cell: (l) => l.createdBy ?? "—" },
    { id: "expiresAt", header: t("columns.expiresAt"), cell: (l) => when(l.expiresAt, t("noExpiry")) },
    { id: "lastVisitAt", header: t("columns.lastVisitAt"), cell: (l) => when(l.lastVisitAt, t("never")) },
    { id: "visits", header: t("columns.visits"), align: "right", cell: (l) => format.number(l.visits) },
  ];
  if (canShare) {
    columns.push({
      id: "actions",
      header: t("columns.actions"),
      card: "actions",
      cell: (l) =>
        l.state === "revoked" ? null : (
          <button type="button" className={buttonClass("secondary")} onClick={() => void revoke(l.id)} aria-label={t("revokeLabel", { code: l.code, date: when(l.createdAt, "") })} data-testid={`revoke-share-link-${l.id}`}>
            {t("revoke")}
          </button>
        ),
    });
  }

  return (
    <div className="space-y-4" data-testid="share-links">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("description")}</p>
      {canShare ? (
        codes.length === 0 ? (
          <p className="text-sm">{t("noAffiliates")}</p>
        ) : (
          <form onSubmit={(e) => void create(e)} className="flex flex-wrap items-end gap-3" data-testid="share-link-form">
            <label className="flex min-w-0 flex-col gap-1">
              <span className={labelClass}>{t("affiliate")}</span>
              <select className={selectClass} value={code} onChange={(e) => setCode(e.target.value)} name="code">
                {codes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name ? `${c.code} · ${c.name}` : c.code}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex min-w-0 flex-col gap-1">
              <span className={labelClass}>{t("expiry")}</span>
              <select className={selectClass} value={expiry} onChange={(e) => setExpiry(e.target.value)} name="expiresInDays">
                {EXPIRIES.map((d) => (
                  <option key={d ?? "never"} value={d === null ? "" : String(d)}>
                    {d === null ? t("expiryNever") : t("expiryDays", { days: d })}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass("primary")} disabled={busy} data-testid="share-link-create">
              {busy ? t("creating") : t("create")}
            </button>
          </form>
        )
      ) : null}
      {created ? (
        <div className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100" role="status">
          <p>{t("created")}</p>
          <div className="flex flex-wrap gap-2">
            <input readOnly value={created} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} aria-label={t("copy")} data-testid="share-link-url" onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => void navigator.clipboard?.writeText(created).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p role="status" className="text-sm" data-testid="share-links-message">
          {message}
        </p>
      ) : null}
      {links.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p> : <DataTable label={t("title")} testId="share-links-table" columns={columns} rows={links} rowKey={(l) => l.id} columnMenu={false} />}
    </div>
  );
}
