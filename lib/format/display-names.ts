// Countries and locales in words, from the runtime's CLDR data (Intl.DisplayNames): "BJ" → "Bénin",
// Chariow's `context.locale` "fr_BJ" → "français (Bénin)". Safe on the client and the server. A value Intl
// cannot read comes back unchanged.

const cache = new Map<string, Intl.DisplayNames>();

function displayNames(locale: string, type: "region" | "language"): Intl.DisplayNames {
  const key = `${locale}|${type}`;
  let names = cache.get(key);
  if (!names) {
    // "standard": every locale as "language (region)", not CLDR's dialect names ("anglais américain").
    names = new Intl.DisplayNames(locale, { type, fallback: "none", ...(type === "language" ? { languageDisplay: "standard" as const } : {}) });
    cache.set(key, names);
  }
  return names;
}

/** "BJ" (ISO 3166-1 alpha-2, any case) → "Bénin" in French, "Benin" in English. */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const trimmed = code.trim();
  if (!/^[A-Za-z]{2}$/.test(trimmed)) return code;
  try {
    return displayNames(locale, "region").of(trimmed.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "fr_BJ" or "fr-BJ" → "français (Bénin)" in French, "French (Benin)" in English. */
export function localeName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const tag = code.trim().replace(/_/g, "-");
  try {
    return displayNames(locale, "language").of(tag) ?? code;
  } catch {
    return code; // not a BCP 47 tag: Intl throws a RangeError
  }
}
