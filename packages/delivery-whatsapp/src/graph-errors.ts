import type { OtpErrorCode } from "@otpkit/otp-core";
import { OtpError } from "@otpkit/otp-core";

/** How one Graph API / WhatsApp Cloud API `error.code` is handled. */
export interface GraphErrorClass {
  /** The `OtpError` code it becomes. */
  code: OtpErrorCode;
  /** Whether repeating the same send later may succeed. */
  retryable: boolean;
  /** What Meta means by it, in our words (Meta's own text is never kept: see {@link WhatsAppGraphError}). */
  meaning: string;
}

// Source: shared/reference/delivery.md §3 "Codes a sender should handle" (Meta's error-codes page
// via a PHP copy of Meta's table, BSP mirrors by niswey, aivo and ycloud, and pywa's errors.py),
// plus §5 for the rate limits. 613 and 131051 are standard Graph / Cloud API codes listed in the
// issue brief that delivery.md does not cover. Classified by `error.code`, never by HTTP status:
// Meta's sources disagree on the statuses (130429 is 400 in one table, 429 in another).
const THROTTLED = (meaning: string): GraphErrorClass => ({
  code: "PROVIDER_THROTTLED",
  retryable: true,
  meaning,
});
const TRANSIENT = (meaning: string): GraphErrorClass => ({
  code: "DELIVERY_FAILED",
  retryable: true,
  meaning,
});
const REJECTED = (meaning: string): GraphErrorClass => ({
  code: "PROVIDER_REJECTED",
  retryable: false,
  meaning,
});
const RECIPIENT = (meaning: string): GraphErrorClass => ({
  code: "RECIPIENT_INVALID",
  retryable: false,
  meaning,
});
const UNDELIVERABLE = (meaning: string): GraphErrorClass => ({
  code: "DELIVERY_FAILED",
  retryable: false,
  meaning,
});

/**
 * Every Graph API error code the WhatsApp channel knows, with its class. Codes 200..299
 * (permissions) are handled as a range by {@link classifyGraphError}; anything else unknown is
 * retryable only when Meta marks it `is_transient` or the HTTP status is 5xx.
 *
 * Retryable: throttling (130429, 131056, 80007, 4, 613) and temporary service errors (1, 2,
 * 131000, 131016, 131057). Permanent: everything that repeating cannot fix (templates, token,
 * policy, recipient), so the engine falls back to another channel at once.
 */
export const GRAPH_ERROR_TABLE: Readonly<Record<number, GraphErrorClass>> = Object.freeze({
  // Rate limits: retry with backoff.
  130429: THROTTLED("Cloud API throughput for this business number exceeded"),
  131056: THROTTLED("pair rate limit: too many messages to this recipient, retry after 4^X s"),
  80007: THROTTLED("the WhatsApp Business Account hit its rate limit"),
  4: THROTTLED("the app hit its Graph API call limit"),
  613: THROTTLED("Graph API call rate limit exceeded"),
  // Temporary service errors: retry a bounded number of times.
  1: TRANSIENT("unknown Graph API error"),
  2: TRANSIENT("Graph API service temporarily unavailable"),
  131000: TRANSIENT("unknown WhatsApp error"),
  131016: TRANSIENT("WhatsApp service overloaded"),
  131057: TRANSIENT("business account in maintenance mode"),
  // The recipient cannot get WhatsApp messages from us: fall back to another channel.
  131026: RECIPIENT(
    "message undeliverable (not a WhatsApp user, old client or terms not accepted)",
  ),
  131030: RECIPIENT("recipient is not on the allowed list of this test number"),
  131021: RECIPIENT("recipient is the sender"),
  137000: UNDELIVERABLE("recipient identity key changed (treat as a security event)"),
  131049: UNDELIVERABLE("not delivered to maintain healthy ecosystem engagement"),
  131050: UNDELIVERABLE("the user stopped marketing messages"),
  // Our request or configuration is wrong: repeating cannot fix it.
  131047: REJECTED("outside the 24 h window and not a template (a bug for authentication)"),
  131051: REJECTED("unsupported message type"),
  131008: REJECTED("a required parameter is missing"),
  131009: REJECTED("a parameter value is invalid"),
  100: REJECTED("invalid parameter"),
  132000: REJECTED("template parameter count mismatch (the button parameter forgotten?)"),
  132001: REJECTED("template does not exist in this language or is not approved"),
  132005: REJECTED("template text too long after substitution"),
  132007: REJECTED("template format character policy violated"),
  132012: REJECTED("template parameter format mismatch"),
  132015: REJECTED("template is paused for low quality"),
  132016: REJECTED("template is disabled"),
  131048: REJECTED("spam rate limit: sending restricted for low quality"),
  131042: REJECTED("payment or billing problem on the business account"),
  131031: REJECTED("business account locked"),
  368: REJECTED("temporarily blocked for policy violations"),
  130497: REJECTED("business account restricted from messaging users in this country"),
  133010: REJECTED("business phone number not registered"),
  190: REJECTED("access token expired or invalid"),
  0: REJECTED("authentication exception"),
  3: REJECTED("the app lacks the capability for this call"),
  10: REJECTED("permission denied"),
});

/** Facts kept from a Graph API error response: codes and ids only. */
export interface GraphErrorFacts {
  /** `error.code`, when the response had one. */
  graphCode?: number | undefined;
  /** `error.error_subcode` (deprecated by Meta, still sent). */
  graphSubcode?: number | undefined;
  /** `error.type` (`"OAuthException"`). */
  graphType?: string | undefined;
  /** `error.fbtrace_id`, for Meta support. */
  fbtraceId?: string | undefined;
  /** `error.is_transient`, when present. */
  isTransient?: boolean | undefined;
  /** The HTTP status of the response. */
  httpStatus: number;
}

/**
 * The `cause` of a WhatsApp `OtpError`: Meta's codes and trace id, nothing else.
 *
 * Meta's `message`, `error_user_msg` and `error_data.details` are dropped on purpose: they can
 * quote request parameters, and the request's parameters are the code (twice).
 */
export class WhatsAppGraphError extends Error {
  override readonly name = "WhatsAppGraphError";
  /** `error.code`, when the response had one. */
  readonly graphCode: number | undefined;
  /** `error.error_subcode`, when present. */
  readonly graphSubcode: number | undefined;
  /** `error.type`, when present. */
  readonly graphType: string | undefined;
  /** `error.fbtrace_id`, when present. */
  readonly fbtraceId: string | undefined;
  /** `error.is_transient`, when present. */
  readonly isTransient: boolean | undefined;
  /** The HTTP status. */
  readonly httpStatus: number;

  /** @param facts What was read from the response. @param meaning Our description of the code. */
  constructor(facts: GraphErrorFacts, meaning: string) {
    const id =
      facts.graphCode === undefined
        ? `HTTP ${facts.httpStatus}`
        : `(#${facts.graphCode}${facts.graphSubcode === undefined ? "" : `/${facts.graphSubcode}`})`;
    super(`Graph API error ${id}: ${meaning}`);
    this.graphCode = facts.graphCode;
    this.graphSubcode = facts.graphSubcode;
    this.graphType = facts.graphType;
    this.fbtraceId = facts.fbtraceId;
    this.isTransient = facts.isTransient;
    this.httpStatus = facts.httpStatus;
  }
}

/**
 * The class of a Graph API error code: the table entry, the 200..299 permission range, or, for
 * a code we do not know, retryable when Meta says `is_transient` or the status is 5xx / 429.
 *
 * @param facts The error's code, transient flag and HTTP status.
 * @returns How to report it.
 * @example
 * ```ts
 * classifyGraphError({ graphCode: 131056, httpStatus: 400 }).code; // "PROVIDER_THROTTLED"
 * classifyGraphError({ graphCode: 190, httpStatus: 401 }).retryable; // false
 * ```
 */
export function classifyGraphError(facts: GraphErrorFacts): GraphErrorClass {
  const code = facts.graphCode;
  if (code !== undefined) {
    const known = GRAPH_ERROR_TABLE[code];
    if (known) return known;
    if (code >= 200 && code <= 299) return REJECTED("permission missing on the token or app");
  }
  if (facts.isTransient === true) return TRANSIENT("Meta marked the error transient");
  if (facts.httpStatus === 429) return THROTTLED("HTTP 429 without a known error code");
  if (facts.httpStatus >= 500) return TRANSIENT(`HTTP ${facts.httpStatus} from the Graph API`);
  return UNDELIVERABLE(
    code === undefined ? `HTTP ${facts.httpStatus} without an error code` : "unknown error code",
  );
}

/** @internal Reads the Graph error envelope of a response body; tolerant of any shape. */
export function readGraphError(body: unknown, httpStatus: number): GraphErrorFacts {
  const error =
    typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  const facts: GraphErrorFacts = { httpStatus };
  if (typeof error !== "object" || error === null) return facts;
  const e = error as Record<string, unknown>;
  const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : undefined);
  facts.graphCode = int(e["code"]);
  facts.graphSubcode = int(e["error_subcode"]);
  // Ids are kept only when they look like ids: no free text reaches our errors.
  const type = e["type"];
  if (typeof type === "string" && /^[A-Za-z]{1,40}$/.test(type)) facts.graphType = type;
  const trace = e["fbtrace_id"];
  if (typeof trace === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(trace)) facts.fbtraceId = trace;
  if (typeof e["is_transient"] === "boolean") facts.isTransient = e["is_transient"];
  return facts;
}

/** @internal The `OtpError` for a Graph error response. */
export function graphOtpError(
  facts: GraphErrorFacts,
  extra: Record<string, string | number | boolean | null> = {},
): OtpError {
  const cls = classifyGraphError(facts);
  const cause = new WhatsAppGraphError(facts, cls.meaning);
  return new OtpError(cls.code, `WhatsApp Cloud API refused the message: ${cause.message}`, {
    cause,
    retryable: cls.retryable,
    source: "whatsapp",
    details: {
      graphCode: facts.graphCode ?? null,
      graphSubcode: facts.graphSubcode ?? null,
      fbtraceId: facts.fbtraceId ?? null,
      httpStatus: facts.httpStatus,
      ...extra,
    },
  });
}
