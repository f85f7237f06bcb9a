import type { OtpError } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isDatabaseFailure } from "./db/write-failure.js";
import { errorResponse, HTTP_ERROR_STATUS, publicMessage } from "./http-errors.js";
import type { Runtime } from "./runtime.js";

/** A failed delivery's cause that the client sees instead (see httpErrorHandler). */
const UNWRAPPED: ReadonlySet<string> = new Set(["RECIPIENT_INVALID", "PROVIDER_THROTTLED"]);

/**
 * The app's `onError`: operational failures (`OtpError`) map through the one table
 * (`HTTP_ERROR_STATUS`); a JSON body that does not parse is the client's 400 `INVALID_JSON`; a
 * failed app database is 503 `DATABASE_UNAVAILABLE` (retry); anything else is our bug: 500
 * `INTERNAL` without details (they go to the log).
 *
 * @throws {never}
 * @example
 * app.onError(httpErrorHandler(rt));
 */
export function httpErrorHandler(rt: Runtime): ErrorHandler {
  return (failure, c) => {
    if (failure instanceof HTTPException) {
      // hono/validator throws a 400 for a JSON body that does not parse: bad input, not our bug.
      if (failure.status === 400 && /\bjson\b/i.test(c.req.header("content-type") ?? "")) {
        return errorResponse(c, "INVALID_JSON", "The body is not valid JSON");
      }
      return failure.getResponse();
    }
    // A delivery that failed only because the channel refuses the recipient (an address or a name
    // the channel's stricter rules reject, a mailbox the server refuses) is bad input: 422, not 502.
    // One the provider throttles (WhatsApp's pair rate limit and local pacing) is 503
    // PROVIDER_THROTTLED with the provider's wait: a client told "1 s" would only meet the same
    // refusal, each try spending the subject's sends and the destination's quota.
    const cause = isOtpError(failure) && failure.code === "DELIVERY_FAILED" ? failure.cause : null;
    const unwrap = isOtpError(cause) && UNWRAPPED.has(cause.code);
    const error = unwrap ? cause : failure;
    if (isOtpError(error)) {
      const level = HTTP_ERROR_STATUS[error.code] >= 500 ? "error" : "warn";
      rt.logger[level](
        { err: { code: error.code, message: error.message, field: error.field } },
        "otp error",
      );
      if (error.retryable) c.header("Retry-After", retryAfterSeconds(error));
      const clientFault = HTTP_ERROR_STATUS[error.code] < 500;
      return errorResponse(c, error.code, publicMessage(error), {
        ...(error.field ? { field: apiField(error) } : {}),
        // What the engine says about bad input (the refused country, say); never a 5xx's insides.
        ...(clientFault && error.details ? { details: error.details } : {}),
      });
    }
    if (isDatabaseFailure(error)) {
      // The database as a whole, not one bad write (db/write-failure.ts): a client may retry.
      rt.logger.error({ err: { message: error.message } }, "database unavailable");
      c.header("Retry-After", "1");
      return errorResponse(
        c,
        "DATABASE_UNAVAILABLE",
        "The database is unavailable; nothing was decided, retry shortly",
      );
    }
    rt.logger.error({ err: { message: error.message, stack: error.stack } }, "unhandled error");
    return errorResponse(c, "INTERNAL", "Internal error");
  };
}

/**
 * The app's `notFound`: JSON `NOT_FOUND` under `/api/`, plain text elsewhere.
 *
 * @throws {never}
 * @example
 * app.notFound(notFound);
 */
export const notFound: NotFoundHandler = (c: Context) =>
  c.req.path.startsWith("/api/")
    ? errorResponse(c, "NOT_FOUND", "No such endpoint")
    : c.text("Not found", 404);

/** `Retry-After` in whole seconds: the error's `details.retryAfterMs` when it says, else 1. */
function retryAfterSeconds(error: OtpError): string {
  const ms = Number(error.details?.["retryAfterMs"]);
  return String(Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 1);
}

/** A channel names the address `to`; the API caller knows it as the recipient's email or phone. */
function apiField(error: OtpError): string {
  if (error.field !== "to") return error.field ?? "";
  return error.source === "whatsapp" ? "recipient.phone" : "recipient.email";
}
