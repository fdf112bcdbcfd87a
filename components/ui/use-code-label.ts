// `codeLabel` for components, server or client (lib/format/code-words.ts): the words of a code in the
// member's language, "known" read from the `Codes` messages the page already carries instead of the
// table of every code, which stays on the server.
import { useMessages, useTranslations } from "next-intl";
import { codeWords, knownInMessages } from "@/lib/format/code-words";
import type { CodeKind } from "@/lib/format/codes";

/** `(kind, code) => words`: `useCodeLabel()("saleStatus", "completed")` → "Payée"; an unknown code comes back as it came. */
export function useCodeLabel(): (kind: CodeKind, code: string | null | undefined) => string {
  const t = useTranslations("Codes");
  const isKnown = knownInMessages(useMessages().Codes);
  return (kind, code) => codeWords(isKnown, t, kind, code);
}
