// The contact buttons' look, shared by the inbox's rows and the lead's panel: WhatsApp filled (a lead's
// primary action), e-mail outlined; both at least 44 px. A plain module: server and client components use it.
import { buttonClass } from "@/components/ui/button";

export function contactButtonClass(channel: "whatsapp" | "email", extra = ""): string {
  return channel === "whatsapp"
    ? `inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md bg-emerald-700 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${extra}`
    : buttonClass("secondary", extra);
}
