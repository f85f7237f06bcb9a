// The HTTP edge shared by the card API and the settings API (both called through `hubspot.fetch`):
// reading a signed call, JSON answers, and the one table of error codes with their statuses.
import type { OtpError } from "@otpkit/otp-core";
import { configError, isOtpError } from "@otpkit/otp-core";
import type * as z from "zod";
import type { HubSpotFetchIdentity } from "./signed-request.js";
import { readSignedRequest } from "./signed-request.js";

/**
 * Every error code the card and settings APIs answer with, and its HTTP status: the one table
 * (locked by a test). Bad input is 4xx with a reason; 5xx only for what a retry may fix, or for a
 * server that is not set up for what the portal asks. Expected outcomes are not here: a throttled
 * request answers 409 and a locked contact 423, each with `outcome` and `retryAfter`.
 *
 * Every error body is `{ error: { code, message }, ...extra }` (`fieldErrors` for 400 and 422,
 * `retryAfter` in seconds with a `Retry-After` header where trying again helps).
 *
 * @example
 * ```ts
 * const res = await hubspot.fetch(url, { method: "POST", body });
 * const data = await res.json();
 * if (data.error?.code === "RECIPIENT_CHANGED") showConfirm(data.recipientEmail);
 * FETCH_API_ERRORS.RECIPIENT_CHANGED; // 409
 * ```
 */
export const FETCH_API_ERRORS = Object.freeze({
  /** The query or body is not what the route takes (`fieldErrors` names the fields). */
  BAD_REQUEST: 400,
  /** From `readSignedRequest`: the body is not UTF-8. */
  BODY_NOT_UTF8: 400,
  /** From `readSignedRequest`: `portalId` (or `appId`, `userId`, `userEmail`) appears twice. */
  IDENTITY_AMBIGUOUS: 400,
  /** From `readSignedRequest`: no valid v3 signature. */
  SIGNATURE_INVALID: 401,
  /** Signed, but without HubSpot's appended `appId`, `portalId` and `userId`, or another app's. */
  IDENTITY_MISSING: 403,
  /** The contact does not exist in this portal. */
  CONTACT_NOT_FOUND: 404,
  /** The route does not take this method. */
  METHOD_NOT_ALLOWED: 405,
  /** Resend while the portal's e-mail delivery is off. */
  EMAIL_DISABLED: 409,
  /** Regenerate-without-e-mail while the portal's e-mail delivery is on. */
  EMAIL_ENABLED: 409,
  /** The contact's e-mail changed since the card showed it in the confirmation. */
  RECIPIENT_CHANGED: 409,
  /** This `requestId` was used for a different request. */
  REQUEST_ID_REUSED: 409,
  /** The first request with this `requestId` is still running. */
  REQUEST_IN_PROGRESS: 409,
  /** From `readSignedRequest`: the body is over 1 MiB. */
  PAYLOAD_TOO_LARGE: 413,
  /** The contact has no e-mail address to send to. */
  CONTACT_NO_EMAIL: 422,
  /** The contact's e-mail address cannot be delivered to. */
  CONTACT_EMAIL_INVALID: 422,
  /** Settings that do not validate (`fieldErrors` per dotted path). */
  SETTINGS_INVALID: 422,
  /** The portal's saved settings no longer validate (see the server log). */
  SETTINGS_UNREADABLE: 500,
  /** The e-mail could not be delivered (no code is left active). */
  DELIVERY_FAILED: 502,
  /** HubSpot refused a call (app uninstalled, scope removed). */
  HUBSPOT_REJECTED: 502,
  /** The portal has e-mail on, but this server has no e-mail channel. */
  EMAIL_UNAVAILABLE: 503,
  /** HubSpot is down or rate limiting; try again after `retryAfter` seconds. */
  HUBSPOT_UNAVAILABLE: 503,
  /** The OTP store is unreachable, full or contended; try again. */
  STORE_UNAVAILABLE: 503,
} as const);

/** A code of {@link FETCH_API_ERRORS}. */
export type FetchApiErrorCode = keyof typeof FETCH_API_ERRORS;

/** Options every `hubspot.fetch` route takes. */
export interface FetchRouteOptions {
  /** The app's client secret (the signatures). */
  clientSecret: string;
  /** The origin HubSpot calls, behind a proxy (see `readSignedRequest`). */
  publicUrl?: string;
  /** When set, calls carrying another `appId` are refused (403). */
  appId?: number;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
}

/** A verified `hubspot.fetch` call. */
export interface FetchCall {
  identity: HubSpotFetchIdentity;
  /** The URL as signed (its query holds the card's own parameters too). */
  url: URL;
  /** The body as signed, not parsed. */
  rawBody: string;
}

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

/** @internal A JSON answer that no cache keeps (codes and contact data pass through here). */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

/** @internal An error answer: `{ error: { code, message }, ...extra }` with the table's status. */
export function errorResponse(
  code: FetchApiErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json(FETCH_API_ERRORS[code], { error: { code, message }, ...extra }, headers);
}

/** @internal Checks the shared options once, at construction. */
export function checkRouteOptions(options: FetchRouteOptions, source: string): void {
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options, undefined, { source });
  }
  if (options.appId !== undefined && (!Number.isSafeInteger(options.appId) || options.appId < 1)) {
    throw configError(
      "appId",
      "the HubSpot app's id (a positive integer)",
      options.appId,
      undefined,
      {
        source,
      },
    );
  }
  if (options.now !== undefined && typeof options.now !== "function") {
    throw configError("now", "a function returning epoch ms", options.now, undefined, { source });
  }
  // clientSecret and publicUrl are checked by readSignedRequest on every call; check them now too,
  // so a misconfigured server fails at start rather than on the first card load.
  if (typeof options.clientSecret !== "string" || options.clientSecret === "") {
    throw configError("clientSecret", "the app's client secret", options.clientSecret, undefined, {
      source,
      redact: true,
    });
  }
}

/**
 * @internal Reads a `hubspot.fetch` call: the method, then the signature (v3 only: these calls
 * always carry it, and v2 has no timestamp, so it could be replayed forever), then the identity
 * HubSpot appended. Nothing of the request is parsed before the signature holds.
 */
export async function readFetchCall(
  request: Request,
  options: FetchRouteOptions,
  methods: readonly string[],
): Promise<{ ok: true; call: FetchCall } | { ok: false; response: Response }> {
  if (!methods.includes(request.method)) {
    const allow = methods.join(", ");
    return {
      ok: false,
      response: errorResponse("METHOD_NOT_ALLOWED", `Use ${allow}`, {}, { Allow: allow }),
    };
  }
  const signed = await readSignedRequest(request, {
    clientSecret: options.clientSecret,
    allowV2: false,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
  });
  if (!signed.ok) return { ok: false, response: signed.response };
  const identity = signed.fetchIdentity;
  // Why 403 and not a default portal: the portal decides whose codes and settings are touched,
  // and only the signed query HubSpot appends may name it.
  if (identity === undefined) {
    return {
      ok: false,
      response: errorResponse(
        "IDENTITY_MISSING",
        "The call carries no portal identity: only hubspot.fetch calls are accepted here",
      ),
    };
  }
  if (options.appId !== undefined && identity.appId !== options.appId) {
    return {
      ok: false,
      response: errorResponse("IDENTITY_MISSING", "The call comes from another HubSpot app"),
    };
  }
  return { ok: true, call: { identity, url: new URL(signed.url), rawBody: signed.rawBody } };
}

/**
 * @internal A `hubspot.fetch` route: {@link readFetchCall}, then `run`; an operational `OtpError`
 * it throws becomes its answer ({@link otpErrorResponse}), anything else is thrown on.
 */
export function fetchRoute(
  options: FetchRouteOptions,
  method: string,
  run: (call: FetchCall) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const read = await readFetchCall(request, options, [method]);
    if (!read.ok) return read.response;
    try {
      return await run(read.call);
    } catch (error) {
      const answer = otpErrorResponse(error);
      if (answer === undefined) throw error;
      return answer;
    }
  };
}

/** @internal Dotted path → first message, from zod issues. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path.map(String).join(".")] ??= issue.message;
  return fieldErrors;
}

/**
 * @internal Parses input (an object built from the query, or the JSON body text) with a zod
 * schema; a 400 with `fieldErrors` when it does not fit.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: { json: string } | { value: unknown },
): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  let value: unknown;
  if ("json" in input) {
    try {
      value = input.json.trim() === "" ? {} : JSON.parse(input.json);
    } catch {
      return {
        ok: false,
        response: errorResponse("BAD_REQUEST", "The body is not JSON", {
          fieldErrors: { "": "Send JSON." },
        }),
      };
    }
  } else {
    value = input.value;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    response: errorResponse("BAD_REQUEST", "The request does not fit this route", {
      fieldErrors: issuesToFieldErrors(parsed.error.issues),
    }),
  };
}

/** Whole seconds to wait, at least 1: the `Retry-After` header and the `retryAfter` field. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * @internal The answer to an operational `OtpError` from the engine, the CRM client or the
 * settings snapshot, or `undefined` for anything else (a bug: the caller rethrows it, so the
 * server logs it with its stack).
 */
export function otpErrorResponse(error: unknown): Response | undefined {
  if (!isOtpError(error)) return undefined;
  const e: OtpError = error;
  const hubspot = e.source === "hubspot";
  const retry = (code: FetchApiErrorCode, message: string, seconds = 5) =>
    errorResponse(code, message, { retryAfter: seconds }, { "Retry-After": String(seconds) });
  switch (e.code) {
    case "STORE_UNAVAILABLE":
    case "STORE_FULL":
    case "STORE_CONTENTION":
      return retry("STORE_UNAVAILABLE", "The code store is busy or unreachable; try again", 2);
    case "STORE_DATA_INVALID":
      return hubspot
        ? errorResponse(
            "SETTINGS_UNREADABLE",
            "The portal's saved settings are unreadable; save them again",
          )
        : retry("STORE_UNAVAILABLE", "The code store returned unreadable data", 2);
    case "PROVIDER_THROTTLED":
      return hubspot
        ? retry("HUBSPOT_UNAVAILABLE", "HubSpot is rate limiting this portal; try again", 10)
        : retry("DELIVERY_FAILED", "The e-mail provider is throttling; try again", 10);
    case "PROVIDER_REJECTED":
      if (hubspot) {
        return e.retryable
          ? retry("HUBSPOT_UNAVAILABLE", "HubSpot did not answer; try again")
          : errorResponse(
              "HUBSPOT_REJECTED",
              "HubSpot refused the call; reinstall the app if this persists",
            );
      }
      return errorResponse("DELIVERY_FAILED", "The e-mail provider refused the message");
    case "NO_CHANNEL":
      return errorResponse("EMAIL_UNAVAILABLE", "This server has no e-mail delivery set up");
    case "DELIVERY_FAILED":
    case "ABORTED":
      return errorResponse("DELIVERY_FAILED", "The e-mail could not be sent; no code is active");
    case "RECIPIENT_INVALID":
      return errorResponse(
        "CONTACT_EMAIL_INVALID",
        "The contact's e-mail address cannot receive mail",
      );
    case "IDEMPOTENCY_CONFLICT":
      return e.retryable
        ? errorResponse(
            "REQUEST_IN_PROGRESS",
            "This request is still running",
            { retryAfter: 1 },
            {
              "Retry-After": "1",
            },
          )
        : errorResponse(
            "REQUEST_ID_REUSED",
            "This requestId was used for another request; send a new one",
          );
    default:
      return undefined;
  }
}
