// Typed errors carry what the route wrapper needs for the response: status, code, field, Retry-After.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ThrottledError,
  UnauthorizedError,
  ValidationError,
  validationErrorFromZod,
} from "@/lib/errors";

describe("application errors", () => {
  it.each([
    [new ValidationError("email: bad", "email"), 400, "validation_error"],
    [new UnauthorizedError(), 401, "unauthorized"],
    [new ForbiddenError(), 403, "forbidden"],
    [new NotFoundError(), 404, "not_found"],
    [new ConflictError("already a member", "email"), 409, "conflict"],
    [new ThrottledError(90), 429, "throttled"],
  ])("%s maps to %i", (error, status, code) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });

  it("keeps the field and the retry delay", () => {
    expect(new ValidationError("x", "password").field).toBe("password");
    expect(new ThrottledError(90).retryAfterSeconds).toBe(90);
  });

  it("names the nested field of the first zod issue", () => {
    const result = z.object({ invite: z.object({ email: z.email() }) }).safeParse({ invite: { email: "nope" } });
    if (result.success) throw new Error("expected failure");
    const error = validationErrorFromZod(result.error);
    expect(error.field).toBe("invite.email");
    expect(error.message).toMatch(/^invite\.email: /);
  });
});
