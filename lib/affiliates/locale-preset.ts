// The CSV preset a member gets by default: Excel (French) for the French interface, standard otherwise.
import "server-only";
import { defaultPresetFor, type CsvPreset } from "@/lib/csv/presets";
import { currentLocale } from "@/lib/i18n/request";

export async function defaultPresetForRequest(): Promise<CsvPreset> {
  return defaultPresetFor(await currentLocale());
}
