// The message catalogue of one language: messages/<locale>.json (shell, team, settings…) plus one file per
// feature under messages/<locale>/, merged by their top-level namespaces. Splitting by feature keeps
// parallel work on different pages from editing the same file; a namespace lives in exactly one file.
import type { Locale } from "@/lib/i18n/locales";

// One entry per line: pages are often reworked in parallel, each adding its own file.
export const FEATURE_MESSAGE_FILES = [
  "analytics",
  "sales",
  "settlements",
  "affiliates",
  "fulfilment",
  "orders",
  "downloads",
  "licences",
  "table",
  "codes",
  "errors",
  "exports",
  "recovery",
  "team",
  "settings",
  "offline",
  "notifications",
  "notifications-push",
  "notifications-page",
  "payments",
  "payment-cases",
  "affiliate-page",
] as const;

type Catalogue = Record<string, unknown>;

export function mergeCatalogues(parts: { name: string; messages: Catalogue }[]): Catalogue {
  const merged: Catalogue = {};
  const owner = new Map<string, string>();
  for (const { name, messages } of parts) {
    for (const [namespace, value] of Object.entries(messages)) {
      const previous = owner.get(namespace);
      if (previous) throw new Error(`Message namespace "${namespace}" is defined in both ${previous} and ${name}`);
      owner.set(namespace, name);
      merged[namespace] = value;
    }
  }
  return merged;
}

export async function loadMessages(locale: Locale): Promise<Catalogue> {
  const base = (await import(`../../messages/${locale}.json`)).default as Catalogue;
  const features = await Promise.all(
    FEATURE_MESSAGE_FILES.map(async (file) => ({
      name: `messages/${locale}/${file}.json`,
      messages: (await import(`../../messages/${locale}/${file}.json`)).default as Catalogue,
    })),
  );
  return mergeCatalogues([{ name: `messages/${locale}.json`, messages: base }, ...features]);
}
