// Shared by every worklist that contacts a customer (recovery, downloads): placeholders filled in a
// prefilled message, and the mailto: link that opens the user's own mail client with it.

/** Replaces `{name}` for each given name; an unknown value leaves an empty string, never the raw "{name}". */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | null | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] ?? "") : whole));
}

/** A mailto: link with subject and body, or null without an address. */
export function mailtoLink(email: string | null, subject: string, body: string): string | null {
  return email ? `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject.trim())}&body=${encodeURIComponent(body)}` : null;
}
