"use client";
// The store time zone setting: owners and admins save it (PUT /api/settings/timezone), which
// recomputes every sale's local day; other roles see it read-only. A failure is said by its code.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TimezoneForm } from "@/components/forms/timezone-form";
import { Alert } from "@/components/ui/alert";
import { ErrorText } from "@/components/ui/error-text";
import { timeZoneLabel } from "@/lib/format/time-zone";
import { apiFetch } from "@/lib/http/api-client";

export function TimezoneClient({ zones, current, canManage }: { zones: string[]; current: string; canManage: boolean }) {
  const t = useTranslations("settings");
  const locale = useLocale();
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (timeZone: string) => apiFetch<{ timeZone: string }>("/api/settings/timezone", { method: "PUT", body: { timeZone } }),
    onSuccess: (r) => {
      setSaved(r.timeZone);
      router.refresh();
    },
  });
  return (
    <div className="space-y-3" data-testid="timezone">
      <TimezoneForm key={current} zones={zones} value={current} disabled={!canManage} pending={save.isPending} onSubmit={(tz) => save.mutate(tz)} />
      {!canManage ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("readOnly")}</p> : null}
      {saved ? <Alert tone="info">{t("timezoneSaved", { timeZone: timeZoneLabel(saved, locale) })}</Alert> : null}
      {save.isError ? (
        <Alert>
          {t("timezoneError")} <ErrorText error={save.error} />
        </Alert>
      ) : null}
    </div>
  );
}
