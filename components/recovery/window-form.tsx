"use client";
// Owners and admins set the recovery attribution window (days); the server validates 1–90 and audits it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-client";

export function RecoveryWindowForm({ initial, min, max, labels }: { initial: number; min: number; max: number; labels: Record<"days" | "help" | "save" | "saved", string> }) {
  const router = useRouter();
  const [days, setDays] = useState(String(initial));
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    try {
      await apiFetch("/api/recovery/window", { method: "PUT", body: { days: Number(days) } });
      setStatus(labels.saved);
      router.refresh();
    } catch (e) {
      setStatus(e instanceof ApiError ? `${e.field ?? ""} ${e.message}`.trim() : String(e));
    }
  };
  return (
    <div className="text-sm" data-testid="recovery-window">
      <label className="flex flex-wrap items-center gap-2">
        {labels.days}
        <input className="w-20 rounded border px-2 py-1" type="number" inputMode="numeric" min={min} max={max} step={1} value={days} onChange={(e) => setDays(e.target.value)} />
        <button type="button" className="rounded bg-zinc-900 px-3 py-1.5 text-white" onClick={save}>{labels.save}</button>
        {status ? <span role="status">{status}</span> : null}
      </label>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">{labels.help}</p>
    </div>
  );
}
