// The password policy and bcrypt round-trip used by sign-in, invites and the CLI.
import { describe, expect, it } from "vitest";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";

describe("password", () => {
  it("accepts 10 to 200 characters", () => {
    expect(passwordSchema.safeParse("123456789").success).toBe(false);
    expect(passwordSchema.safeParse("1234567890").success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(200)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(201)).success).toBe(false);
  });

  it("verifies the right password only, and never stores it in clear", async () => {
    const hash = await hashPassword("sésame ouvre-toi");
    expect(hash).toMatch(/^\$2[aby]\$10\$/); // bcrypt, cost 10 under NODE_ENV=test
    expect(hash).not.toContain("sésame");
    expect(await verifyPassword("sésame ouvre-toi", hash)).toBe(true);
    expect(await verifyPassword("sesame ouvre-toi", hash)).toBe(false);
  });

  it("treats a malformed stored hash as a failed check, not a crash", async () => {
    expect(await verifyPassword("anything at all", "not-a-bcrypt-hash")).toBe(false);
  });
});
