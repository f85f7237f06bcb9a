// The one module that talks to the otpkit server: typed calls around `hubspot.fetch`, shared by
// the card and the settings page. Tests mock `hubspot.fetch` (or pass `fetch`) and nothing else.
import type { HubSpotFetchOptions } from "@hubspot/ui-extensions";
import { hubspot } from "@hubspot/ui-extensions";
import type {
  CardGenerated,
  CardLocked,
  CardStatus,
  CardThrottled,
  EmailPreview,
  PortalSettings,
  PropertyChoices,
  SettingsView,
} from "./wire.js";

/** A call that did not give the answer asked for: the server's error, or no answer at all. */
export interface ApiFailure {
  ok: false;
  /** The HTTP status; 0 when the server could not be reached or answered something unreadable. */
  status: number;
  /** The server's error code (`CONTACT_NOT_FOUND`, `SETTINGS_INVALID` …), or `NETWORK` / `BAD_ANSWER`. */
  code: string;
  /** A sentence for the person at the screen. */
  message: string;
  /** Per field (dotted path) what to fix, for 400 and 422. */
  fieldErrors?: Record<string, string>;
  /** RECIPIENT_CHANGED: the contact's e-mail address now. */
  recipientEmail?: string | null;
  /** Seconds until trying again helps, where the server said so. */
  retryAfter?: number;
}

/** A call's answer: `data` on success, else an {@link ApiFailure}. */
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/** What generate, resend and regenerate can answer: a code, or why none was made. */
export type IssueOutcome = CardGenerated | CardThrottled | CardLocked;

/** The server's API, as the card and the settings page call it. */
export interface OtpkitApi {
  cardStatus(contactId: string | number): Promise<ApiResult<CardStatus>>;
  /** A new code (e-mailed when the portal's e-mail is on). */
  generate(contactId: string | number, requestId: string): Promise<ApiResult<IssueOutcome>>;
  /** A new code e-mailed to `confirmedEmail`, the address the confirmation showed. */
  resend(
    contactId: string | number,
    requestId: string,
    confirmedEmail: string,
  ): Promise<ApiResult<IssueOutcome>>;
  /** A new code shown in the card, not e-mailed (e-mail off only). */
  regenerate(contactId: string | number, requestId: string): Promise<ApiResult<IssueOutcome>>;
  getSettings(): Promise<ApiResult<SettingsView>>;
  saveSettings(settings: PortalSettings): Promise<ApiResult<{ settings: PortalSettings }>>;
  /** The contact properties that may hold the code; `refresh` asks HubSpot again. */
  properties(refresh?: boolean): Promise<ApiResult<PropertyChoices>>;
  /** The e-mail as the draft would send it, with a sample code. */
  preview(draft: Partial<PortalSettings>, locale?: string): Promise<ApiResult<EmailPreview>>;
}

/** `hubspot.fetch`'s shape. */
export type HubSpotFetch = (url: string, options?: HubSpotFetchOptions) => Promise<Response>;

const NETWORK_MESSAGE =
  "The otpkit server could not be reached. Check your connection and try again; if it keeps happening, ask your HubSpot admin to check the app.";
const BAD_ANSWER_MESSAGE =
  "The otpkit server gave an answer the card cannot read. Try again; if it keeps happening, ask your HubSpot admin to check the app.";
// Answers with an `outcome` are expected results (throttled 409, locked 423), not failures.
const OUTCOME_STATUSES = new Set([200, 409, 423]);

/**
 * The typed API over `hubspot.fetch` (absolute HTTPS URLs under the app's permitted fetch origin).
 * Never throws: a network failure, a dev-proxy envelope or a non-JSON body is an {@link ApiFailure}.
 *
 * @param baseUrl The otpkit server, e.g. `context.variables.BACKEND_URL` (`https://otp.example.com`).
 * @param fetch Replaces `hubspot.fetch` (tests); by default `hubspot.fetch`, looked up per call.
 * @throws {TypeError} When `baseUrl` is not an absolute http(s) URL.
 * @example
 * ```ts
 * const api = createOtpkitApi(String(context.variables?.BACKEND_URL));
 * const status = await api.cardStatus(context.crm.objectId);
 * if (status.ok && status.data.active) show(status.data.active);
 * ```
 */
export function createOtpkitApi(baseUrl: string, fetch?: HubSpotFetch): OtpkitApi {
  const base = checkBaseUrl(baseUrl);
  const send = fetch ?? ((url, options) => hubspot.fetch(url, options));

  async function call<T>(
    path: string,
    options: HubSpotFetchOptions,
    accept: (status: number, body: Record<string, unknown>) => boolean,
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await send(`${base}${path}`, options);
    } catch {
      return { ok: false, status: 0, code: "NETWORK", message: NETWORK_MESSAGE };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!isObject(body)) {
      return {
        ok: false,
        status: response.status,
        code: "BAD_ANSWER",
        message: BAD_ANSWER_MESSAGE,
      };
    }
    if (accept(response.status, body))
      return { ok: true, status: response.status, data: body as T };
    return failure(response.status, body);
  }

  const okOnly = (status: number) => status >= 200 && status < 300;
  const issueAnswer = (status: number, body: Record<string, unknown>) =>
    OUTCOME_STATUSES.has(status) && typeof body["outcome"] === "string";
  const issue = (action: string, body: Record<string, unknown>) =>
    call<IssueOutcome>(`/hubspot/card/${action}`, { method: "POST", body }, issueAnswer);

  return {
    cardStatus: (contactId) =>
      call(
        `/hubspot/card/status?contactId=${encodeURIComponent(String(contactId))}`,
        { method: "GET" },
        okOnly,
      ),
    generate: (contactId, requestId) =>
      issue("generate", { contactId: String(contactId), requestId }),
    resend: (contactId, requestId, confirmedEmail) =>
      issue("resend", { contactId: String(contactId), requestId, confirmedEmail }),
    regenerate: (contactId, requestId) =>
      issue("regenerate", { contactId: String(contactId), requestId }),
    getSettings: () => call("/hubspot/settings", { method: "GET" }, okOnly),
    saveSettings: (settings) =>
      call("/hubspot/settings", { method: "PUT", body: { ...settings } }, okOnly),
    properties: (refresh = false) =>
      call(`/hubspot/settings/properties${refresh ? "?refresh=1" : ""}`, { method: "GET" }, okOnly),
    preview: (draft, locale) =>
      call(
        "/hubspot/settings/preview",
        { method: "POST", body: { ...draft, ...(locale ? { locale } : {}) } },
        okOnly,
      ),
  };
}

/**
 * A fresh id for one click: the server's idempotency key, so HubSpot's automatic retry of a
 * request that did make a code gets that code's answer instead of a second code.
 *
 * @throws {Error} Never in a HubSpot card (WebCrypto is always there); only without `crypto`.
 * @example
 * ```ts
 * await api.generate(contactId, newRequestId());
 * ```
 */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(
      `BACKEND_URL must be the otpkit server's absolute URL, such as https://otp.example.com (got ${JSON.stringify(baseUrl)}); set it in the project's hsprofile.<name>.json`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The server's `{ error: { code, message }, ...extra }`, or HubSpot's dev-proxy envelope. */
function failure(status: number, body: Record<string, unknown>): ApiFailure {
  const error = isObject(body["error"]) ? body["error"] : undefined;
  const code = typeof error?.["code"] === "string" ? error["code"] : undefined;
  const message = typeof error?.["message"] === "string" ? error["message"] : undefined;
  if (code === undefined || message === undefined) {
    // The local dev proxy wraps a backend 3xx-5xx as { category: "BAD_GATEWAY", appServerStatusCode }.
    const upstream = body["appServerStatusCode"];
    return {
      ok: false,
      status: typeof upstream === "number" ? upstream : status,
      code: "BAD_ANSWER",
      message: BAD_ANSWER_MESSAGE,
    };
  }
  const out: ApiFailure = { ok: false, status, code, message };
  if (isObject(body["fieldErrors"])) {
    out.fieldErrors = Object.fromEntries(
      Object.entries(body["fieldErrors"]).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    );
  }
  if ("recipientEmail" in body) {
    const r = body["recipientEmail"];
    out.recipientEmail = typeof r === "string" ? r : null;
  }
  if (typeof body["retryAfter"] === "number") out.retryAfter = body["retryAfter"];
  return out;
}
