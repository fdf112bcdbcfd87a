// Pulse deliveries: signature over the exact raw bytes with per-Pulse secrets, and every event's
// payload parsed to a typed event (test deliveries included).
import { describe, expect, it } from "vitest";
import { ChariowMalformedResponseError } from "@/lib/chariow/errors";
import { signPulseBody, verifyPulseSignature } from "@/lib/chariow/pulse-signature";
import { parsePulsePayload, readPulseHeaders } from "@/lib/chariow/pulses";
import { affiliateJoinedPulsePayload, licensePulsePayload, salePulsePayload } from "../../factories/chariow-payloads";

// Chariow escapes "/" and non-ASCII (§8): the signed bytes differ from JSON.stringify's output.
const chariowJson = (value: unknown) => JSON.stringify(value).replace(/\//g, "\\/").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const secret = "whsec_test_123";

describe("verifyPulseSignature", () => {
  const raw = Buffer.from(chariowJson(salePulsePayload("successful.sale")), "utf8");
  const header = signPulseBody(raw, secret);

  it("accepts the HMAC-SHA256 of the exact raw bytes", () => {
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, secrets: secret })).toEqual({ ok: true, pulseId: null });
    expect(verifyPulseSignature({ rawBody: raw.toString("utf8"), signatureHeader: header.toUpperCase().replace("SHA256=", "sha256="), secrets: [secret] }).ok).toBe(true);
  });

  it("rejects re-serialised JSON (different bytes, same data)", () => {
    const reserialised = JSON.stringify(JSON.parse(raw.toString("utf8")));
    expect(reserialised).not.toBe(raw.toString("utf8"));
    expect(verifyPulseSignature({ rawBody: reserialised, signatureHeader: header, secrets: secret })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a tampered body", () => {
    const tampered = Buffer.from(raw.toString("utf8").replace("4900", "4901"));
    expect(verifyPulseSignature({ rawBody: tampered, signatureHeader: header, secrets: secret })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects the wrong secret", () => {
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, secrets: "whsec_other" })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("reports a missing or malformed header without throwing", () => {
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: undefined, secrets: secret })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: "", secrets: secret })).toEqual({ ok: false, reason: "missing_signature" });
    for (const bad of ["sha256=xyz", "sha1=" + "a".repeat(40), "sha256=" + "a".repeat(63), "md5 abc", "sha256=" + "a".repeat(65)]) {
      expect(verifyPulseSignature({ rawBody: raw, signatureHeader: bad, secrets: secret })).toEqual({ ok: false, reason: "malformed_signature" });
    }
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, secrets: [] })).toEqual({ ok: false, reason: "no_secret" });
    // Garbage of the wrong types from an untyped caller.
    expect(verifyPulseSignature({ rawBody: 42 as never, signatureHeader: header, secrets: secret }).ok).toBe(false);
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: 7 as never, secrets: secret }).ok).toBe(false);
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, secrets: null as never }).ok).toBe(false);
  });

  it("uses each Pulse's own secret by pulse id", () => {
    const secrets = { pulse_sales: secret, pulse_affiliates: "whsec_aff" };
    const affRaw = chariowJson(affiliateJoinedPulsePayload());
    const affHeader = signPulseBody(affRaw, "whsec_aff");
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, pulseId: "pulse_sales", secrets })).toEqual({ ok: true, pulseId: "pulse_sales" });
    expect(verifyPulseSignature({ rawBody: affRaw, signatureHeader: affHeader, pulseId: "pulse_affiliates", secrets })).toEqual({ ok: true, pulseId: "pulse_affiliates" });
    // The sales Pulse's secret does not validate a body signed for another Pulse id.
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, pulseId: "pulse_affiliates", secrets }).ok).toBe(false);
    // Without a pulse id every configured secret is tried.
    expect(verifyPulseSignature({ rawBody: affRaw, signatureHeader: affHeader, secrets })).toEqual({ ok: true, pulseId: "pulse_affiliates" });
  });

  it("tries a list of secrets (rotation)", () => {
    expect(verifyPulseSignature({ rawBody: raw, signatureHeader: header, secrets: ["whsec_old", secret] }).ok).toBe(true);
  });
});

describe("parsePulsePayload", () => {
  it.each(["successful.sale", "failed.sale", "abandoned.sale"] as const)("parses %s", (event) => {
    const raw = chariowJson(salePulsePayload(event, { currency: "XOF", settled: event === "successful.sale" }));
    const pulse = parsePulsePayload(Buffer.from(raw), readPulseHeaders({ "X-Pulse-Delivery-Id": "del_1", "x-pulse-id": "pulse_1" }));
    expect(pulse.kind).toBe("sale");
    if (pulse.kind !== "sale") return;
    expect(pulse.event).toBe(event);
    expect(pulse.isTest).toBe(false);
    expect(pulse.sale.amount).toEqual({ minor: 4900, currency: "XOF" });
    expect(pulse.sale.product?.id).toBe("prd_course1");
    expect(pulse.sale.customer?.email).toBe("ama@example.com");
    expect(pulse.customer?.country?.code).toBe("CI");
    expect(pulse.product?.price).toEqual({ minor: 4900, currency: "XOF" });
    expect(pulse.store?.url).toBe("https://boutique.mychariow.com");
    if (event === "successful.sale") {
      expect(pulse.sale.settlement).toMatchObject({ amount: { minor: 4606, currency: "XOF" }, serviceFee: { minor: 147, currency: "XOF" }, doneAt: null });
      expect(pulse.checkoutUrl).toBeNull();
    } else {
      expect(pulse.sale.settlement).toBeNull(); // `{}` = not known
      expect(pulse.checkoutUrl).toMatch(/^https:\/\/boutique\.mychariow\.com\/checkout/);
    }
  });

  it("recognises a test delivery by its note and missing delivery id", () => {
    const raw = chariowJson(salePulsePayload("successful.sale", { test: true }));
    const pulse = parsePulsePayload(raw, readPulseHeaders(new Headers({ "x-pulse-event": "successful.sale" })));
    expect(pulse.isTest).toBe(true);
    expect(pulse.note).toBe("This is a test delivery");
  });

  it("parses affiliate.joined to the Affiliate type", () => {
    const pulse = parsePulsePayload(chariowJson(affiliateJoinedPulsePayload()));
    expect(pulse.kind).toBe("affiliate");
    if (pulse.kind !== "affiliate") return;
    expect(pulse.affiliate).toMatchObject({
      id: "saff_xyz789abc",
      storeAffiliateId: "saff_xyz789abc",
      accountId: "aff_abc123def",
      code: "CREATOR123",
      name: "Jean Dupont",
      phone: "+33 6 12 34 56 78",
      country: { code: "FR", name: "France" },
      source: "invitation",
      status: "active",
      joinedAt: "2025-01-15T10:40:00.000Z",
    });
  });

  it.each(["license.issued", "license.activated", "license.expired", "license.revoked", "license.nearing_expiry"] as const)("parses %s", (event) => {
    const pulse = parsePulsePayload(chariowJson(licensePulsePayload(event)));
    expect(pulse.kind).toBe("license");
    if (pulse.kind !== "license") return;
    expect(pulse.license.key).toBe("ABC-123-XYZ");
    expect(pulse.product?.price).toEqual({ minor: 1500, currency: "EUR" });
  });

  it("returns unknown events as such (answer 200, ignore)", () => {
    expect(parsePulsePayload('{"event":"refund.created","x":1}')).toMatchObject({ kind: "unknown", event: "refund.created" });
  });

  it("names the field of a payload it cannot understand, and survives non-JSON", () => {
    const bad = { ...salePulsePayload("failed.sale"), sale: { ...salePulsePayload("failed.sale").sale, status: 12 } };
    const error = (() => {
      try {
        parsePulsePayload(JSON.stringify(bad));
      } catch (e) {
        return e;
      }
    })() as ChariowMalformedResponseError;
    expect(error).toBeInstanceOf(ChariowMalformedResponseError);
    expect(error.endpoint).toBe("PULSE failed.sale");
    expect(error.path).toBe("sale.status");
    expect(() => parsePulsePayload("<html>")).toThrow(ChariowMalformedResponseError);
  });
});
