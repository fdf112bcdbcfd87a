"use client";
// Owners and admins edit the French and English recovery messages; placeholders are listed beside them.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-client";

export function RecoveryTemplatesForm({ initial, labels }: { initial: { fr: string; en: string }; labels: Record<"title" | "fr" | "en" | "placeholders" | "save" | "saved", string> }) {
  const router = useRouter();
  const [fr, setFr] = useState(initial.fr);
  const [en, setEn] = useState(initial.en);
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    try {
      await apiFetch("/api/recovery/templates", { method: "PUT", body: { fr, en } });
      setStatus(labels.saved);
      router.refresh();
    } catch (e) {
      setStatus(e instanceof ApiError ? `${e.field ?? ""} ${e.message}`.trim() : String(e));
    }
  };
  return (
    <details className="text-sm" data-testid="recovery-templates">
      <summary className="cursor-pointer font-medium">{labels.title}</summary>
      <p className="my-2 text-zinc-600 dark:text-zinc-400">{labels.placeholders}</p>
      <label className="mb-2 block">{labels.fr}<textarea className="mt-1 block w-full rounded border p-2" rows={3} value={fr} onChange={(e) => setFr(e.target.value)} /></label>
      <label className="mb-2 block">{labels.en}<textarea className="mt-1 block w-full rounded border p-2" rows={3} value={en} onChange={(e) => setEn(e.target.value)} /></label>
      <button type="button" className="rounded bg-zinc-900 px-3 py-1.5 text-white" onClick={save}>{labels.save}</button>
      {status ? <span role="status" className="ml-2">{status}</span> : null}
    </details>
  );
}
