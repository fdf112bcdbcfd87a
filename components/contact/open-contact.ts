// Opens the customer contact a worklist prepared on the server (recovery, downloads): a wa.me chat in a
// new tab, or the user's mail client. Says why nothing opened, so the row can show it.
export type ContactLinks = {
  whatsapp: { ok: true; url: string } | { ok: false; reason: string };
  mailto: string | null;
};

export type OpenResult = { ok: true } | { ok: false; reason: string };

export function openContact(links: ContactLinks, channel: "whatsapp" | "email"): OpenResult {
  if (channel === "whatsapp") {
    if (!links.whatsapp.ok) return { ok: false, reason: links.whatsapp.reason };
    window.open(links.whatsapp.url, "_blank", "noopener");
    return { ok: true };
  }
  if (!links.mailto) return { ok: false, reason: "no_email" };
  window.location.assign(links.mailto);
  return { ok: true };
}
