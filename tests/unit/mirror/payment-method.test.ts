// How a parsed `payment.method` is stored: one canonical id per known method whether Chariow sent the id
// (sale detail) or the name (Pulse), the name kept; an unknown method as sent.
import { describe, expect, it } from "vitest";
import { paymentMethodColumns, paymentMethodKey } from "@/lib/mirror/payment-method";

const stored = (id: string | null, name: string | null) => paymentMethodColumns({ id, name });

describe("paymentMethodColumns", () => {
  it("stores a known method under its id, from either form", () => {
    expect(stored("mtn_momo", "MTN Mobile Money")).toEqual({ payment_method_id: "mtn_momo", payment_method_name: "MTN Mobile Money" });
    expect(stored("mtn_momo", null)).toEqual({ payment_method_id: "mtn_momo", payment_method_name: null });
    expect(stored("MTN Mobile Money", null)).toEqual({ payment_method_id: "mtn_momo", payment_method_name: "MTN Mobile Money" });
    expect(stored(null, "Credit/Debit Card")).toEqual({ payment_method_id: "card", payment_method_name: "Credit/Debit Card" });
  });

  it("keeps an unknown method as sent, and nothing as nothing", () => {
    expect(stored("cinetpay_wallet", "CinetPay Wallet")).toEqual({ payment_method_id: "cinetpay_wallet", payment_method_name: "CinetPay Wallet" });
    expect(stored(null, null)).toEqual({ payment_method_id: null, payment_method_name: null });
    expect(paymentMethodColumns(null)).toEqual({ payment_method_id: null, payment_method_name: null });
  });

  it("groups the id and the name forms under one Revenue key", () => {
    expect(paymentMethodKey(stored("MTN Mobile Money", null))).toBe(paymentMethodKey(stored("mtn_momo", null)));
    expect(paymentMethodKey(stored(null, "Orange Money"))).toBe("orange_money");
  });
});
