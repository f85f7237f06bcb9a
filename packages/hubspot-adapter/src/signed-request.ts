import { argumentError, configError } from "@otpkit/otp-core";
import type { HubSpotSignatureFailure, HubSpotSignatureVersion } from "./signature.js";
import { verifyHubSpotSignature } from "./signature.js";

/** The largest body read, bytes (1 MiB: `hubspot.fetch` caps payloads at 1 MB). */
export const MAX_SIGNED_BODY_BYTES = 1_048_576;

/** Options of {@link readSignedRequest}. */
export interface ReadSignedRequestOptions {
  /** The app's client secret (the HubSpot app's Auth tab). Never logged or returned. */
  clientSecret: string;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /**
   * The origin HubSpot calls (`https://otp.example.com`), when a proxy or load balancer sits in
   * front: it replaces the scheme and host of `request.url`, whose path and query are kept as
   * received. `X-Forwarded-Proto` / `X-Forwarded-Host` are deliberately NOT used: any client
   * can send them, so they would let a request choose the URL its signature is checked against.
   * Only an origin: no path, query or credentials.
   * @default the scheme and host of `request.url`
   */
  publicUrl?: string;
  /**
   * Accept requests signed only with v2 (no timestamp, so replayable forever). See
   * {@link verifyHubSpotSignature}. Pass false for `hubspot.fetch` routes, which always carry v3.
   * @default true
   */
  allowV2?: boolean;
}

/**
 * Who called through `hubspot.fetch`: the query parameters HubSpot appends to the URL, which the
 * signature covers. The only trustworthy source of portal and user for card and settings calls.
 */
export interface HubSpotFetchIdentity {
  /** The HubSpot app's id. */
  appId: number;
  /** The HubSpot account (portal, hub) the user is in. */
  portalId: number;
  /** The HubSpot user who triggered the call. */
  userId: number;
  /** That user's e-mail, when HubSpot sent it. */
  userEmail?: string;
}

/** A request whose signature verified. */
export interface SignedHubSpotRequest {
  ok: true;
  /** The body exactly as signed (UTF-8 text, `""` when empty), not parsed. */
  rawBody: string;
  /** The URL the signature was checked against (after `publicUrl`). */
  url: string;
  /** Which signature verified it: log it (v2-only requests are replayable). */
  version: HubSpotSignatureVersion;
  /**
   * Present when the signed URL carries `appId`, `portalId` and `userId` (a `hubspot.fetch`
   * call). Never taken from the body. For workflow actions, read `origin.portalId` from the
   * (now trusted) body instead.
   */
  fetchIdentity?: HubSpotFetchIdentity;
}

/** Why a request was refused, for logs: a {@link HubSpotSignatureFailure} or a body/URL problem. */
export type SignedRequestFailure =
  | HubSpotSignatureFailure
  | "body_too_large"
  | "body_not_utf8"
  | "identity_ambiguous";

/** A refused request: answer it with `response` as is. */
export interface RejectedHubSpotRequest {
  ok: false;
  /** 401 (signature), 413 (body over 1 MiB) or 400 (body not UTF-8, repeated identity). */
  response: Response;
  /** The same reason as in the response body, for logs. */
  reason: SignedRequestFailure;
}

/** The outcome of {@link readSignedRequest}. */
export type ReadSignedRequestResult = SignedHubSpotRequest | RejectedHubSpotRequest;

const IDENTITY_KEYS = ["appId", "portalId", "userId", "userEmail"] as const;

/**
 * Reads a request from HubSpot (workflow action or `hubspot.fetch`) and checks its signature
 * before anything of it is parsed.
 *
 * The body is read once, as UTF-8 text, up to 1 MiB: a larger one is refused with 413 before
 * anything is hashed (`Content-Length` first, then while streaming). The URL checked is
 * `request.url`, with scheme and host replaced by `publicUrl` when given. A signature failure
 * answers 401 with `{ error: { code: "SIGNATURE_INVALID", message, details: { reason } } }`; the
 * signature itself is never echoed. When the signed query repeats `appId`, `portalId`, `userId` or
 * `userEmail`, the request is refused with 400: a caller could put its own `portalId` in the URL
 * before HubSpot appends the real one.
 *
 * @param request The incoming request; its body must not have been read.
 * @param options The client secret, and optionally the clock, `publicUrl` and `allowV2`.
 * @returns `{ ok: true, rawBody, url, version, fetchIdentity? }` or `{ ok: false, response, reason }`.
 * @throws {OtpError} `CONFIG_INVALID` for a bad option (an empty `clientSecret`, a `publicUrl` with
 *   a path); `INVALID_ARGUMENT` when the request's body was already read.
 * @example
 * ```ts
 * const signed = await readSignedRequest(request, {
 *   clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
 *   publicUrl: "https://otp.example.com",
 *   allowV2: false,
 * });
 * if (!signed.ok) return signed.response;
 * const portalId = signed.fetchIdentity?.portalId; // never from the body
 * ```
 */
export async function readSignedRequest(
  request: Request,
  options: ReadSignedRequestOptions,
): Promise<ReadSignedRequestResult> {
  const { clientSecret, now, origin, allowV2 } = checkOptions(options);
  // Duck-typed, not `instanceof Request`: a framework may bring its own copy of undici's class.
  if (typeof request?.url !== "string" || typeof request.headers?.get !== "function") {
    throw argumentError("request", "a web Request", request, { source: "hubspot" });
  }
  if (request.bodyUsed || request.body?.locked) {
    throw argumentError("request", "a Request whose body was not read yet", "a used body", {
      source: "hubspot",
    });
  }
  const received = new URL(request.url);
  // Path and query as received (already in WHATWG's serialisation, which HubSpot's decode list
  // accounts for); the fragment never reaches a server.
  const url = (origin ?? received.origin) + received.pathname + received.search;

  const read = await readBody(request, MAX_SIGNED_BODY_BYTES);
  if (read.error !== undefined) {
    return read.error === "too_large"
      ? reject(413, "PAYLOAD_TOO_LARGE", "body_too_large", "The body exceeds 1 MiB")
      : reject(400, "BODY_NOT_UTF8", "body_not_utf8", "The body is not UTF-8 text");
  }
  const body = read.text;

  const verified = verifyHubSpotSignature({
    method: request.method,
    url,
    rawBody: body,
    headers: request.headers,
    clientSecret,
    now: now(),
    allowV2,
  });
  if (!verified.ok) {
    return reject(
      401,
      "SIGNATURE_INVALID",
      verified.reason,
      "The HubSpot request signature did not verify",
    );
  }

  const query = new URL(url).searchParams;
  if (IDENTITY_KEYS.some((key) => query.getAll(key).length > 1)) {
    return reject(
      400,
      "IDENTITY_AMBIGUOUS",
      "identity_ambiguous",
      "appId, portalId, userId and userEmail may appear at most once in the URL",
    );
  }
  const fetchIdentity = identityOf(query);
  return {
    ok: true,
    rawBody: body,
    url,
    version: verified.version,
    ...(fetchIdentity ? { fetchIdentity } : {}),
  };
}

/** The identity HubSpot appended to a `hubspot.fetch` URL, or undefined when it is incomplete. */
function identityOf(query: URLSearchParams): HubSpotFetchIdentity | undefined {
  const appId = id(query.get("appId"));
  const portalId = id(query.get("portalId"));
  const userId = id(query.get("userId"));
  if (appId === undefined || portalId === undefined || userId === undefined) return undefined;
  const userEmail = query.get("userEmail");
  return { appId, portalId, userId, ...(userEmail ? { userEmail } : {}) };
}

/** A positive integer id written in decimal, or undefined. */
function id(value: string | null): number | undefined {
  if (value === null || !/^[1-9][0-9]{0,15}$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function reject(
  status: number,
  code: string,
  reason: SignedRequestFailure,
  message: string,
): RejectedHubSpotRequest {
  const details = code === "SIGNATURE_INVALID" ? { details: { reason } } : {};
  const response = new Response(JSON.stringify({ error: { code, message, ...details } }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
  return { ok: false, response, reason };
}

interface CheckedOptions {
  clientSecret: string;
  now: () => number;
  origin: string | undefined;
  allowV2: boolean;
}

function checkOptions(options: ReadSignedRequestOptions): CheckedOptions {
  const source = { source: "hubspot" } as const;
  if (typeof options !== "object" || options === null) {
    throw configError("options", "an object", options, undefined, source);
  }
  const { clientSecret, now = Date.now, publicUrl, allowV2 = true } = options;
  if (typeof clientSecret !== "string" || clientSecret === "") {
    throw configError(
      "clientSecret",
      "the app's client secret (a non-empty string)",
      clientSecret,
      "copy it from the app's Auth tab",
      { ...source, redact: true },
    );
  }
  if (typeof now !== "function") {
    throw configError("now", "a function returning epoch ms", now, undefined, source);
  }
  if (typeof allowV2 !== "boolean") {
    throw configError("allowV2", "a boolean", allowV2, undefined, source);
  }
  return { clientSecret, now, origin: publicOrigin(publicUrl), allowV2 };
}

/** `publicUrl` as an origin (`https://otp.example.com`), or undefined when not given. */
function publicOrigin(publicUrl: unknown): string | undefined {
  if (publicUrl === undefined) return undefined;
  const expected = "an origin such as https://otp.example.com";
  const fix = "scheme and host only: HubSpot's path and query are taken from the request";
  let parsed: URL;
  try {
    if (typeof publicUrl !== "string") throw new TypeError("not a string");
    parsed = new URL(publicUrl);
  } catch {
    throw configError("publicUrl", expected, publicUrl, fix, { source: "hubspot" });
  }
  const bare =
    (parsed.protocol === "https:" || parsed.protocol === "http:") &&
    parsed.username === "" &&
    parsed.password === "" &&
    parsed.pathname === "/" &&
    parsed.search === "" &&
    parsed.hash === "";
  if (!bare) throw configError("publicUrl", expected, publicUrl, fix, { source: "hubspot" });
  return parsed.origin;
}

// Decodes exactly the bytes received: `fatal` refuses invalid UTF-8 rather than replacing it
// (two different byte strings must not become one signed text), and `ignoreBOM` keeps a leading
// BOM in the text, as it was in the bytes HubSpot signed.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

type BodyRead = { error?: undefined; text: string } | { error: "too_large" | "not_utf8" };

/** The body as text, giving up past `max` bytes without buffering the rest. */
async function readBody(request: Request, max: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > max) {
    await request.body?.cancel().catch(() => undefined);
    return { error: "too_large" };
  }
  if (request.body === null) return { text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { error: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: "not_utf8" };
  }
}
