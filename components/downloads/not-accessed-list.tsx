"use client";
// "Not accessed yet": buyers to remind, with the recovery worklist's WhatsApp / e-mail actions. The
// message (access instructions, FR or EN) is built server-side; each attempt is audited there.
import { useState } from "react";
import { openContact, type ContactLinks } from "@/components/contact/open-contact";
import { ApiError, apiFetch } from "@/lib/http/api-client";
import type { NotAccessedLabels, NotAccessedView } from "./downloads-types";

export function NotAccessedList({ rows, labels, defaultLanguage }: { rows: NotAccessedView[]; labels: NotAccessedLabels; defaultLanguage: "fr" | "en" }) {
  const [language, setLanguage] = useState(defaultLanguage);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const contact = async (saleId: string, channel: "whatsapp" | "email") => {
    const path = `/api/downloads/sales/${encodeURIComponent(saleId)}/contact`;
    try {
      const links = await apiFetch<ContactLinks>(`${path}?locale=${language}`);
      const opened = openContact(links, channel);
      if (!opened.ok) {
        setNotes((n) => ({ ...n, [saleId]: channel === "email" ? labels.noEmail : (labels.whatsappRefused[opened.reason] ?? opened.reason) }));
        return;
      }
      await apiFetch(path, { method: "POST", body: { channel } });
      setNotes((n) => ({ ...n, [saleId]: "" }));
    } catch (e) {
      setNotes((n) => ({ ...n, [saleId]: e instanceof ApiError ? e.message : String(e) }));
    }
  };
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{labels.empty}</p>;
  return (
    <div>
      <label className="mb-3 block text-sm">{labels.language}
        <select className="ml-1 rounded border px-1 py-0.5" value={language} onChange={(e) => setLanguage(e.target.value as "fr" | "en")}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </label>
      <div className="relative overflow-x-auto" tabIndex={0}>
        <table className="w-full text-sm" data-testid="downloads-not-accessed">
          <thead className="text-left text-xs uppercase text-zinc-600 dark:text-zinc-400">
            <tr>{(["sale", "customer", "product", "paidAt", "age", "actions"] as const).map((k) => <th key={k} scope="col" className="py-2 pr-3">{labels.columns[k]}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.saleId} data-sale-id={r.saleId} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <td className="py-2 pr-3"><a className="underline" href={`/sales/${encodeURIComponent(r.saleId)}`}>{r.saleId}</a></td>
                <td className="py-2 pr-3">{r.customer}</td>
                <td className="py-2 pr-3">{r.product}</td>
                <td className="py-2 pr-3 tabular-nums">{r.paidAt}</td>
                <td className="py-2 pr-3 tabular-nums">{r.age}</td>
                <td className="py-2">
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className="rounded border px-2 py-1 text-xs" onClick={() => contact(r.saleId, "whatsapp")}>{labels.whatsapp}</button>
                    <button type="button" className="rounded border px-2 py-1 text-xs" disabled={!r.hasEmail} onClick={() => contact(r.saleId, "email")}>{labels.email}</button>
                  </div>
                  {notes[r.saleId] ? <p role="status" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{notes[r.saleId]}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
