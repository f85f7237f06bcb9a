// Internal to oauth.ts: the three HubSpot OAuth endpoints it calls, with a timeout, answers
// checked by zod, and failures as values (never an error that quotes a token). Not re-exported.
//
// Why plain fetch and not @hubspot/api-client here: the api-client's `oauth.tokensApi` only calls
// the legacy /oauth/v1/token, while HubSpot now documents /oauth/v3/token (hubspot.md §0.7, §5);
// its generic `apiRequest` has no timeout or abort; and every `new Client()` resets the
// process-global retry decorators (§0.4). Three form/JSON calls do not need it.
import * as z from "zod";

/** Tokens as HubSpot hands them out. */
export interface IssuedTokens {
  access: string;
  refresh: string;
  /** Seconds the access token lives (HubSpot: 1800). */
  expiresIn: number;
}

/** Why a call failed: HubSpot refused it (4xx), limited it (429), or was unreachable/5xx/slow. */
export interface CallFailure {
  ok: false;
  kind: "rejected" | "throttled" | "unavailable";
  /** The HTTP status, 0 when there was no answer (network error, timeout). */
  status: number;
  /** HubSpot's error category or legacy status (`BAD_AUTH_CODE`), or a network reason. */
  reason: string;
}

export type CallResult<T> = { ok: true; value: T } | CallFailure;

/** What the calls need: where HubSpot is, how to reach it, and for how long to wait. */
export interface TokenApiSettings {
  basePath: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

// HubSpot's tokens are opaque strings of up to ~300 characters (hubspot.md §5); 4096 leaves room.
const token = z.string().min(1).max(4096);
const tokenAnswer = z.object({
  access_token: token,
  refresh_token: token.optional(),
  expires_in: z
    .number()
    .int()
    .min(1)
    .max(86_400 * 366),
});
const tokenInfoAnswer = z.object({ hub_id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/**
 * POST /oauth/v3/token with a form body (all parameters in the body, as v3 requires).
 * `fallbackRefresh` is used when a refresh answer omits `refresh_token` (HubSpot keeps it).
 */
export async function postToken(
  settings: TokenApiSettings,
  form: Record<string, string>,
  fallbackRefresh?: string,
): Promise<CallResult<IssuedTokens>> {
  const answer = await call(settings, "/oauth/v3/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(form).toString(),
  });
  if (!answer.ok) return answer;
  const parsed = tokenAnswer.safeParse(answer.value);
  const refresh = parsed.success ? (parsed.data.refresh_token ?? fallbackRefresh) : undefined;
  if (!parsed.success || refresh === undefined) {
    return { ok: false, kind: "unavailable", status: 200, reason: "unexpected_answer" };
  }
  const { access_token: access, expires_in: expiresIn } = parsed.data;
  return { ok: true, value: { access, refresh, expiresIn } };
}

/** GET /oauth/v1/access-tokens/{token}: the portal (`hub_id`) a fresh access token belongs to. */
export async function accessTokenPortal(
  settings: TokenApiSettings,
  accessToken: string,
): Promise<CallResult<number>> {
  const path = `/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`;
  const answer = await call(settings, path, {
    method: "GET",
    headers: { Accept: "application/json" },
  });
  if (!answer.ok) return answer;
  const parsed = tokenInfoAnswer.safeParse(answer.value);
  if (!parsed.success)
    return { ok: false, kind: "unavailable", status: 200, reason: "unexpected_answer" };
  return { ok: true, value: parsed.data.hub_id };
}

/** DELETE /oauth/v1/refresh-tokens/{token}: true when HubSpot revoked it (204). */
export async function revokeRefreshToken(
  settings: TokenApiSettings,
  refreshToken: string,
): Promise<boolean> {
  const path = `/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`;
  const answer = await call(settings, path, { method: "DELETE" }, false);
  return answer.ok;
}

/** One request; the parsed JSON of a 2xx answer, or why it failed. Never throws. */
async function call(
  settings: TokenApiSettings,
  path: string,
  init: RequestInit,
  json = true,
): Promise<CallResult<unknown>> {
  let response: Response;
  try {
    response = await settings.fetch(settings.basePath + path, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    return { ok: false, kind: "unavailable", status: 0, reason: networkReason(error) };
  }
  const text = await response.text().catch(() => "");
  if (response.status >= 200 && response.status < 300) {
    if (!json) return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return {
        ok: false,
        kind: "unavailable",
        status: response.status,
        reason: "unexpected_answer",
      };
    }
  }
  const kind =
    response.status === 429
      ? "throttled"
      : response.status >= 500 || response.status === 477
        ? "unavailable"
        : "rejected";
  return { ok: false, kind, status: response.status, reason: errorReason(text) };
}

/** HubSpot's error category (v3) or legacy status (`BAD_REFRESH_TOKEN`), when it is a plain word. */
function errorReason(text: string): string {
  try {
    const body = JSON.parse(text) as { category?: unknown; status?: unknown };
    for (const value of [body.status, body.category]) {
      if (typeof value === "string" && value !== "error" && /^[A-Z][A-Z0-9_]{1,60}$/.test(value)) {
        return value;
      }
    }
  } catch {
    // Not JSON: no reason to report.
  }
  return "http_error";
}

/** A short reason without the URL (the metadata URL holds a token): `timeout`, `ECONNREFUSED`. */
function networkReason(error: unknown): string {
  if (typeof error !== "object" || error === null) return "network_error";
  const name = (error as { name?: unknown }).name;
  if (name === "TimeoutError" || name === "AbortError") return "timeout";
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = cause?.code ?? (error as { code?: unknown }).code;
  if (typeof code === "string" && /^E[A-Z_]{2,39}$/.test(code)) return code;
  return "network_error";
}
