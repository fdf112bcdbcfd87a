"use client";
// The webhook's two actions (issue 19; owners and admins): rotate the signing secret — the new one is shown
// here once, from the action's answer, and masked on every later render — and send a test through the
// outbox. Forms with useActionState: they post without JavaScript too, and the answer renders in place.
// The server actions come as props from the Settings page (the app-shell's sign-out pattern), so this
// island's bundle never walks into the server modules behind them.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { WebhookActionState } from "@/lib/notifications/actions";

type Action = () => Promise<WebhookActionState>;

export function WebhookActions({ maskedSecret, hasUrl, rotateAction, testAction }: { maskedSecret: string; hasUrl: boolean; rotateAction: Action; testAction: Action }) {
  const t = useTranslations("NotificationsPage.store.webhook");
  const [rotated, rotate, rotating] = useActionState<WebhookActionState, FormData>(rotateAction, null);
  const [tested, test, testing] = useActionState<WebhookActionState, FormData>(testAction, null);
  return (
    <div className="space-y-3" data-testid="webhook-actions">
      <p className="text-sm">
        {t("secret")} <code className="break-all rounded bg-zinc-100 px-1 dark:bg-zinc-800">{rotated?.secret ?? maskedSecret}</code>
      </p>
      {rotated?.secret ? <Alert tone="info">{t("secretOnce")}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <form action={rotate}>
          <button type="submit" className={buttonClass("secondary")} disabled={rotating}>
            {t("rotate")}
          </button>
        </form>
        <form action={test}>
          <button type="submit" className={buttonClass("secondary")} disabled={testing || !hasUrl}>
            {t("test")}
          </button>
        </form>
      </div>
      {!hasUrl ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("noUrl")}</p> : null}
      {tested?.queued ? <Alert tone="info">{t("queued")}</Alert> : null}
      {tested?.error ? <Alert>{t("testError")}</Alert> : null}
    </div>
  );
}
