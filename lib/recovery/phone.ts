// WhatsApp links need the phone in international form, digits only (wa.me/<E.164 without +). Customer
// phones may be local ("07 07 12 34 56" from Côte d'Ivoire): the sale's country gives the dialling code.
// When neither the number nor the country makes it international, no link is built and the reason says why.

/** Dialling codes of the francophone African countries Chariow serves, plus France and the US. */
export const DIALLING_CODES: Readonly<Record<string, string>> = {
  BJ: "229", BF: "226", CI: "225", CM: "237", CF: "236", CG: "242", CD: "243", GA: "241", GN: "224", ML: "223",
  MR: "222", NE: "227", SN: "221", TD: "235", TG: "228", MA: "212", TN: "216", DZ: "213", MG: "261", RW: "250",
  BI: "257", DJ: "253", KM: "269", FR: "33", BE: "32", CA: "1", US: "1",
};

/** Countries whose national numbers start with a trunk "0" that is dropped after the country code. */
const TRUNK_ZERO = new Set(["FR", "BE", "CM", "MA", "TN", "DZ", "MG", "RW", "CD", "CG"]);

export type PhoneResult = { ok: true; digits: string } | { ok: false; reason: "missing" | "invalid" | "no_country" | "unknown_country" };

/** The phone as E.164 digits (no "+"), using `country` (ISO2) for a local number. */
export function internationalPhone(phone: string | null, country: string | null): PhoneResult {
  if (!phone || phone.trim() === "") return { ok: false, reason: "missing" };
  const raw = phone.trim();
  if (/[^\d\s+().\-/]/.test(raw)) return { ok: false, reason: "invalid" };
  const digits = raw.replace(/\D/g, "");
  if (raw.startsWith("+")) return validE164(digits);
  if (digits.startsWith("00")) return validE164(digits.slice(2));
  const iso = country?.trim().toUpperCase() ?? "";
  if (iso === "") return { ok: false, reason: "no_country" };
  const code = DIALLING_CODES[iso];
  if (!code) return { ok: false, reason: "unknown_country" };
  // Already international without its "+" (e.g. "2250707123456")?
  if (digits.startsWith(code) && digits.length - code.length >= 8) return validE164(digits);
  const national = TRUNK_ZERO.has(iso) && digits.startsWith("0") ? digits.slice(1) : digits;
  return validE164(code + national);
}

function validE164(digits: string): PhoneResult {
  // E.164: at most 15 digits; no real subscriber number is shorter than 8 with its country code.
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith("0") ? { ok: true, digits } : { ok: false, reason: "invalid" };
}

/** A wa.me link opening a chat with the prefilled `message` (and the number's digits), or the reason none can be built. */
export function whatsappLink(phone: string | null, country: string | null, message: string): { ok: true; url: string; digits: string } | Extract<PhoneResult, { ok: false }> {
  const p = internationalPhone(phone, country);
  if (!p.ok) return p;
  return { ok: true, url: `https://wa.me/${p.digits}?text=${encodeURIComponent(message)}`, digits: p.digits };
}
