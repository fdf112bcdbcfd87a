// The Payments view's words for its codes (a method, a country, a pay-time bucket), shared by its tables,
// the summary and the degraded notice so each says the same thing. Server or client (no I/O).
import { useLocale, useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { countryName } from "@/lib/format/display-names";
import { UNKNOWN_KEY } from "@/lib/payments/keys";

type Translate = ReturnType<typeof useTranslations<"Payments">>;

/** Seconds as "45 s", "2 min 30 s", "1 h 15 min". */
export function durationWords(t: Translate, seconds: number): string {
  if (seconds < 60) return t("duration.seconds", { s: seconds });
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s === 0 ? t("duration.minutes", { m }) : t("duration.minutesSeconds", { m, s });
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return m === 0 ? t("duration.hours", { h }) : t("duration.hoursMinutes", { h, m });
}

export function usePaymentWords() {
  const t = useTranslations("Payments");
  const code = useCodeLabel();
  const locale = useLocale();
  return {
    t,
    method: (m: string) => (m === UNKNOWN_KEY ? t("unknownMethod") : code("paymentMethod", m)),
    country: (c: string) => (c === UNKNOWN_KEY ? t("unknownCountry") : countryName(c, locale)),
    reason: (r: string) => (r === UNKNOWN_KEY || r === "" ? t("columns.unknown") : code("failureCode", r)),
    /** The median's bucket: "2 min 30 s to 3 min"; the open last one "a day or more". */
    medianPay: (b: { from: number; to: number | null } | null) => (b === null ? "—" : b.to === null ? t("duration.atLeast") : t("duration.range", { from: durationWords(t, b.from), to: durationWords(t, b.to) })),
  };
}
