// A CSV header in the member's language: the labels of an export's columns, read from the messages
// (`<namespace>.<column>`: `Exports.licences`, `csv.audit`, `Export.columns`…) in their locale. The services
// take plain labels, so their tests need no locale; the one export route helper (lib/csv/export-route.ts)
// reads them.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

/** A translator of one namespace, as a plain function (next-intl's `t`, or createTranslator in tests). */
export type Translate = (key: string) => string;

export async function translatorFor(locale: Locale, namespace: string): Promise<Translate> {
  const t = await getTranslations({ locale, namespace });
  return (key) => t(key);
}

/** `columns` → their labels from `namespace` in `locale`. */
export async function csvHeaderLabels<K extends string>(locale: Locale, namespace: string, columns: readonly K[]): Promise<Record<K, string>> {
  const t = await translatorFor(locale, namespace);
  return Object.fromEntries(columns.map((c): [K, string] => [c, t(c)])) as Record<K, string>;
}
