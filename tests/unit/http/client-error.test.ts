// Errors by code: an ApiError, an error body or a failed fetch read as a message of `Errors`, with a
// generic message for codes without words — never the server's English text.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-client";
import { ERROR_CODES, clientError, errorMessage, errorMessageKey } from "@/lib/http/client-error";
import { loadMessages } from "@/lib/i18n/messages";

const fr = createTranslator({ locale: "fr", messages: (await loadMessages("fr")) as AbstractIntlMessages, namespace: "Errors" });
const en = createTranslator({ locale: "en", messages: (await loadMessages("en")) as AbstractIntlMessages, namespace: "Errors" });

describe("client errors", () => {
  it("reads the code and field of an ApiError and of an error body", () => {
    expect(clientError(new ApiError(400, "invalid_input", "days: Too big", "days"))).toEqual({ code: "invalid_input", status: 400, field: "days" });
    expect(clientError({ error: { code: "conflict", message: "Email already a member", field: "email" } })).toEqual({ code: "conflict", field: "email" });
    expect(clientError(new TypeError("Failed to fetch"))).toEqual({ code: "network" });
    expect(clientError(new Error("boom"))).toEqual({ code: "unknown" });
    expect(clientError("nope")).toEqual({ code: "unknown" });
  });

  it("takes only a well-formed error body: a code that is text, a field that is text or absent", () => {
    expect(clientError({ error: { code: "not_found" } })).toEqual({ code: "not_found" });
    for (const body of [null, [], { error: null }, { error: [] }, { error: "conflict" }, { error: { code: 409 } }, { error: { code: "conflict", field: 3 } }, { code: "conflict" }]) {
      expect(clientError(body), JSON.stringify(body)).toEqual({ code: "unknown" });
    }
  });

  it("says each in the member's language, by code", () => {
    const throttled = new ApiError(429, "throttled", "Too many attempts, try again later", undefined, 30);
    expect(errorMessage(fr, throttled)).toBe("Trop de tentatives : patientez un peu avant de réessayer.");
    expect(errorMessage(en, throttled)).toBe("Too many attempts: wait a little before trying again.");
    expect(errorMessage(fr, new TypeError("Failed to fetch"))).toBe("Connexion impossible : vérifiez votre réseau puis réessayez.");
    expect(errorMessage(fr, { error: { code: "password_common", message: "password: is too common" } })).toBe("Mot de passe trop courant : choisissez-en un autre.");
  });

  it("maps Chariow's own failures to one message and unknown codes to the generic one", () => {
    expect(errorMessageKey("chariow_malformed_response")).toBe("chariow_unavailable");
    expect(errorMessage(fr, new ApiError(502, "chariow_upstream_unavailable", "Chariow could not answer (upstream_unavailable)"))).toBe("Chariow ne répond pas pour le moment : réessayez plus tard.");
    expect(errorMessage(en, new ApiError(418, "teapot", "I'm a teapot"))).toBe("Something went wrong. Please try again.");
    expect(errorMessage(fr, new Error("An English message"))).toBe("Une erreur est survenue. Réessayez.");
  });

  it("has words for every known code in both languages", () => {
    for (const code of [...ERROR_CODES, "generic"]) {
      expect(fr.has(code), code).toBe(true);
      expect(en.has(code), code).toBe(true);
    }
  });
});
