// Internal to the CRM client: how a failed HubSpot call is classified, how long to wait before
// the next try, and the OtpError the caller finally sees. Not re-exported from the package.
import { OtpError } from "@otpkit/otp-core";

/** What a failed attempt was, as far as retrying goes. */
export type Failure =
  /** 429: HubSpot's limit for the portal is spent. `waitMs` when HubSpot said how long. */
  | { kind: "throttled"; status: 429; waitMs?: number; policy?: string; correlationId?: string }
  /** 5xx (or 477 "migration in progress"), a network failure or our timeout: worth another try. */
  | {
      kind: "unavailable";
      status: number;
      waitMs?: number;
      category?: string;
      correlationId?: string;
      /** For a network failure (`status` 0): `ECONNREFUSED`, `timeout`, `FetchError`. */
      reason?: string;
    }
  /**
   * Any other 4xx: trying again would get the same answer. Also (`status` 0) an error that is not
   * about the network at all, such as the api-client refusing an argument.
   */
  | {
      kind: "rejected";
      status: number;
      category?: string;
      correlationId?: string;
      reason?: string;
    };

/** The parts of the api-client's `ApiException` we read (every codegen module has its own class). */
interface ApiExceptionLike {
  code: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function isApiException(error: unknown): error is ApiExceptionLike {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "number" &&
    "headers" in error
  );
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function bodyField(body: unknown, field: string): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === "string" && value.length <= 100 ? value : undefined;
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined
 * when absent or unreadable.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its weekday and month; a bare "-5" would parse as a year.
  if (!/^[A-Za-z]{3}, /.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Sorts an error thrown by an api-client call (or by our own timeout) into a {@link Failure}.
 * `response` is the last response the call saw: an error answer the api-client could not parse
 * (no Content-Type) comes as a plain `Error`, and its status is only known from there.
 */
export function classify(
  error: unknown,
  now: number,
  response?: { code: number; headers: Record<string, string> },
): Failure {
  if (
    !isApiException(error) &&
    response !== undefined &&
    (response.code < 200 || response.code > 299)
  ) {
    return classify({ code: response.code, headers: response.headers, body: undefined }, now);
  }
  if (!isApiException(error)) {
    const reason = networkReason(error);
    // node-fetch's FetchError (connection refused, reset, DNS), our timeout, or a body cut short
    // (SyntaxError while parsing): HubSpot may not even have seen the request, so try again.
    const transient =
      error instanceof TimeoutError ||
      reason === "FetchError" ||
      reason === "SyntaxError" ||
      /^E[A-Z_]{2,39}$/.test(reason);
    return transient
      ? { kind: "unavailable", status: 0, reason }
      : { kind: "rejected", status: 0, reason };
  }
  const { code: status, headers, body } = error;
  // Only these few fields are kept, never the exception itself: its message repeats the whole
  // response body, and a validation error may quote a property value (the code copy among them).
  const category = bodyField(body, "category");
  const correlationId = bodyField(body, "correlationId");
  const ids = correlationId === undefined ? {} : { correlationId };
  if (status === 429) {
    const policy = bodyField(body, "policyName");
    // A documented `Retry-After` does not exist for REST 429s; when one comes, it wins. Otherwise
    // the interval header says how long HubSpot's rolling window is: after that, it is free.
    const waitMs =
      retryAfterMs(header(headers, "retry-after"), now) ??
      positiveInt(header(headers, "x-hubspot-ratelimit-interval-milliseconds"));
    return {
      kind: "throttled",
      status,
      ...(waitMs === undefined ? {} : { waitMs }),
      ...(policy === undefined ? {} : { policy }),
      ...ids,
    };
  }
  if (status >= 500 || status === 477) {
    const waitMs = retryAfterMs(header(headers, "retry-after"), now);
    return {
      kind: "unavailable",
      status,
      ...(waitMs === undefined ? {} : { waitMs }),
      ...(category === undefined ? {} : { category }),
      ...ids,
    };
  }
  return { kind: "rejected", status, ...(category === undefined ? {} : { category }), ...ids };
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n > 0 ? n : undefined;
}

/** Backoff settings, all in milliseconds. */
export interface BackoffPolicy {
  /** First delay after a 5xx or a network failure; doubled each try. */
  baseDelayMs: number;
  /** Largest delay between two tries; a longer `Retry-After` ends the call instead. */
  maxDelayMs: number;
  /** Up to this much random extra on a 429 wait, so that waiting callers do not all return at once. */
  jitterMs: number;
}

/**
 * How long to wait before try `attempt + 1` (`attempt` counts from 1), or `undefined` when the
 * failure should not be retried in this call (a 4xx, a daily limit, a wait longer than
 * `maxDelayMs`).
 */
export function delayFor(
  failure: Failure,
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
): number | undefined {
  if (failure.kind === "rejected") return undefined;
  if (failure.kind === "throttled") {
    // The daily limit resets at midnight in the portal's time zone: no point waiting here.
    if (failure.policy === "DAILY") return undefined;
    const wait = (failure.waitMs ?? 1_000) + random() * policy.jitterMs;
    return wait > policy.maxDelayMs ? undefined : wait;
  }
  if (failure.waitMs !== undefined) {
    return failure.waitMs > policy.maxDelayMs ? undefined : failure.waitMs;
  }
  // "Equal jitter": half the exponential step for sure, the other half at random, so retries
  // from several callers spread out but never come back immediately.
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + (random() * step) / 2;
}

/**
 * The error a caller sees once a call gives up. Codes from otp-core's one table, with
 * `source: "hubspot"`: a HubSpot API is the provider here.
 *
 * - `PROVIDER_THROTTLED` (retryable): HubSpot kept answering 429.
 * - `PROVIDER_REJECTED`, retryable: 5xx, 477, network failure or timeout (`details.status` 0).
 * - `PROVIDER_REJECTED`, not retryable: any other 4xx (401 token, 403 scope, 404, 400 input).
 *
 * Why no `cause`: the api-client's exception repeats the whole response body (a validation error
 * may quote a property value, the code copy among them) and node-fetch's repeats the URL. The
 * error holds only the status, HubSpot's category and correlation id (for HubSpot's support),
 * never the access token or a property value.
 */
export function failureError(
  failure: Failure,
  context: { operation: string; attempts: number; portalId: number },
): OtpError {
  const { operation } = context;
  const { kind, ...facts } = failure;
  const details: Record<string, string | number> = { ...context };
  for (const [key, value] of Object.entries(facts)) {
    if (typeof value === "string" || typeof value === "number") {
      details[key === "waitMs" ? "retryAfterMs" : key] =
        key === "waitMs" ? Math.round(value as number) : value;
    }
  }
  if (kind === "throttled") {
    const policy = failure.policy ? ` ${failure.policy}` : "";
    return new OtpError(
      "PROVIDER_THROTTLED",
      `HubSpot rate limit reached (${operation}: 429${policy})`,
      {
        source: "hubspot",
        retryable: true,
        details,
      },
    );
  }
  const what =
    failure.status !== 0
      ? `${failure.status}${failure.category ? ` ${failure.category}` : ""}`
      : (failure.reason ?? "error");
  const message =
    kind === "rejected"
      ? failure.status === 0
        ? "The HubSpot call failed"
        : "HubSpot refused the request"
      : failure.status === 0
        ? "HubSpot could not be reached"
        : "HubSpot is unavailable";
  return new OtpError("PROVIDER_REJECTED", `${message} (${operation}: ${what})`, {
    source: "hubspot",
    retryable: kind === "unavailable",
    details,
  });
}

/** A short, URL-free reason for a failure: `ECONNREFUSED`, `timeout`, `FetchError`, `TypeError`. */
function networkReason(error: unknown): string {
  if (error instanceof TimeoutError) return "timeout";
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]{2,39}$/.test(code)) return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === "string" && /^[A-Za-z]{1,40}$/.test(name)) return name;
  }
  return "unknown";
}

/** Our per-attempt timeout fired. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}
