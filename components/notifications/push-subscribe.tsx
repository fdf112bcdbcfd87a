"use client";
// "Notifications on this device" (issue 19, docs/notifications.md "Channels"): asks the browser for
// permission, subscribes it to Web Push with the store's VAPID public key (GET /api/me/push) and saves the
// subscription (POST); turning it off unsubscribes and deletes it. Push also needs "push" ticked in the
// member's preferences. The service worker (sw/sw.ts) shows what arrives.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-client";

type State = "checking" | "unsupported" | "denied" | "off" | "on" | "working" | "error";

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The dashboard's service worker once active (it registers when the page is idle: waits up to 5 s for it). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

export function PushSubscribe() {
  const t = useTranslations("NotificationsPush");
  const [state, setState] = useState<State>("checking");

  useEffect(() => {
    void (async () => {
      const reg = await registration();
      if (!reg) return setState("unsupported");
      if (Notification.permission === "denied") return setState("denied");
      setState((await reg.pushManager.getSubscription()) ? "on" : "off");
    })();
  }, []);

  const enable = async () => {
    setState("working");
    try {
      const reg = await registration();
      if (!reg) return setState("unsupported");
      if ((await Notification.requestPermission()) !== "granted") return setState("denied");
      const { publicKey } = await apiFetch<{ publicKey: string }>("/api/me/push");
      const subscription = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      await apiFetch("/api/me/push", { method: "POST", body: subscription.toJSON() });
      setState("on");
    } catch {
      setState("error");
    }
  };

  const disable = async () => {
    setState("working");
    try {
      const subscription = await (await registration())?.pushManager.getSubscription();
      if (subscription) {
        await apiFetch("/api/me/push", { method: "DELETE", body: { endpoint: subscription.endpoint } });
        await subscription.unsubscribe();
      }
      setState("off");
    } catch {
      setState("error");
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="push-subscribe" data-state={state}>
      <p className="text-sm text-zinc-700 dark:text-zinc-300" role="status">
        {t(`state.${state}`)}
      </p>
      {state === "off" || state === "error" ? (
        <button type="button" className={buttonClass("secondary")} onClick={() => void enable()}>
          {t("enable")}
        </button>
      ) : null}
      {state === "on" ? (
        <button type="button" className={buttonClass("secondary")} onClick={() => void disable()}>
          {t("disable")}
        </button>
      ) : null}
    </div>
  );
}
