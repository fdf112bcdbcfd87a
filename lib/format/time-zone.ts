// A time zone in words: "Abidjan (GMT)", "Lagos (GMT+1)" in English, "Lagos (UTC+1)" in French — the
// city of the IANA id and the offset Intl names in the member's language — never the id itself
// ("Africa/Abidjan") on screen. Ids stay the values (forms, URLs, storage). Safe on the client and the
// server; the offset is the one in force at `at` (a zone with summer time changes it).

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormatter(zone: string, locale: string): Intl.DateTimeFormat | null {
  const key = `${locale}|${zone}`;
  if (!formatters.has(key)) {
    let f: Intl.DateTimeFormat | null;
    try {
      f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" });
    } catch {
      f = null; // not a zone this runtime knows
    }
    formatters.set(key, f);
  }
  return formatters.get(key)!;
}

/** "GMT+1", "UTC+5:30"; the zero offset plainly "GMT" / "UTC" (ICU versions differ: "GMT" or "GMT+0"). */
function offsetName(f: Intl.DateTimeFormat, at: Date): string {
  const name = f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  return name.replace(/^(GMT|UTC)[+\u2212-]0(?::00)?$/, "$1");
}

/** The place of an IANA id: its last part, underscores as spaces ("America/Argentina/Buenos_Aires" → "Buenos Aires"). */
function placeOf(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

const UNIVERSAL = /^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu|Greenwich)$/;

/**
 * `zone` in words for `locale`: "Abidjan (GMT)", "Lagos (GMT+1)", fr "Lagos (UTC+1)". Universal time is
 * "UTC" in both languages; an id the runtime does not know comes back as given, so a bad setting stays
 * visible rather than disappearing.
 */
export function timeZoneLabel(zone: string, locale: string, at: Date = new Date()): string {
  const f = offsetFormatter(zone, locale);
  if (!f) return zone;
  if (UNIVERSAL.test(zone)) return "UTC";
  const offset = offsetName(f, at);
  return offset ? `${placeOf(zone)} (${offset})` : zone;
}
