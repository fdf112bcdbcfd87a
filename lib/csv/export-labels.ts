// A CSV header in the member's language (messages `csv.<table>`) and the preset they get by default, read
// once by an export route before it calls its service (the services take plain labels, so tests need no locale).
import "server-only";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/request";
import { defaultPresetFor, type CsvPreset } from "./presets";

export async function csvHeaderLabels<K extends string>(table: string, columns: readonly K[]): Promise<{ labels: Record<K, string>; defaultPreset: CsvPreset }> {
  const locale = await currentLocale();
  const namespace: string = `csv.${table}`;
  const t = await getTranslations({ locale, namespace });
  const labels = Object.fromEntries(columns.map((c): [K, string] => [c, t(c as string)])) as Record<K, string>;
  return { labels, defaultPreset: defaultPresetFor(locale) };
}
