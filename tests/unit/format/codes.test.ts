// Every code in the merchant's words: the words written here by hand in both languages, the payment
// method's id and name reading as one, an unknown code shown as it came, and every enum the app knows
// covered by the words module (a new status without words fails here, not on a merchant's screen).
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import { SALE_STATUSES, affiliateSourceSchema, affiliateStatusSchema, discountTypeSchema, invitationStatusSchema, licenseStatusSchema, paymentStatusSchema, productTypeSchema, pulseEventTypeSchema, saleChannelSchema } from "@/lib/chariow/enums";
import { ROLES } from "@/lib/auth/permissions";
import { CODES, CODE_KINDS, codeLabel, isKnownCode, snakeCaseCodes, type CodeKind } from "@/lib/format/codes";
import { codeWords, knownInMessages } from "@/lib/format/code-words";
import { canonicalPaymentMethod } from "@/lib/format/payment-methods";
import { loadMessages } from "@/lib/i18n/messages";
import { FULFILMENT_STATES } from "@/lib/orders/schemas";
import { PULSE_DELIVERY_STATUSES, PULSE_REJECTION_REASONS } from "@/lib/pulses/schemas";
import { FAILURE_CATEGORIES } from "@/lib/recovery/failure-category";
import { LEAD_STATES } from "@/lib/recovery/lead-states";
import { RECOVERY_CONTACT_CHANNELS } from "@/lib/recovery/schemas";
import { CANCELLED_ERROR, FAILURE_ERRORS, METHODS } from "@/simulator/catalog";

const fr = createTranslator({ locale: "fr", messages: (await loadMessages("fr")) as AbstractIntlMessages, namespace: "Codes" });
const en = createTranslator({ locale: "en", messages: (await loadMessages("en")) as AbstractIntlMessages, namespace: "Codes" });

describe("codeLabel", () => {
  it("says the issue's raw codes in French and English", () => {
    const cases: Array<[CodeKind, string, string, string]> = [
      ["paymentStatus", "success", "Réussi", "Successful"],
      ["paymentStatus", "initiated", "Commencé", "Started"],
      ["channel", "store", "Boutique", "Store"],
      ["gateway", "moneroo", "Moneroo", "Moneroo"],
      ["saleStatus", "awaiting_payment", "En attente de paiement", "Awaiting payment"],
      ["saleStatus", "settled", "Versée", "Paid out"],
      ["failureCode", "cancelled_by_user", "Paiement annulé par le client.", "The customer cancelled the payment."],
      ["device", "mobile", "Téléphone", "Phone"],
      ["licenceStatus", "pending_activation", "En attente d'activation", "Awaiting activation"],
      ["fulfilmentState", "not_shippable", "Sans expédition", "Nothing to ship"],
      ["pulseEvent", "license.nearing_expiry", "Licence bientôt expirée", "Licence nearing expiry"],
      ["auditAction", "team.members.export", "Membres exportés", "Members exported"],
      ["invitationStatus", "already_affiliate", "Déjà affilié", "Already an affiliate"],
    ];
    for (const [kind, code, french, english] of cases) {
      expect(codeLabel(fr, kind, code), `${kind}.${code}`).toBe(french);
      expect(codeLabel(en, kind, code), `${kind}.${code}`).toBe(english);
    }
  });

  it("reads a payment method the same whether Chariow sent its id or its name", () => {
    for (const value of ["mtn_momo", "MTN Mobile Money", " mtn mobile money "]) expect(codeLabel(fr, "paymentMethod", value)).toBe("MTN Mobile Money");
    expect(codeLabel(fr, "paymentMethod", "Credit/Debit Card")).toBe("Carte bancaire");
    expect(codeLabel(en, "paymentMethod", "card")).toBe("Bank card");
    expect(canonicalPaymentMethod("Orange Money")).toBe("orange_money");
    expect(canonicalPaymentMethod("Airtel Money Niger")).toBe("Airtel Money Niger"); // unknown: kept
    expect(canonicalPaymentMethod("  ")).toBeNull();
  });

  it("shows an unknown code as it came, and nothing for no code", () => {
    expect(codeLabel(fr, "saleStatus", "refunded")).toBe("refunded");
    expect(codeLabel(fr, "failureCode", "do_not_honour")).toBe("do_not_honour");
    expect(codeLabel(fr, "paymentMethod", "Airtel Money Niger")).toBe("Airtel Money Niger");
    // A prefix of a dotted code is an object in the catalogue, not words: unknown, not a crash.
    expect(codeLabel(fr, "pulseEvent", "license")).toBe("license");
    expect(codeLabel(fr, "auditAction", "toString")).toBe("toString");
    expect(codeLabel(fr, "saleStatus", null)).toBe("");
    expect(codeLabel(fr, "saleStatus", "")).toBe("");
    expect(isKnownCode("saleStatus", "refunded")).toBe(false);
  });

  it("has words for every known code in both languages", async () => {
    for (const kind of CODE_KINDS) {
      for (const code of CODES[kind]) {
        for (const t of [fr, en]) {
          expect(t.has(`${kind}.${code}`), `${kind}.${code}`).toBe(true);
          const words = codeLabel(t, kind, code);
          expect(words.trim(), `${kind}.${code}`).not.toBe("");
          if (code.includes("_")) expect(words, `${kind}.${code} is still a code`).not.toBe(code);
        }
      }
    }
  });

  it("reads the same words from the messages alone (client components) as from the table (server)", async () => {
    for (const locale of ["fr", "en"] as const) {
      const codes = ((await loadMessages(locale)) as Record<string, unknown>).Codes as Record<string, unknown>;
      const t = locale === "fr" ? fr : en;
      const known = knownInMessages(codes);
      // Every string the messages hold under a kind is a known code of it, and the other way round.
      const leaves = (node: unknown, prefix: string): string[] =>
        typeof node === "string" ? [prefix] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
      for (const kind of CODE_KINDS) expect(leaves(codes[kind], "").sort(), kind).toEqual([...CODES[kind]].sort());
      const samples = ["refunded", "toString", "constructor", "__proto__", "successful", "successful.sale.x", "MTN Mobile Money", " mtn mobile money ", "Airtel Money Niger", "", "hasOwnProperty"];
      for (const kind of CODE_KINDS) {
        for (const code of [...CODES[kind], ...samples]) {
          expect(codeWords(known, t, kind, code), `${locale} ${kind}.${code}`).toBe(codeLabel(t, kind, code));
        }
      }
    }
  });

  it("covers every enum the app knows, so none reaches a page as a raw code", () => {
    const covered = (kind: CodeKind, values: readonly string[]) => expect(values.filter((v) => !isKnownCode(kind, v)), kind).toEqual([]);
    covered("saleStatus", SALE_STATUSES);
    covered("paymentStatus", paymentStatusSchema.options);
    covered("channel", saleChannelSchema.options);
    covered("affiliateStatus", affiliateStatusSchema.options);
    covered("affiliateSource", affiliateSourceSchema.options);
    covered("invitationStatus", invitationStatusSchema.options);
    covered("licenceStatus", licenseStatusSchema.options);
    covered("discountType", discountTypeSchema.options);
    covered("productType", productTypeSchema.options);
    covered("pulseEvent", pulseEventTypeSchema.options);
    covered("pulseDeliveryStatus", PULSE_DELIVERY_STATUSES);
    covered("pulseRejection", PULSE_REJECTION_REASONS);
    covered("fulfilmentState", FULFILMENT_STATES);
    covered("recoveryLeadState", LEAD_STATES);
    covered("contactChannel", RECOVERY_CONTACT_CHANNELS);
    covered("failureCategory", FAILURE_CATEGORIES);
    covered("role", ROLES);
    // What the simulator sends, as Chariow would: failure codes, method ids and names.
    covered("failureCode", [...FAILURE_ERRORS.map((f) => f.code), CANCELLED_ERROR.code]);
    const methods = Object.values(METHODS).flat();
    covered("paymentMethod", methods.map((m) => m.id));
    covered("paymentMethod", methods.map((m) => m.name));
    for (const m of methods) expect(canonicalPaymentMethod(m.name), m.name).toBe(m.id);
  });

  it("lists the snake_case codes the end-to-end test must never see raw in French", () => {
    const snake = snakeCaseCodes();
    expect(snake.saleStatus).toEqual(["awaiting_payment"]);
    expect(snake.failureCode).toContain("cancelled_by_user");
    expect(snake.paymentMethod).toContain("mtn_momo");
    expect(Object.values(snake).flat().every((c) => c.includes("_"))).toBe(true);
  });
});
