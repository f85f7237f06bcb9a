import type { OtpError, OtpErrorCode } from "@otpkit/otp-core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Every error code the HTTP API (`/api/v1`, `/mcp`) can answer, with its status: the engine's
 * `OtpError` codes (tRPC's code → status table: input problems are 4xx, our own or our providers'
 * failures 5xx) and the server's own. The type requires every engine code, so a new one cannot
 * be forgotten; {@link errorBody} takes only codes of this table. A retryable `OtpError` also gets
 * `Retry-After` (app.ts). `test/http-errors.test.ts` locks this table and the README's.
 * (`/hubspot/*` answers the adapter's own tables, `WORKFLOW_ERRORS` and `FETCH_API_ERRORS`.)
 */
export const HTTP_ERROR_STATUS = {
  // The server's own.
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  THROTTLED: 429,
  // The API key sent its quota of codes for the hour or the day (key-quota.ts); `Retry-After`.
  API_KEY_QUOTA_EXCEEDED: 429,
  INTERNAL: 500,
  // The app database itself failed (gone, busy, full): nothing was decided; `Retry-After`.
  DATABASE_UNAVAILABLE: 503,
  // The engine's (OtpError codes).
  CONFIG_INVALID: 500,
  INVALID_ARGUMENT: 400,
  STORE_UNAVAILABLE: 503,
  STORE_DATA_INVALID: 500,
  // Both retryable: a full store frees up as records expire; contention clears when the burst of
  // concurrent changes to one subject does. Nothing was decided: the client may simply retry.
  STORE_FULL: 503,
  STORE_CONTENTION: 503,
  NO_CHANNEL: 422,
  // The phone's country is not in the engine's allow-list: the same number is refused again.
  DESTINATION_NOT_ALLOWED: 422,
  DELIVERY_FAILED: 502,
  RECIPIENT_INVALID: 422,
  PROVIDER_REJECTED: 502,
  PROVIDER_THROTTLED: 503,
  ABORTED: 504,
  IDEMPOTENCY_CONFLICT: 409,
  SECRET_UNKNOWN: 500,
  CRYPTO_FAILED: 500,
} as const satisfies Record<OtpErrorCode, ContentfulStatusCode> &
  Record<string, ContentfulStatusCode>;

/** A code of {@link HTTP_ERROR_STATUS}: the only codes an error body may carry. */
export type HttpErrorCode = keyof typeof HTTP_ERROR_STATUS;

/** The JSON error body every route uses. */
export interface ErrorBody {
  error: { code: HttpErrorCode; message: string; field?: string; details?: unknown };
}

/**
 * The error body for a code of {@link HTTP_ERROR_STATUS}.
 *
 * @throws {never}
 * @example
 * c.json(errorBody("NOT_FOUND", "No such verification"), 404);
 */
export function errorBody(
  code: HttpErrorCode,
  message: string,
  extra: { field?: string; details?: unknown } = {},
): ErrorBody {
  return { error: { code, message, ...extra } };
}

/**
 * An error response whose status comes from {@link HTTP_ERROR_STATUS}, so a code and its status
 * can never disagree.
 *
 * @throws {never}
 * @example
 * return errorResponse(c, "NOT_FOUND", "No such verification"); // 404
 */
export function errorResponse(
  c: Context,
  code: HttpErrorCode,
  message: string,
  extra: { field?: string; details?: unknown } = {},
): Response {
  return c.json(errorBody(code, message, extra), HTTP_ERROR_STATUS[code]);
}

/**
 * The message a client sees for an OtpError: the engine's for 4xx (it names the field at fault),
 * a generic one for 5xx (internals stay in the log). An idempotency conflict says which kind it is.
 *
 * @throws {never}
 * @example
 * publicMessage(new OtpError("STORE_FULL", "…")); // "The service could not complete the request"
 */
export function publicMessage(error: OtpError): string {
  if (error.code === "IDEMPOTENCY_CONFLICT") {
    return error.retryable
      ? "A request with this idempotency key is still in progress; retry shortly"
      : "This idempotency key was already used for a different request; use a new key for a new request";
  }
  return HTTP_ERROR_STATUS[error.code] >= 500
    ? "The service could not complete the request"
    : error.message;
}
