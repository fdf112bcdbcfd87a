// A Chariow or app code in the member's words (lib/format/codes.ts), for server and client components
// alike (no "use client", not async; the rule without the table of every code: ./use-code-label.ts). A
// failure code shows its translated message, the code itself in a tooltip for support; countries and
// locales are named by Intl.
import { useLocale, useMessages, useTranslations } from "next-intl";
import { codeKey, codeWords, knownInMessages } from "@/lib/format/code-words";
import type { CodeKind } from "@/lib/format/codes";
import { countryName, localeName } from "@/lib/format/display-names";

export type CodeLabelKind = CodeKind | "country" | "locale";

export function CodeLabel({ kind, code, className }: { kind: CodeLabelKind; code: string | null | undefined; className?: string }) {
  const t = useTranslations("Codes");
  const isKnown = knownInMessages(useMessages().Codes);
  const locale = useLocale();
  if (code === null || code === undefined || code === "") return null;
  if (kind === "country") return <span className={className}>{countryName(code, locale)}</span>;
  if (kind === "locale") return <span className={className}>{localeName(code, locale)}</span>;
  // The code stays reachable where support needs it: the failure code behind its message.
  const title = kind === "failureCode" && isKnown(kind, codeKey(kind, code)) ? code : undefined;
  return (
    <span className={className} title={title}>
      {codeWords(isKnown, t, kind, code)}
    </span>
  );
}
