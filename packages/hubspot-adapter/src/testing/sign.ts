import { argumentError } from "@otpkit/otp-core";
import type { HubSpotSignatureVersion } from "../signature.js";
import { signatureV2, signatureV3 } from "../signature.js";

// Requests signed as HubSpot signs them, for tests and for playing a workflow step locally. The
// formulas are the verifier's own (signature.ts); the official test vectors pin them there.

/** Input of {@link signHubSpotRequest}. */
export interface SignHubSpotRequestInput {
  /** HTTP method. */
  method: string;
  /** The full URL called; signed in its WHATWG form (what `new Request(url).url` gives). */
  url: string;
  /** The body exactly as sent. @default "" */
  body?: string;
  /** The app's client secret. */
  clientSecret: string;
  /** `X-HubSpot-Request-Timestamp`, epoch ms. @default Date.now() */
  timestamp?: number;
  /**
   * Which signatures to add. HubSpot sends both; pass `["v2"]` for a v2-only request.
   * @default ["v3", "v2"]
   */
  versions?: readonly HubSpotSignatureVersion[];
}

/** Input of {@link signedWorkflowRequest}. */
export interface SignedWorkflowRequestInput {
  /** The action's `actionUrl`. */
  url: string;
  /** The app's client secret. */
  clientSecret: string;
  /** The execution payload (`callbackId`, `origin`, `object`, `inputFields`, ...); sent as JSON. */
  payload: unknown;
  /** Epoch ms. @default Date.now() */
  timestamp?: number;
  /** @default ["v3", "v2"] */
  versions?: readonly HubSpotSignatureVersion[];
}

/** Input of {@link signedFetchRequest}. */
export interface SignedFetchRequestInput {
  /** The URL the card passed to `hubspot.fetch` (it may have its own query). */
  url: string;
  /** @default "GET" */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The app's client secret. */
  clientSecret: string;
  /** What HubSpot appends to the URL, in this order. */
  query: {
    appId: number | string;
    portalId: number | string;
    userId: number | string;
    userEmail?: string;
  };
  /** The card's JSON body (POST, PUT, PATCH only); sent as `JSON.stringify(body)`. */
  body?: Record<string, unknown>;
  /** Epoch ms. @default Date.now() */
  timestamp?: number;
  /** @default ["v3", "v2"] */
  versions?: readonly HubSpotSignatureVersion[];
}

/**
 * The signature headers HubSpot would send for a request: `X-HubSpot-Signature-v3` and
 * `X-HubSpot-Request-Timestamp`, plus `X-HubSpot-Signature` with `X-HubSpot-Signature-Version: v2`.
 *
 * @param input Method, URL, body, client secret, timestamp and which versions to sign.
 * @returns The headers, as a plain object.
 * @throws {OtpError} `INVALID_ARGUMENT` for an empty `clientSecret` or a non-integer `timestamp`.
 * @example
 * ```ts
 * const headers = signHubSpotRequest({ method: "POST", url, body, clientSecret: "secret" });
 * await fetch(url, { method: "POST", body, headers });
 * ```
 */
export function signHubSpotRequest(input: SignHubSpotRequestInput): Record<string, string> {
  const { method, clientSecret, body = "", versions = ["v3", "v2"] } = input;
  const timestamp = input.timestamp ?? Date.now();
  if (typeof clientSecret !== "string" || clientSecret === "") {
    throw argumentError("clientSecret", "a non-empty string", clientSecret, {
      source: "hubspot",
      redact: true,
    });
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw argumentError("timestamp", "epoch milliseconds (an integer >= 0)", timestamp, {
      source: "hubspot",
    });
  }
  // Signed in the form the receiving server will see it: `new Request(url).url`.
  const url = new URL(input.url).href;
  const headers: Record<string, string> = {};
  if (versions.includes("v3")) {
    headers["X-HubSpot-Signature-v3"] = signatureV3(
      clientSecret,
      method,
      url,
      body,
      String(timestamp),
    );
    headers["X-HubSpot-Request-Timestamp"] = String(timestamp);
  }
  if (versions.includes("v2")) {
    headers["X-HubSpot-Signature"] = signatureV2(clientSecret, method, url, body);
    headers["X-HubSpot-Signature-Version"] = "v2";
  }
  return headers;
}

/**
 * A workflow-action execution as HubSpot POSTs it to the action's URL: a JSON body, signed.
 *
 * @param input The action URL, client secret, payload and optionally the timestamp.
 * @returns A `Request` ready for a handler.
 * @throws {OtpError} `INVALID_ARGUMENT` as {@link signHubSpotRequest}.
 * @example
 * ```ts
 * const request = signedWorkflowRequest({
 *   url: "https://otp.example.com/hubspot/actions/generate-otp",
 *   clientSecret: "secret",
 *   payload: { callbackId: "ap-1-2-3-0", origin: { portalId: 99887766 }, inputFields: {} },
 * });
 * const response = await generateOtp(request);
 * ```
 */
export function signedWorkflowRequest(input: SignedWorkflowRequestInput): Request {
  const body = JSON.stringify(input.payload);
  const headers = signHubSpotRequest({
    method: "POST",
    url: input.url,
    body,
    clientSecret: input.clientSecret,
    ...optional(input),
  });
  return new Request(input.url, {
    method: "POST",
    body,
    headers: { ...headers, "Content-Type": "application/json" },
  });
}

/**
 * A `hubspot.fetch` call as HubSpot forwards it: `appId`, `portalId`, `userId` and `userEmail`
 * appended to the URL's query, the body as JSON, all signed.
 *
 * @param input URL, method, client secret, the identity HubSpot appends, and an optional body.
 * @returns A `Request` ready for a handler.
 * @throws {OtpError} `INVALID_ARGUMENT` for a body on GET or DELETE, and as
 *   {@link signHubSpotRequest}.
 * @example
 * ```ts
 * const request = signedFetchRequest({
 *   url: "https://otp.example.com/hubspot/card/generate",
 *   method: "POST",
 *   clientSecret: "secret",
 *   query: { appId: 1, portalId: 99887766, userId: 7, userEmail: "admin@example.org" },
 *   body: { contactId: "5101" },
 * });
 * ```
 */
export function signedFetchRequest(input: SignedFetchRequestInput): Request {
  const method = input.method ?? "GET";
  if (input.body !== undefined && (method === "GET" || method === "DELETE")) {
    throw argumentError("body", "no body for GET or DELETE", "a body", { source: "hubspot" });
  }
  const appended = new URLSearchParams({
    appId: String(input.query.appId),
    portalId: String(input.query.portalId),
    userId: String(input.query.userId),
    ...(input.query.userEmail === undefined ? {} : { userEmail: input.query.userEmail }),
  });
  // Appended after the card's own parameters, which stay as written (no re-serialisation).
  const base = new URL(input.url);
  base.hash = "";
  const separator = base.search !== "" ? "&" : base.href.endsWith("?") ? "" : "?";
  const url = new URL(`${base.href}${separator}${appended}`);
  const body = input.body === undefined ? undefined : JSON.stringify(input.body);
  const headers = signHubSpotRequest({
    method,
    url: url.href,
    clientSecret: input.clientSecret,
    ...(body === undefined ? {} : { body }),
    ...optional(input),
  });
  return new Request(url.href, {
    method,
    ...(body === undefined ? {} : { body }),
    headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
  });
}

function optional(input: {
  timestamp?: number;
  versions?: readonly HubSpotSignatureVersion[];
}): Pick<SignHubSpotRequestInput, "timestamp" | "versions"> {
  return {
    ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
    ...(input.versions === undefined ? {} : { versions: input.versions }),
  };
}
