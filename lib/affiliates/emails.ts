// Parsing what a person pastes into the invite form (shared by the form and the API): one address per
// line, or separated by commas, semicolons, spaces or tabs (a spreadsheet column pastes as lines).
// Each entry is trimmed and lower-cased; duplicates are removed; each is checked against one pattern
// (no zod: the invite form is a client island, and zod would weigh on its page's first load).
// A display name (`"Jean" <jean@example.com>`) is EXTRACTED: the address inside the angle brackets is
// kept and the name dropped. A unicode domain is sent in its ASCII (punycode, xn--) form; a unicode
// local part is rejected (Chariow only accepts ASCII addresses).
/** At most this many entries may be pasted at once (the limit); more is refused as a whole. */
export const MAX_PASTED_EMAILS = 500;
/** Chariow accepts up to 25 emails per invitation request (chariow-api.md §6). */
export const INVITE_BATCH_SIZE = 25;

/** An address is at most 254 characters (RFC 5321's path limit less the angle brackets). */
const MAX_EMAIL_LENGTH = 254;
const ASCII_EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/;

export type InvalidReason = "malformed" | "unicode_local_part";
export type ParsedEmails = {
  /** Normalised valid addresses, in the order first seen, without duplicates. */
  valid: string[];
  invalid: Array<{ input: string; reason: InvalidReason }>;
  /** Entries dropped because an earlier entry normalised to the same address. */
  duplicates: string[];
  /** Entries whose display name was dropped or whose domain was converted: input → sent address. */
  rewritten: Array<{ input: string; email: string }>;
  /** Number of non-empty entries pasted. */
  total: number;
};

/** Splits pasted text into entries, keeping `"Dupont, Jean" <a@b.c>` and `Jean Dupont <a@b.c>` in one piece. */
export function splitEntries(text: string): string[] {
  const token = /(?:"[^"]*"|[^\s,;"<>]+(?:[ \t]+[^\s,;"<>]+)*)?\s*<[^<>]*>|[^\s,;]+/g;
  return Array.from(text.matchAll(token), (m) => m[0].trim()).filter(Boolean);
}

/** One entry → the address to send, or why not. Exported for the unit tests. */
export function normaliseEntry(entry: string): { email: string; rewritten: boolean } | { reason: InvalidReason } {
  let raw = entry.trim();
  let rewritten = false;
  const angle = /<([^<>]*)>\s*$/.exec(raw);
  if (angle) {
    raw = angle[1].trim();
    rewritten = true;
  } else if (raw.includes("<") || raw.includes(">") || raw.includes('"')) return { reason: "malformed" };
  raw = raw.replace(/^mailto:/i, "");
  const at = raw.lastIndexOf("@");
  if (at <= 0 || at === raw.length - 1) return { reason: "malformed" };
  const local = raw.slice(0, at).toLowerCase();
  let domain = raw.slice(at + 1).toLowerCase();
   
  if (/[^\x00-\x7f]/.test(local)) return { reason: "unicode_local_part" };
   
  if (/[^\x00-\x7f]/.test(domain)) {
    try {
      const ascii = new URL(`http://${domain}`).hostname;
      if (ascii === domain || /[^a-z0-9.-]/.test(ascii)) return { reason: "malformed" };
      domain = ascii;
      rewritten = true;
    } catch {
      return { reason: "malformed" };
    }
  }
  const email = `${local}@${domain}`;
  if (email.length > MAX_EMAIL_LENGTH || !ASCII_EMAIL.test(email) || local.length > 64 || local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    return { reason: "malformed" };
  }
  return { email, rewritten };
}

/** Parses a list of entries (already split, e.g. a JSON array from the API) or pasted text. */
export function parseEmails(input: string | string[]): ParsedEmails {
  const entries = (typeof input === "string" ? splitEntries(input) : input.flatMap((e) => splitEntries(e)));
  const result: ParsedEmails = { valid: [], invalid: [], duplicates: [], rewritten: [], total: entries.length };
  const seen = new Set<string>();
  for (const entry of entries) {
    const n = normaliseEntry(entry);
    if ("reason" in n) {
      result.invalid.push({ input: entry, reason: n.reason });
      continue;
    }
    if (seen.has(n.email)) {
      result.duplicates.push(entry);
      continue;
    }
    seen.add(n.email);
    result.valid.push(n.email);
    if (n.rewritten || entry.trim().toLowerCase() !== n.email) result.rewritten.push({ input: entry, email: n.email });
  }
  return result;
}

/** Consecutive batches of at most `size`. */
export function batches<T>(items: T[], size: number = INVITE_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
