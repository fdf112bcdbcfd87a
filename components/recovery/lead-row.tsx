"use client";
// One lead of the worklist with its actions: copy the recovery link, WhatsApp, e-mail, state + note,
// assignee. Calls the recovery API through the callbacks it is given; every action is audited server-side.
import { useState } from "react";
import type { LeadView, RecoveryLabels } from "./recovery-types";

export function LeadRow({ lead, labels, members, selected, onSelect, onAction, onContact }: {
  lead: LeadView;
  labels: RecoveryLabels;
  members: { id: string; label: string }[];
  selected: boolean;
  onSelect: (on: boolean) => void;
  onAction: (patch: { state?: string; note?: string; assignedTo?: string | null }) => Promise<string | null>;
  onContact: (channel: "link" | "whatsapp" | "email") => Promise<string | null>;
}) {
  const [note, setNote] = useState(lead.note ?? "");
  const [state, setState] = useState(lead.state);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (f: () => Promise<string | null>) => setMessage(await f());
  return (
    <tr data-lead-id={lead.saleId} className="border-t border-zinc-100 align-top dark:border-zinc-800">
      <td className="py-2 pr-2"><input type="checkbox" aria-label={`${labels.selectLead} ${lead.saleId}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} /></td>
      <td className="py-2 pr-3"><div className="font-medium">{lead.customer}</div><div className="text-xs text-zinc-600 dark:text-zinc-400">{lead.saleId}</div></td>
      <td className="py-2 pr-3">{lead.product}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{lead.amount}</td>
      <td className="py-2 pr-3"><div>{lead.categoryLabel}</div>{lead.reason ? <div className="text-xs text-zinc-600 dark:text-zinc-400">{lead.reason}</div> : null}</td>
      <td className="py-2 pr-3">{lead.channel}</td>
      <td className="py-2 pr-3 tabular-nums">{lead.age}</td>
      <td className="py-2 pr-3">
        {lead.recovered ? <a data-testid="lead-recovered" href={`/sales/${encodeURIComponent(lead.recoveredSaleId ?? "")}`} className="rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800 underline">{lead.recovered}</a> : <span data-testid="lead-state">{lead.stateLabel}</span>}
      </td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          {lead.hasLink ? (
            <button type="button" className="rounded border px-2 py-1 text-xs" onClick={() => run(() => onContact("link"))}>{labels.copyLink}</button>
          ) : (
            <span data-testid="lead-no-link" className="px-1 py-1 text-xs text-zinc-600 dark:text-zinc-400" title={labels.noLink}>{labels.noLinkShort}</span>
          )}
          <button type="button" className="rounded border px-2 py-1 text-xs" onClick={() => run(() => onContact("whatsapp"))}>{labels.whatsapp}</button>
          <button type="button" className="rounded border px-2 py-1 text-xs" disabled={!lead.hasEmail} onClick={() => run(() => onContact("email"))}>{labels.email}</button>
        </div>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className="text-xs">{labels.state}
            <select className="ml-1 rounded border px-1 py-0.5" value={state} onChange={(e) => setState(e.target.value as LeadView["state"])}>
              {(["open", "contacted", "won", "lost"] as const).map((s) => <option key={s} value={s}>{labels.states[s]}</option>)}
            </select>
          </label>
          <label className="text-xs">{labels.note}
            <input className="ml-1 w-40 rounded border px-1 py-0.5" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="rounded bg-zinc-900 px-2 py-1 text-xs text-white" onClick={() => run(() => onAction({ state, note }))}>{labels.save}</button>
          <label className="text-xs">{labels.assign}
            <select className="ml-1 rounded border px-1 py-0.5" value={lead.assignedTo ?? ""} onChange={(e) => run(() => onAction({ assignedTo: e.target.value || null }))}>
              <option value="">{labels.unassigned}</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          </label>
        </div>
        {message ? <p role="status" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{message}</p> : null}
      </td>
    </tr>
  );
}
