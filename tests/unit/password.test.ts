// The password policy and bcrypt round-trip used by sign-in, invites and the CLI.
import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, hashPassword, isCommonPassword, passwordProblem, passwordSchema, verifyPassword } from "@/lib/auth/password";
import { ValidationError } from "@/lib/errors";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

// 200 characters with no repeated unit or straight run: a long passphrase, not a pattern.
const LONG = "the quick brown fox jumps over the lazy dog while seven zebras quietly graze beside a misty lake; ".repeat(3).slice(0, 200);

describe("password", () => {
  it("accepts 10 to 200 characters that are not a common password", () => {
    expect(passwordSchema.safeParse("123456789").success).toBe(false);
    expect(passwordSchema.safeParse("correct horse battery").success).toBe(true);
    expect(passwordSchema.safeParse(LONG).success).toBe(true);
    expect(passwordSchema.safeParse(LONG + "x").success).toBe(false);
  });

  // Passwords that top published leak lists (the issue's own examples first) and their usual disguises.
  it.each([
    "1234567890",
    "password123",
    "azerty123",
    "Azerty1234",
    "azertyuiop",
    "motdepasse",
    "MotDePasse2024!",
    "Soleil2024!!",
    "doudou123456",
    "marseille13",
    "qwertyuiop",
    "iloveyou12",
    "Bébé1234567",
    "0123456789",
    "9876543210",
    "abcdefghijkl",
    "aaaaaaaaaaaa",
    "1212121212",
  ])("refuses %s as common", (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(passwordSchema.safeParse(password).success).toBe(false);
  });

  it.each(["correct horse battery", "sésame ouvre-toi", "kofi password 1", "Tr0ub4dour&3x", "marseille-lyon-dakar-9"])("accepts %s", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("names the problem in the error code, and both languages can say it", () => {
    const codes: string[] = [];
    for (const password of ["short", LONG + "x", "password123"]) {
      const error = (() => {
        try {
          assertAcceptablePassword(password);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe("password");
      codes.push((error as ValidationError).code);
    }
    expect(codes).toEqual(["password_too_short", "password_too_long", "password_common"]);
    for (const code of codes) {
      expect(en.invite.errorPassword).toHaveProperty(code);
      expect(fr.invite.errorPassword).toHaveProperty(code);
    }
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
