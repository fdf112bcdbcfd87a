// Phone normalisation for wa.me links: international numbers kept, local ones completed with the sale
// country's dialling code (trunk 0 dropped where the country uses one), and a reason when impossible.
import { describe, expect, it } from "vitest";
import { internationalPhone, whatsappLink } from "@/lib/recovery/phone";

describe("internationalPhone", () => {
  it.each([
    ["+225 07 07 12 34 56", null, "2250707123456"],
    ["07 07 12 34 56", "CI", "2250707123456"], // Côte d'Ivoire keeps the leading 0 since 2021
    ["77 123 45 67", "SN", "221771234567"],
    ["0033 6 12 34 56 78", null, "33612345678"],
    ["06 12 34 56 78", "FR", "33612345678"],
    ["6 71 23 45 67", "cm", "237671234567"],
    ["2250707123456", "CI", "2250707123456"],
    ["(415) 555-0100", "US", "14155550100"],
  ])("%s (%s) → %s", (phone, country, digits) => {
    expect(internationalPhone(phone, country)).toEqual({ ok: true, digits });
  });

  it.each([
    [null, "CI", "missing"],
    ["  ", "CI", "missing"],
    ["07 07 12 34 56", null, "no_country"],
    ["07 07 12 34 56", "ZZ", "unknown_country"],
    ["call me", "CI", "invalid"],
    ["+12", null, "invalid"],
  ])("%s (%s) → refused: %s", (phone, country, reason) => {
    expect(internationalPhone(phone, country)).toEqual({ ok: false, reason });
  });
});

describe("whatsappLink", () => {
  it("builds a wa.me link with the message URL-encoded", () => {
    expect(whatsappLink("07 07 12 34 56", "CI", "Bonjour Awa, voici le lien : https://x.io/c?a=1&b=2")).toEqual({
      ok: true,
      url: "https://wa.me/2250707123456?text=Bonjour%20Awa%2C%20voici%20le%20lien%20%3A%20https%3A%2F%2Fx.io%2Fc%3Fa%3D1%26b%3D2",
      digits: "2250707123456",
    });
  });
  it("refuses without an international form", () => {
    expect(whatsappLink("07 07 12 34 56", null, "hi")).toEqual({ ok: false, reason: "no_country" });
  });
});
