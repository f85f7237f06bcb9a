import type { OtpError, OtpErrorCode } from "@otpkit/otp-core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The only place OtpError codes become HTTP statuses (tRPC's code → status table). Input problems
 * are 4xx; our own or our providers' failures are 5xx. A retryable error also gets `Retry-After`
 * (app.ts). `test/http-errors.test.ts` locks this table and the README's.
 */
export const STATUS_BY_CODE: Record<OtpErrorCode, ContentfulStatusCode> = {
  CONFIG_INVALID: 500,
  INVALID_ARGUMENT: 400,
  STORE_UNAVAILABLE: 503,
  STORE_DATA_INVALID: 500,
  // Both retryable: a full store frees up as records expire; contention clears when the burst of
  // concurrent changes to one subject does. Nothing was decided: the client may simply retry.
  STORE_FULL: 503,
  STORE_CONTENTION: 503,
  NO_CHANNEL: 422,
  DELIVERY_FAILED: 502,
  RECIPIENT_INVALID: 422,
  PROVIDER_REJECTED: 502,
  PROVIDER_THROTTLED: 503,
  ABORTED: 504,
  IDEMPOTENCY_CONFLICT: 409,
  SECRET_UNKNOWN: 500,
  CRYPTO_FAILED: 500,
};

/** The JSON error body every route uses. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

export function errorBody(
  code: string,
  message: string,
  extra: { field?: string; details?: unknown } = {},
): ErrorBody {
  return { error: { code, message, ...extra } };
}

/**
 * The message a client sees for an OtpError: the engine's for 4xx (it names the field at fault),
 * a generic one for 5xx (internals stay in the log). An idempotency conflict says which kind it is.
 */
export function publicMessage(error: OtpError): string {
  if (error.code === "IDEMPOTENCY_CONFLICT") {
    return error.retryable
      ? "A request with this idempotency key is still in progress; retry shortly"
      : "This idempotency key was already used for a different request; use a new key for a new request";
  }
  return STATUS_BY_CODE[error.code] >= 500
    ? "The service could not complete the request"
    : error.message;
}
