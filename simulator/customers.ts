// Customer identities derived from (seed, customer index): French/West-African names, unique emails,
// and phone numbers in international form for WhatsApp recovery (DESIGN.md §3, Recovery page).
import { COUNTRIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, type Country } from "./catalog";
import { pick, rngFor } from "./prng";

export interface CustomerIdentity {
  index: number;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  phone: string;
  country: Country;
}

// National significant number lengths, so numbers look like what WhatsApp would accept.
const LOCAL_DIGITS: Record<string, { prefixes: string[]; len: number }> = {
  BJ: { prefixes: ["0196", "0197", "0161", "0166", "0190"], len: 10 },
  CI: { prefixes: ["07", "05", "01"], len: 10 },
  SN: { prefixes: ["77", "78", "76", "70"], len: 9 },
  TG: { prefixes: ["90", "91", "99", "70"], len: 8 },
  BF: { prefixes: ["70", "76", "65"], len: 8 },
  ML: { prefixes: ["76", "66", "79"], len: 8 },
  CM: { prefixes: ["67", "69", "65"], len: 9 },
  GA: { prefixes: ["077", "066", "074"], len: 9 },
  FR: { prefixes: ["6", "7"], len: 9 },
  BE: { prefixes: ["47", "48", "49"], len: 9 },
  US: { prefixes: ["404", "713", "212"], len: 10 },
  CA: { prefixes: ["514", "418", "613"], len: 10 },
};

/** Lower-case ASCII slug of a name part for email addresses ("Aïcha" → "aicha"). */
export function asciiSlug(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export function customerIdentity(seed: number, index: number, countryIndex: number): CustomerIdentity {
  const rng = rngFor(seed, index, 101);
  const firstName = pick(rng, FIRST_NAMES);
  const lastName = pick(rng, LAST_NAMES);
  const country = COUNTRIES[countryIndex];
  const style = Math.floor(rng() * 3);
  const local = style === 0 ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}` : style === 1 ? `${asciiSlug(firstName)}${asciiSlug(lastName)}` : `${asciiSlug(lastName)}.${asciiSlug(firstName)}`;
  // The index suffix keeps emails unique across a million customers.
  const email = `${local}${index}@${pick(rng, EMAIL_DOMAINS)}`;
  const spec = LOCAL_DIGITS[country.code];
  let digits = pick(rng, spec.prefixes);
  while (digits.length < spec.len) digits += String(Math.floor(rng() * 10));
  return { index, firstName, lastName, name: `${firstName} ${lastName}`, email, phone: `+${country.dial}${digits}`, country };
}
