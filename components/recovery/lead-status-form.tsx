"use client";
// Working one lead: its state and a note (saved together), and who follows it up (saved on change). One
// audited call to /api/recovery/leads each; the page is then refreshed from the server.
import { filterLabelClass, inputClass } from "@/components/ui/field";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { apiFetch } from "@/lib/http/api-client";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { LEAD_STATES, type LeadState } from "@/lib/recovery/lead-states";
import type { MemberOption } from "./recovery-types";


export function LeadStatusForm({ saleId, state: initialState, note: initialNote, assignedTo, members }: { saleId: string; state: LeadState; note: string | null; assignedTo: string | null; members: MemberOption[] }) {
  const t = useTranslations("Recovery");
  const codeLabel = useCodeLabel();
  const router = useRouter();
  const [state, setState] = useState(initialState);
  const [note, setNote] = useState(initialNote ?? "");
  const [assignee, setAssignee] = useState(assignedTo ?? "");
  const [outcome, setOutcome] = useState<{ saved: true } | { error: unknown } | null>(null);

  const save = async (patch: { state?: LeadState; note?: string; assignedTo?: string | null }) => {
    try {
      await apiFetch("/api/recovery/leads", { method: "POST", body: { saleIds: [saleId], ...patch } });
      setOutcome({ saved: true });
      router.refresh();
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <div className="space-y-3" data-testid="lead-status-form">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ state, note });
        }}
      >
        <label className={filterLabelClass}>
          {t("actions.state")}
          <select className={inputClass} value={state} onChange={(e) => setState(e.target.value as LeadState)}>
            {LEAD_STATES.map((s) => (
              <option key={s} value={s}>
                {codeLabel("recoveryLeadState", s)}
              </option>
            ))}
          </select>
        </label>
        <label className={`${filterLabelClass} min-w-0 grow`}>
          {t("actions.note")}
          <input className={inputClass} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className={buttonClass("primary", "min-h-11")}>
          {t("actions.save")}
        </button>
      </form>
      <label className={filterLabelClass}>
        {t("actions.assign")}
        <select
          className={inputClass}
          value={assignee}
          onChange={(e) => {
            setAssignee(e.target.value);
            void save({ assignedTo: e.target.value || null });
          }}
        >
          <option value="">{t("actions.unassigned")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {outcome ? (
        <p role="status" className={`text-sm ${"error" in outcome ? "text-red-700 dark:text-red-300" : ""}`}>
          {"saved" in outcome ? t("actions.saved") : <ErrorText error={outcome.error} />}
        </p>
      ) : null}
    </div>
  );
}
