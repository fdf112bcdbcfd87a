"use client";
// The recovery worklist island: rows with their actions, bulk marking of the selected leads, message
// language. Mutations go to /api/recovery/*; the page is refreshed from the server afterwards.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { openContact, type ContactLinks } from "@/components/contact/open-contact";
import { ApiError, apiFetch } from "@/lib/http/api-client";
import { LeadRow } from "./lead-row";
import type { LeadView, RecoveryLabels } from "./recovery-types";

type Contact = ContactLinks & { checkoutUrl: string | null; message: string };

export function RecoveryWorklist({ leads, labels, members, defaultLanguage, exportHref }: { leads: LeadView[]; labels: RecoveryLabels; members: { id: string; label: string }[]; defaultLanguage: "fr" | "en"; exportHref: string | null }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [language, setLanguage] = useState(defaultLanguage);
  const [bulkState, setBulkState] = useState<LeadView["state"]>("contacted");
  const [status, setStatus] = useState<string | null>(null);

  const act = async (saleIds: string[], patch: { state?: string; note?: string; assignedTo?: string | null }) => {
    try {
      await apiFetch("/api/recovery/leads", { method: "POST", body: { saleIds, ...patch } });
      router.refresh();
      return labels.saved;
    } catch (e) {
      return e instanceof ApiError ? e.message : String(e);
    }
  };
  // Never a silent no-op: no link, a refused clipboard or a failed call each end with a message.
  const contact = async (saleId: string, channel: "link" | "whatsapp" | "email"): Promise<string | null> => {
    const path = `/api/recovery/leads/${encodeURIComponent(saleId)}/contact`;
    try {
      const c = await apiFetch<Contact>(`${path}?locale=${language}`);
      let done: string | null = null;
      if (channel === "link") {
        if (!c.checkoutUrl) return labels.noLink;
        const copied = await navigator.clipboard.writeText(c.checkoutUrl).then(() => true, () => false);
        done = copied ? labels.copied : `${labels.copyFailed} ${c.checkoutUrl}`;
      } else {
        const opened = openContact(c, channel);
        if (!opened.ok) return labels.whatsappRefused[opened.reason] ?? opened.reason;
      }
      await apiFetch(path, { method: "POST", body: { channel } });
      return done;
    } catch (e) {
      return e instanceof ApiError ? e.message : String(e);
    }
  };
  const toggle = (id: string, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <label>{labels.language}
          <select className="ml-1 rounded border px-1 py-0.5" value={language} onChange={(e) => setLanguage(e.target.value as "fr" | "en")}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>{labels.bulk}
          <select className="ml-1 rounded border px-1 py-0.5" value={bulkState} onChange={(e) => setBulkState(e.target.value as LeadView["state"])}>
            {(["contacted", "won", "lost", "open"] as const).map((s) => <option key={s} value={s}>{labels.states[s]}</option>)}
          </select>
        </label>
        <button type="button" className="rounded border px-2 py-1" disabled={selected.size === 0} onClick={async () => { setStatus(await act([...selected], { state: bulkState })); setSelected(new Set()); }}>
          {labels.bulkApply}
        </button>
        {exportHref && selected.size > 0 ? (
          <a className="rounded border px-2 py-1" data-testid="leads-export" href={`${exportHref}&ids=${encodeURIComponent([...selected].join(","))}`}>{labels.exportSelected}</a>
        ) : null}
        {status ? <span role="status">{status}</span> : null}
      </div>
      {leads.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{labels.empty}</p> : (
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="w-full text-sm" data-testid="recovery-worklist">
            <thead className="text-left text-xs uppercase text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-2 pr-2"><input type="checkbox" aria-label={labels.selectAll} checked={selected.size === leads.length} onChange={(e) => setSelected(e.target.checked ? new Set(leads.map((l) => l.saleId)) : new Set())} /></th>
                {(["customer", "product", "amount", "reason", "channel", "age", "status", "actions"] as const).map((k) => <th key={k} scope="col" className={`py-2 pr-3 ${k === "amount" ? "text-right" : ""}`}>{labels.columns[k]}</th>)}
              </tr>
            </thead>
            <tbody>
              {leads.map((l) => (
                <LeadRow key={l.saleId} lead={l} labels={labels} members={members} selected={selected.has(l.saleId)} onSelect={(on) => toggle(l.saleId, on)} onAction={(p) => act([l.saleId], p)} onContact={(ch) => contact(l.saleId, ch)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
