// Typed application errors: services throw these, and the app's single route wrapper maps them to
// HTTP responses (status + code + optional field), so no handler hand-writes an error response.

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;

  constructor(message: string, opts: { code: string; status: number; field?: string }) {
    super(message);
    this.name = new.target.name;
    this.code = opts.code;
    this.status = opts.status;
    if (opts.field !== undefined) this.field = opts.field;
  }
}

/** 400: the input is malformed; `field` names the offending field so the UI can point at it, and a
 *  more specific `code` (e.g. `password_common`) lets it say why in the reader's language. */
export class ValidationError extends AppError {
  constructor(message: string, field?: string, code = "validation_error") {
    super(message, { code, status: 400, field });
  }
}

/** 401: no (valid) session, or credentials rejected. */
export class UnauthorizedError extends AppError {
  constructor(message = "Authentication required") {
    super(message, { code: "unauthorized", status: 401 });
  }
}

/** 403: signed in, but the role does not allow this (DESIGN §4). */
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this") {
    super(message, { code: "forbidden", status: 403 });
  }
}

/** 404: the thing does not exist (or the caller may not know that it does). */
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, { code: "not_found", status: 404 });
  }
}

/** 409: the request conflicts with current state (email already a member, last owner…). */
export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super(message, { code: "conflict", status: 409, field });
  }
}

/** 429: too many attempts; the route wrapper sends `Retry-After: retryAfterSeconds`. */
export class ThrottledError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = "Too many attempts, try again later") {
    super(message, { code: "throttled", status: 429 });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Turns the first issue of a zod error into a ValidationError naming the field (dotted path). */
export function validationErrorFromZod(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): ValidationError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "Invalid input";
  return new ValidationError(message, field);
}
