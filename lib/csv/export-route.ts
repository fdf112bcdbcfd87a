// The one route helper every CSV export goes through (issue 15): the route wrapper with the export's
// permissions (`exportOf`: the data's permission AND export:csv), its query plus `preset`, and what every
// export needs — the member's language (header labels from the messages, docs/export.md), the CSV preset
// (the member's default unless `?preset=`), the store's time zone and the database. A handler names its
// columns' message namespace and calls one service; no export reads a locale or a preset by itself.
import "server-only";
import type { Kysely } from "kysely";
import type { NextRequest } from "next/server";
import { z } from "zod";
import type { Actor, Member } from "@/lib/team";
import type { Permission } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db";
import { route } from "@/lib/http/route";
import { currentLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/locales";
import { getStoreTimeZone } from "@/lib/settings/store-timezone";
import { csvHeaderLabels, translatorFor, type Translate } from "./export-labels";
import { defaultPresetFor, type CsvPreset } from "./presets";
import { csvPresetSchema } from "./schemas";

export type CsvExportContext<I, P> = {
  req: NextRequest;
  db: Kysely<Database>;
  /** The query without `preset`. */
  input: I;
  params: P;
  member: Member;
  actor: Actor;
  locale: Locale;
  /** `?preset=`, else the member's default: Excel (French) for French, standard for English. */
  preset: CsvPreset;
  /** The store's time zone: instants are written in it and the header names it. */
  timeZone: string;
  /** The labels of `columns` from messages `<namespace>.<column>` in the member's language. */
  labels<K extends string>(namespace: string, columns: readonly K[]): Promise<Record<K, string>>;
  /** A translator of `namespace` in the member's language, for labels that are not one key per column. */
  translator(namespace: string): Promise<Translate>;
};

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type Output<T> = T extends z.ZodType ? z.output<T> : undefined;
const NO_QUERY = z.object({});

/**
 * `GET …/export.csv`: `route({ exportOf, schema + preset, params })`, then `handler` with the context
 * above. The query schema must not declare `preset` itself.
 */
export function csvExportRoute<S extends ObjectSchema = typeof NO_QUERY, P extends z.ZodType | undefined = undefined>(
  options: { exportOf: Exclude<Permission, "export:csv">; schema?: S; params?: P },
  handler: (ctx: CsvExportContext<z.output<S>, Output<P>>) => Promise<Response>,
) {
  // safeExtend keeps the schema's own refinements (a day range's order check).
  const schema = (options.schema ?? NO_QUERY).safeExtend({ preset: csvPresetSchema.optional() });
  return route({ exportOf: options.exportOf, schema, params: options.params }, async ({ req, input, params, member, actor }) => {
    const { preset, ...query } = input as { preset?: CsvPreset } & Record<string, unknown>;
    const locale = await currentLocale();
    const db = await getDb();
    return handler({
      req,
      db,
      input: query as z.output<S>,
      params: params as Output<P>,
      member,
      actor,
      locale,
      preset: preset ?? defaultPresetFor(locale),
      timeZone: await getStoreTimeZone(db),
      labels: (namespace, columns) => csvHeaderLabels(locale, namespace, columns),
      translator: (namespace) => translatorFor(locale, namespace),
    });
  });
}
