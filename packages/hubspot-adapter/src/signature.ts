import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { argumentError } from "@otpkit/otp-core";

// HubSpot request signatures, verified by hand. Why not `Signature.isValid` from
// @hubspot/api-client: it does no URL decoding, compares with `===`, defaults to v1 and POST,
// throws on a stale timestamp and accepts timestamps from the future (reference/hubspot.md §0.3).

/** Which signature verified a request. v1 (`sha256(secret + body)`) is never accepted. */
export type HubSpotSignatureVersion = "v3" | "v2";

/**
 * Why a request did not verify. Safe to log and to return to the caller: it holds no secret,
 * no signature and nothing of the request.
 *
 * - `missing_signature`: neither `X-HubSpot-Signature-v3` nor `X-HubSpot-Signature`.
 * - `missing_timestamp` / `malformed_timestamp`: v3 without a usable `X-HubSpot-Request-Timestamp`
 *   (epoch milliseconds, digits only).
 * - `stale_timestamp` / `future_timestamp`: more than 5 minutes old, or ahead of `now`.
 * - `unsupported_version`: only `X-HubSpot-Signature` and its version is not `v2` (v1 or absent).
 * - `v2_not_allowed`: only a v2 signature, and `allowV2` is false.
 * - `bad_signature`: the signature does not match.
 */
export type HubSpotSignatureFailure =
  | "missing_signature"
  | "missing_timestamp"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "future_timestamp"
  | "unsupported_version"
  | "v2_not_allowed"
  | "bad_signature";

/** The outcome of {@link verifyHubSpotSignature}: a value, never an exception. */
export type HubSpotSignatureResult =
  | { ok: true; version: HubSpotSignatureVersion }
  | { ok: false; reason: HubSpotSignatureFailure };

/**
 * Request headers: a web `Headers`, or a plain object such as Node's `IncomingHttpHeaders`
 * (names matched case-insensitively; a repeated header is joined with `", "`, as `Headers` does).
 */
export type HubSpotHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The inputs of {@link verifyHubSpotSignature}, all explicit: no clock, no environment. */
export interface VerifyHubSpotSignatureInput {
  /** The HTTP method of the request (`POST`); compared upper-cased. */
  method: string;
  /**
   * The full URL HubSpot called (`https://host/path?query`, in the original parameter order).
   * Behind a proxy, rebuild scheme and host from what HubSpot called, not from the socket.
   */
  url: string;
  /** The body exactly as received, decoded as UTF-8; `""` when there is none. */
  rawBody: string;
  /** The request headers. */
  headers: HubSpotHeaders;
  /** The app's client secret (the HubSpot app's Auth tab). */
  clientSecret: string;
  /** The current time, epoch milliseconds. */
  now: number;
  /**
   * Accept a request that carries only a v2 signature. v2 has no timestamp, so such a request
   * can be replayed forever; it is allowed by default only because HubSpot documents v2 for
   * workflow actions. Set it to false wherever v3 is known to be sent (`hubspot.fetch`).
   * @default true
   */
  allowV2?: boolean;
}

/** How far a v3 timestamp may be from `now`, either way, ms (HubSpot's 5 minutes). */
export const HUBSPOT_SIGNATURE_MAX_SKEW_MS = 300_000;

/** The header names, lower-case. */
const HEADER = {
  v3: "x-hubspot-signature-v3",
  timestamp: "x-hubspot-request-timestamp",
  signature: "x-hubspot-signature",
  version: "x-hubspot-signature-version",
} as const;

// HubSpot decodes exactly these escapes before signing (v3), and nothing else: a full
// decodeURIComponent would also turn `%20` into a space and break valid signatures, or make two
// different URLs (`%26` vs `&`) verify alike.
const DECODE: Readonly<Record<string, string>> = {
  "%3A": ":",
  "%2F": "/",
  "%3F": "?",
  "%40": "@",
  "%21": "!",
  "%24": "$",
  "%27": "'",
  "%28": "(",
  "%29": ")",
  "%2A": "*",
  "%2C": ",",
  "%3B": ";",
};
const ESCAPES = /%(?:3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/**
 * @internal The URI as v3 signs it: `url` with only HubSpot's listed escapes decoded
 * (case-insensitively: `%3a` as `%3A`).
 */
export function v3SignedUri(url: string): string {
  return url.replace(ESCAPES, (encoded) => DECODE[encoded.toUpperCase()]!);
}

/** @internal The v3 signature: base64 HMAC-SHA256(secret, METHOD + uri + body + timestamp). */
export function signatureV3(
  clientSecret: string,
  method: string,
  url: string,
  rawBody: string,
  timestamp: string,
): string {
  return createHmac("sha256", clientSecret)
    .update(method.toUpperCase() + v3SignedUri(url) + rawBody + timestamp, "utf8")
    .digest("base64");
}

/**
 * @internal The v2 signature: hex SHA-256(secret + METHOD + url + body). Not an HMAC, and the URL
 * is used exactly as received (HubSpot's v2 documentation decodes nothing).
 */
export function signatureV2(
  clientSecret: string,
  method: string,
  url: string,
  rawBody: string,
): string {
  return createHash("sha256")
    .update(clientSecret + method.toUpperCase() + url + rawBody, "utf8")
    .digest("hex");
}

/**
 * Verifies a HubSpot request signature: v3 when its header is present, else v2 (if allowed).
 *
 * - v3 (`X-HubSpot-Signature-v3` + `X-HubSpot-Request-Timestamp`): base64 HMAC-SHA256 keyed with
 *   the client secret over `METHOD + uri + rawBody + timestamp`, where `uri` is `url` with only
 *   HubSpot's listed escapes decoded (`%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B`). The
 *   timestamp must be within 5 minutes of `now`, in the past or the future.
 * - v2 (`X-HubSpot-Signature` + `X-HubSpot-Signature-Version: v2`): hex SHA-256 of
 *   `clientSecret + METHOD + url + rawBody`. Only when no v3 header is present and `allowV2`.
 * - v1 is refused (`unsupported_version`): it signs the body only, not the URL or the method.
 *
 * When both are present, v3 decides: a wrong v3 fails even with a correct v2 (a downgrade would
 * otherwise bypass the timestamp). v3 still admits replays within its 5-minute window, and a
 * v2-only request can be replayed at any time (anyone who saw one can strip its v3 headers), so
 * handlers must be idempotent (per `callbackId`). Comparisons run in constant time.
 *
 * @param input Method, URL, raw body, headers, client secret, `now` and `allowV2`.
 * @returns `{ ok: true, version }` or `{ ok: false, reason }`, never an exception for a bad request.
 * @throws {OtpError} `INVALID_ARGUMENT` when an input has the wrong type (a programming error),
 *   e.g. an empty `clientSecret` or a non-finite `now`.
 * @example
 * ```ts
 * const result = verifyHubSpotSignature({
 *   method: request.method,
 *   url: "https://otp.example.com/hubspot/actions/generate-otp",
 *   rawBody,
 *   headers: request.headers,
 *   clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
 *   now: Date.now(),
 * });
 * if (!result.ok) return new Response(result.reason, { status: 401 });
 * ```
 */
export function verifyHubSpotSignature(input: VerifyHubSpotSignatureInput): HubSpotSignatureResult {
  const { method, url, rawBody, headers, clientSecret, now } = input;
  checkInputs(input);
  const v3 = header(headers, HEADER.v3);
  if (v3 !== undefined) {
    // v3 headers present: v3 alone decides, so a stripped-down or forged v3 cannot fall back.
    const timestamp = header(headers, HEADER.timestamp);
    if (timestamp === undefined) return fail("missing_timestamp");
    const ts = /^[0-9]{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isSafeInteger(ts)) return fail("malformed_timestamp");
    // Both directions: an old timestamp is HubSpot's replay bound; a future one would stretch
    // that bound by however far ahead it is.
    if (now - ts > HUBSPOT_SIGNATURE_MAX_SKEW_MS) return fail("stale_timestamp");
    if (ts - now > HUBSPOT_SIGNATURE_MAX_SKEW_MS) return fail("future_timestamp");
    const expected = signatureV3(clientSecret, method, url, rawBody, timestamp);
    return safeEqual(expected, v3) ? { ok: true, version: "v3" } : fail("bad_signature");
  }
  const v2 = header(headers, HEADER.signature);
  if (v2 === undefined) return fail("missing_signature");
  if (header(headers, HEADER.version) !== "v2") return fail("unsupported_version");
  if (input.allowV2 === false) return fail("v2_not_allowed");
  const expected = signatureV2(clientSecret, method, url, rawBody);
  return safeEqual(expected, v2) ? { ok: true, version: "v2" } : fail("bad_signature");
}

function fail(reason: HubSpotSignatureFailure): HubSpotSignatureResult {
  return { ok: false, reason };
}

/**
 * @internal Constant-time string equality. Why: an early-exit `===` lets an attacker learn the
 * expected signature a character at a time from response times. The length check first leaks
 * only the length of the expected value, which is public (44 base64 or 64 hex characters).
 */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A header's value (trimmed), or `undefined` when absent. */
function header(headers: HubSpotHeaders, name: string): string | undefined {
  // Duck-typed, not `instanceof Headers`: a framework may bring its own copy of undici's class.
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    if (typeof value === "string") values.push(value.trim());
    else if (Array.isArray(value)) values.push(...value.map((v) => String(v).trim()));
  }
  return values.length === 0 ? undefined : values.join(", ");
}

function checkInputs(input: VerifyHubSpotSignatureInput): void {
  if (typeof input !== "object" || input === null) {
    throw argumentError("input", "an object", input, { source: "hubspot" });
  }
  for (const field of ["method", "url", "rawBody"] as const) {
    if (typeof input[field] !== "string") {
      throw argumentError(field, "a string", input[field], { source: "hubspot" });
    }
  }
  if (typeof input.clientSecret !== "string" || input.clientSecret === "") {
    throw argumentError(
      "clientSecret",
      "the app's client secret (a non-empty string)",
      input.clientSecret,
      {
        source: "hubspot",
        redact: true,
      },
    );
  }
  if (typeof input.now !== "number" || !Number.isFinite(input.now)) {
    throw argumentError("now", "epoch milliseconds (a finite number)", input.now, {
      source: "hubspot",
    });
  }
  if (typeof input.headers !== "object" || input.headers === null) {
    throw argumentError("headers", "a Headers or a plain object", input.headers, {
      source: "hubspot",
    });
  }
  if (input.allowV2 !== undefined && typeof input.allowV2 !== "boolean") {
    throw argumentError("allowV2", "a boolean", input.allowV2, { source: "hubspot" });
  }
}
