// Stands in for `next-intl/server` in route tests: its real entry needs a Next.js request; this gives the
// same catalogues (messages/) through next-intl's plain translator. Use as
// `vi.mock("next-intl/server", () => import("@/tests/support/next-intl-server"))`.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";

export async function getTranslations({ locale, namespace }: { locale: "fr" | "en"; namespace: string }) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace });
}
