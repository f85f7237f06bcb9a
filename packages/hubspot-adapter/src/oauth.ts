import { randomBytes } from "node:crypto";
import { argumentError, OtpError } from "@otpkit/otp-core";
import * as z from "zod";
import type { CheckedOAuthOptions, HubSpotOAuthOptions } from "./oauth-options.js";
import { checkOAuthOptions } from "./oauth-options.js";
import type { CallbackFailure } from "./oauth-page.js";
import { callbackPage } from "./oauth-page.js";
import type { CallFailure, IssuedTokens, TokenApiSettings } from "./oauth-token-api.js";
import { accessTokenPortal, postToken, revokeRefreshToken } from "./oauth-token-api.js";
import { createHubSpotTokenSealer } from "./token-seal.js";

export { HUBSPOT_SCOPES, type HubSpotOAuthOptions } from "./oauth-options.js";

/**
 * An access token is refreshed when it has less than this left (5 minutes): a token handed out
 * must outlive the calls made with it, including their retries.
 */
export const HUBSPOT_REFRESH_MARGIN_MS = 5 * 60_000;
/** How many expired rows {@link HubSpotOAuth.installUrl} clears on the way (bounded housekeeping). */
const HOUSEKEEPING_BATCH = 100;

/** The app's OAuth side: install, callback, tokens per portal, uninstall. */
export interface HubSpotOAuth {
  /** The required scopes the install URL asks for. */
  readonly scopes: readonly string[];
  /**
   * A fresh install URL (HubSpot's consent page) with a single-use `state` valid for
   * `stateTtlMs`; send the browser there (a 302 from the server's install route).
   * @throws {OtpError} from the storage (`STORE_UNAVAILABLE`).
   */
  installUrl(): Promise<string>;
  /**
   * Handles HubSpot's redirect back (GET with `code` and `state`): checks and spends the state,
   * exchanges the code, finds the portal, stores the sealed tokens, and answers with a redirect
   * (`returnUrl` on a hubspot.com host, else `successUrl`) or a small "installed" page. Bad input
   * is a 4xx page naming the reason (`state_invalid`, `code_rejected`...); HubSpot unreachable or
   * failing is 502 (`hubspot_unavailable`).
   * @throws {OtpError} from the storage only (`STORE_UNAVAILABLE`).
   */
  handleCallback(request: Request): Promise<Response>;
  /**
   * A valid access token for the portal, refreshed when it expires within 5 minutes. Concurrent
   * calls for one portal share one storage read and at most one refresh.
   * @throws {OtpError} `PROVIDER_REJECTED` (not retryable, `details.reason` `not_installed` or
   *   `refresh_rejected`); `PROVIDER_REJECTED` retryable (HubSpot unavailable, `details.status`
   *   0 for network errors and timeouts); `PROVIDER_THROTTLED`; `INVALID_ARGUMENT` for a bad
   *   portal id; the sealer's and storage's errors.
   */
  accessToken(portalId: number): Promise<string>;
  /**
   * Forgets a portal: deletes its tokens, settings, saved answers and pending callbacks (they
   * can no longer be completed), then asks HubSpot to revoke its refresh token (best effort:
   * after an uninstall in HubSpot it is already gone). Resolves with whether HubSpot revoked it.
   * @throws {OtpError} `INVALID_ARGUMENT` for a bad portal id; the storage's errors.
   */
  uninstall(portalId: number): Promise<{ revoked: boolean }>;
}

/** The tokens as sealed in storage: access, refresh, and the access token's expiry (epoch ms). */
const storedTokens = z.object({ a: z.string().min(1), r: z.string().min(1), e: z.number().int() });
type StoredTokens = z.infer<typeof storedTokens>;

/**
 * Creates the OAuth side of a marketplace HubSpot app: the install URL (the minimal
 * {@link HUBSPOT_SCOPES} and a single-use `state`), the callback (state check, code exchange at
 * `/oauth/v3/token`, the portal read from the token's metadata), per-portal tokens sealed at rest
 * with AES-256-GCM ({@link createHubSpotTokenSealer}), refresh before expiry, and uninstall.
 *
 * Why the state is single-use and short-lived: it proves the callback continues an install this
 * server started, and a replayed callback URL (browser history, a proxy log) finds it spent.
 * Why tokens are sealed with the portal id as associated data: a database dump alone yields no
 * usable token, and a row moved to another portal does not open.
 *
 * @param options Credentials, storage, secrets; see {@link HubSpotOAuthOptions}.
 * @returns A {@link HubSpotOAuth}.
 * @throws {OtpError} `CONFIG_INVALID` naming the bad option (client secret and keys redacted).
 * @example
 * ```ts
 * const oauth = createHubSpotOAuth({
 *   clientId: env.HUBSPOT_CLIENT_ID,
 *   clientSecret: env.HUBSPOT_CLIENT_SECRET,
 *   redirectUri: "https://otp.example.com/hubspot/oauth/callback",
 *   storage,
 *   secrets,
 * });
 * app.get("/hubspot/install", async () => Response.redirect(await oauth.installUrl(), 302));
 * app.get("/hubspot/oauth/callback", (c) => oauth.handleCallback(c.req.raw));
 * const token = await oauth.accessToken(portalId); // for the CRM client
 * ```
 */
export function createHubSpotOAuth(options: HubSpotOAuthOptions): HubSpotOAuth {
  const o = checkOAuthOptions(options);
  const sealer = createHubSpotTokenSealer(o.secrets);
  const api: TokenApiSettings = { basePath: o.basePath, fetch: o.fetch, timeoutMs: o.timeoutMs };
  const inflight = new Map<number, Promise<string>>();

  async function currentToken(portalId: number): Promise<string> {
    const sealed = await o.storage.getTokens(portalId);
    if (sealed === null) throw notInstalled(portalId);
    const opened = sealer.open(portalId, sealed);
    const tokens = parseTokens(opened.plaintext);
    const started = o.now();
    if (tokens.e - started > HUBSPOT_REFRESH_MARGIN_MS) {
      // Finish a secret rotation on the way; losing this race to a refresh changes nothing.
      if (opened.stale)
        await o.storage.replaceTokens(portalId, sealed, sealer.seal(portalId, opened.plaintext));
      return tokens.a;
    }
    const issued = await postToken(api, refreshForm(o, tokens.r), tokens.r);
    if (!issued.ok) throw refreshError(portalId, issued);
    const fresh = stored(issued.value, started);
    if (
      await o.storage.replaceTokens(portalId, sealed, sealer.seal(portalId, JSON.stringify(fresh)))
    ) {
      return fresh.a;
    }
    // The row changed meanwhile: another process refreshed, the app was re-installed, or it was
    // uninstalled. Never hand out a token of an uninstalled portal.
    const latest = await o.storage.getTokens(portalId);
    if (latest === null) throw notInstalled(portalId);
    const other = parseTokens(sealer.open(portalId, latest).plaintext);
    return other.e - o.now() > HUBSPOT_REFRESH_MARGIN_MS ? other.a : fresh.a;
  }

  return {
    scopes: o.scopes,

    async installUrl() {
      const now = o.now();
      await o.storage.deleteExpired(now, HOUSEKEEPING_BATCH);
      // 256 random bits: unguessable, so only a browser sent by this server carries one.
      const state = randomBytes(32).toString("base64url");
      if (!(await o.storage.createOAuthState(state, now + o.stateTtlMs))) {
        throw new OtpError("STORE_DATA_INVALID", "The storage refused a fresh OAuth state", {
          source: "hubspot",
        });
      }
      const query: Array<[string, string]> = [
        ["client_id", o.clientId],
        ["redirect_uri", o.redirectUri],
        ["scope", o.scopes.join(" ")],
        ...(o.optionalScopes.length > 0
          ? [["optional_scope", o.optionalScopes.join(" ")] as [string, string]]
          : []),
        ["state", state],
      ];
      // %20 between scopes, as HubSpot's documentation writes them (URLSearchParams would use +).
      const encoded = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
      return `${o.authBaseUrl}/oauth/authorize?${encoded}`;
    },

    async handleCallback(request) {
      if (request.method !== "GET") return callbackPage({ reason: "method_not_allowed" });
      const query = new URL(request.url).searchParams;
      if (["code", "state", "returnUrl", "error"].some((k) => query.getAll(k).length > 1)) {
        return callbackPage({ reason: "query_ambiguous" });
      }
      if (query.has("error")) return callbackPage({ reason: "install_denied" });
      const code = query.get("code");
      if (code === null || !/^[\x21-\x7e]{1,1024}$/.test(code))
        return callbackPage({ reason: "code_missing" });
      const state = query.get("state");
      if (state === null) {
        if (!o.allowInstallWithoutState) return callbackPage({ reason: "state_missing" });
      } else if (
        !/^[A-Za-z0-9_-]{1,256}$/.test(state) ||
        !(await o.storage.consumeOAuthState(state, o.now()))
      ) {
        return callbackPage({ reason: "state_invalid" });
      }

      const started = o.now();
      const issued = await postToken(api, {
        grant_type: "authorization_code",
        code,
        redirect_uri: o.redirectUri,
        client_id: o.clientId,
        client_secret: o.clientSecret,
      });
      if (!issued.ok) return callbackPage({ reason: failureReason(issued, "code_rejected") });
      const portal = await accessTokenPortal(api, issued.value.access);
      // A token HubSpot just issued and does not know is HubSpot's fault, not the browser's.
      if (!portal.ok) return callbackPage({ reason: "hubspot_unavailable" });
      const portalId = portal.value;
      const sealed = sealer.seal(portalId, JSON.stringify(stored(issued.value, started)));
      await o.storage.putTokens(portalId, sealed);
      return callbackPage({
        portalId,
        returnUrl: query.get("returnUrl"),
        successUrl: o.successUrl,
      });
    },

    accessToken(portalId) {
      try {
        checkPortal(portalId);
      } catch (error) {
        return Promise.reject(error); // a promise either way, as an async method would
      }
      const running = inflight.get(portalId);
      if (running !== undefined) return running;
      const call: Promise<string> = currentToken(portalId).finally(() => {
        if (inflight.get(portalId) === call) inflight.delete(portalId);
      });
      inflight.set(portalId, call);
      return call;
    },

    async uninstall(portalId) {
      checkPortal(portalId);
      const sealed = await o.storage.getTokens(portalId);
      await o.storage.uninstall(portalId);
      if (sealed === null) return { revoked: false };
      let refresh: string;
      try {
        refresh = parseTokens(sealer.open(portalId, sealed).plaintext).r;
      } catch {
        return { revoked: false }; // unreadable tokens: nothing to revoke, and they are gone now
      }
      return { revoked: await revokeRefreshToken(api, refresh) };
    },
  };
}

function refreshForm(o: CheckedOAuthOptions, refreshToken: string): Record<string, string> {
  return {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: o.clientId,
    client_secret: o.clientSecret,
  };
}

/** What is sealed: the expiry is counted from before the request, so it errs early. */
function stored(issued: IssuedTokens, started: number): StoredTokens {
  return { a: issued.access, r: issued.refresh, e: started + issued.expiresIn * 1000 };
}

function parseTokens(plaintext: string): StoredTokens {
  let value: unknown;
  try {
    value = JSON.parse(plaintext);
  } catch {
    value = undefined;
  }
  const parsed = storedTokens.safeParse(value);
  if (!parsed.success) {
    throw new OtpError("STORE_DATA_INVALID", "The stored HubSpot tokens are unreadable", {
      source: "hubspot",
    });
  }
  return parsed.data;
}

function failureReason(failure: CallFailure, rejected: CallbackFailure): CallbackFailure {
  return failure.kind === "rejected" ? rejected : "hubspot_unavailable";
}

function checkPortal(portalId: number): void {
  if (!Number.isSafeInteger(portalId) || portalId < 1) {
    throw argumentError("portalId", "a positive safe integer", portalId, { source: "hubspot" });
  }
}

function notInstalled(portalId: number): OtpError {
  return new OtpError(
    "PROVIDER_REJECTED",
    `The app is not installed in HubSpot portal ${portalId}`,
    {
      source: "hubspot",
      retryable: false,
      details: { reason: "not_installed", portalId },
    },
  );
}

/** A failed refresh, without the token or HubSpot's message (which may quote it). */
function refreshError(portalId: number, failure: CallFailure): OtpError {
  const details = {
    reason: failure.kind === "rejected" ? "refresh_rejected" : failure.reason,
    status: failure.status,
    portalId,
  };
  if (failure.kind === "throttled") {
    return new OtpError("PROVIDER_THROTTLED", "HubSpot rate-limited the token refresh", {
      source: "hubspot",
      retryable: true,
      details,
    });
  }
  const rejected = failure.kind === "rejected";
  const message = rejected
    ? `HubSpot refused to refresh the tokens of portal ${portalId} (${failure.reason}): re-install the app`
    : `HubSpot could not refresh the tokens of portal ${portalId} (${failure.status === 0 ? failure.reason : failure.status})`;
  return new OtpError("PROVIDER_REJECTED", message, {
    source: "hubspot",
    retryable: !rejected,
    details,
  });
}
