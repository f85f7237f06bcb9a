import type { OtpErrorCode } from "@otpkit/otp-core";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The only place OtpError codes become HTTP statuses (tRPC's code → status table). Input problems
 * are 4xx; our own or our providers' failures are 5xx.
 */
export const STATUS_BY_CODE: Record<OtpErrorCode, ContentfulStatusCode> = {
  CONFIG_INVALID: 500,
  INVALID_ARGUMENT: 400,
  STORE_UNAVAILABLE: 503,
  STORE_DATA_INVALID: 500,
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
