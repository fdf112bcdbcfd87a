// A date or instant on screen (lib/format/date-time.ts) in the member's language and the store's time
// zone, both read from next-intl (lib/i18n/request.ts sets the store's zone). Server and client components
// alike (no "use client", not async); the <time> element keeps the machine-readable value.
import { useLocale, useTimeZone } from "next-intl";
import { formatDateTime, machineDateTime, type DateTimeStyle } from "@/lib/format/date-time";

export function DateTime({ value, style = "dateTime", className }: { value: string | Date | number | null | undefined; style?: DateTimeStyle; className?: string }) {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  if (value === null || value === undefined || value === "") return null;
  const machine = machineDateTime(value);
  const text = formatDateTime(value, { locale, timeZone }, style);
  if (machine === null) return <span className={className}>{text}</span>;
  return (
    <time dateTime={machine} className={className}>
      {text}
    </time>
  );
}
