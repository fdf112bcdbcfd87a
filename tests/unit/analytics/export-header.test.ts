// The Revenue exports' header is in the member's language (French and English), one label per column in
// the file's fixed order: the breakdown's key column first, then the shared figures.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { revenueExportHeader } from "@/lib/analytics/export";
import { revenueExportLabelsFrom } from "@/lib/analytics/export-labels";
import { REVENUE_TABLES } from "@/lib/analytics/query-schemas";
import { loadMessages } from "@/lib/i18n/messages";

async function labelsIn(locale: "fr" | "en") {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "Analytics.export" });
  return revenueExportLabelsFrom((key) => t(key as never));
}

describe("revenue export header", () => {
  it("is in French", async () => {
    const labels = await labelsIn("fr");
    expect(revenueExportHeader("product", labels)).toEqual([
      "ID produit", "Nom", "Ventes payées", "Chiffre d’affaires", "Remise accordée", "Remise moyenne", "Tentatives", "Part du chiffre d’affaires", "Devise",
    ]);
    expect(revenueExportHeader("payment_gateway", labels)[0]).toBe("Passerelle de paiement");
    expect(revenueExportHeader("customers", labels)).toEqual(["Type de client", "Clients", "Ventes payées", "Chiffre d’affaires", "Devise"]);
  });

  it("is in English", async () => {
    const labels = await labelsIn("en");
    expect(revenueExportHeader("discount", labels)).toEqual([
      "Discount code", "Name", "Paid sales", "Revenue", "Discount given", "Average discount", "Attempts", "Revenue share", "Currency",
    ]);
    expect(revenueExportHeader("payment_gateway", labels)[0]).toBe("Payment gateway");
    expect(revenueExportHeader("customers", labels)).toEqual(["Customer type", "Customers", "Paid sales", "Revenue", "Currency"]);
  });

  it("has a label for every table's columns in both languages, as many as the rows have cells", async () => {
    for (const locale of ["fr", "en"] as const) {
      const labels = await labelsIn(locale);
      for (const table of REVENUE_TABLES) {
        const header = revenueExportHeader(table, labels);
        expect(header).toHaveLength(table === "customers" ? 5 : 9);
        // A missing message comes back as its key path from next-intl: no label may look like one.
        for (const label of header) expect(label).not.toMatch(/^(Analytics\.)?(export\.)?(keys|columns)\./);
      }
    }
  });
});
