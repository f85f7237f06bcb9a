// Internal to oauth.ts: the options of createHubSpotOAuth, checked once. Not re-exported.
import type { OtpSecret } from "@otpkit/otp-core";
import { configError, intOption } from "@otpkit/otp-core";
import type { HubSpotAppStorage } from "./storage.js";

/**
 * The scopes the app asks for at install, and why each (hubspot.md §1.4; the project's
 * `app-hsmeta.json` `requiredScopes` must list exactly these: HubSpot refuses an install URL
 * whose scopes the app does not declare). Nothing broader: no deal writes, no companies.
 */
export const HUBSPOT_SCOPES = [
  // Required of every OAuth app; also what the token metadata endpoint answers under.
  "oauth",
  // Read the enrolled contact: e-mail, phone, preferred language, the submitted-code property.
  "crm.objects.contacts.read",
  // Write the verification status, timestamps, attempts and the optional code property.
  "crm.objects.contacts.write",
  // List contact properties for the settings page's property picker ("sync properties").
  "crm.schemas.contacts.read",
  // Create the OTP property group and properties on install.
  "crm.schemas.contacts.write",
  // Generate OTP on deals: read the deal (its owner, the approver e-mail input).
  "crm.objects.deals.read",
  // Resolve a deal owner's e-mail through the owners API (GET /crm/v3/owners/{id}).
  "crm.objects.owners.read",
  // Custom workflow actions, and completing Wait-for-verification callbacks.
  "automation",
] as const;

/** Options of `createHubSpotOAuth`. */
export interface HubSpotOAuthOptions {
  /** The app's client id (the HubSpot app's Auth tab). */
  clientId: string;
  /** The app's client secret. Never logged or returned. */
  clientSecret: string;
  /**
   * Where HubSpot sends the browser after consent: this server's callback route, exactly as
   * listed in the app's `redirectUrls`. https, or http on a loopback host (local trials).
   */
  redirectUri: string;
  /** Required scopes. @default {@link HUBSPOT_SCOPES} */
  scopes?: readonly string[];
  /** Optional scopes (`optional_scope`): granted when the account has them. @default [] */
  optionalScopes?: readonly string[];
  /** HubSpot's API origin: the fake HubSpot's `url` in tests. @default "https://api.hubapi.com" */
  basePath?: string;
  /** Where the consent page lives (`<authBaseUrl>/oauth/authorize`). @default "https://app.hubspot.com" */
  authBaseUrl?: string;
  /** Where tokens, states and the rest are kept. */
  storage: HubSpotAppStorage;
  /** The server secrets, current first: tokens are sealed at rest with a key derived from them. */
  secrets: readonly OtpSecret[];
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** The fetch used for HubSpot's OAuth endpoints. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** How long an install `state` stays valid, ms. @default 600_000 (10 minutes) */
  stateTtlMs?: number;
  /** Timeout of each call to HubSpot, ms. @default 10_000 */
  timeoutMs?: number;
  /**
   * Accept a callback without `state`. HubSpot's marketplace "seamless install" flow sends the
   * browser to the redirect URL with only `code` (and `returnUrl`), without passing through
   * {@link HubSpotOAuth.installUrl}; turn this on for a listed app that uses it. A state that IS
   * present is always checked. Safe for this app: an install links no user account, the code is
   * single-use and only our client secret redeems it. @default false
   */
  allowInstallWithoutState?: boolean;
  /**
   * Where to send the browser after a successful install (the portal id is appended as
   * `portalId`), unless HubSpot sent a `returnUrl` on a hubspot.com host. @default a small page
   */
  successUrl?: string;
}

/** The options, checked, with their defaults. */
export interface CheckedOAuthOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: readonly string[];
  optionalScopes: readonly string[];
  basePath: string;
  authBaseUrl: string;
  storage: HubSpotAppStorage;
  secrets: readonly OtpSecret[];
  now: () => number;
  fetch: typeof globalThis.fetch;
  stateTtlMs: number;
  timeoutMs: number;
  allowInstallWithoutState: boolean;
  successUrl: string | undefined;
}

const source = { source: "hubspot" } as const;
const SCOPE = /^[a-z][a-z0-9._-]{0,99}$/;
const STORAGE_METHODS = [
  "getTokens",
  "putTokens",
  "replaceTokens",
  "createOAuthState",
  "consumeOAuthState",
  "deleteExpired",
  "uninstall",
] as const;

/** Checks every option; throws `CONFIG_INVALID` naming the first bad one. */
export function checkOAuthOptions(options: HubSpotOAuthOptions): CheckedOAuthOptions {
  if (typeof options !== "object" || options === null)
    throw configError("options", "an object", options, undefined, source);
  const { clientId, clientSecret, storage, now = Date.now, fetch = globalThis.fetch } = options;
  if (typeof clientId !== "string" || !/^[\x21-\x7e]{1,200}$/.test(clientId)) {
    throw configError(
      "clientId",
      "the app's client id",
      clientId,
      "copy it from the app's Auth tab",
      source,
    );
  }
  if (typeof clientSecret !== "string" || !/^[\x21-\x7e]{1,200}$/.test(clientSecret)) {
    throw configError(
      "clientSecret",
      "the app's client secret",
      clientSecret,
      "copy it from the app's Auth tab",
      { ...source, redact: true },
    );
  }
  if (
    typeof storage !== "object" ||
    storage === null ||
    STORAGE_METHODS.some((m) => typeof storage[m] !== "function")
  ) {
    throw configError("storage", "a HubSpotAppStorage", storage, undefined, source);
  }
  if (typeof now !== "function")
    throw configError("now", "a function returning epoch ms", now, undefined, source);
  if (typeof fetch !== "function")
    throw configError("fetch", "a fetch function", fetch, undefined, source);
  const allow = options.allowInstallWithoutState ?? false;
  if (typeof allow !== "boolean")
    throw configError("allowInstallWithoutState", "a boolean", allow, undefined, source);
  return {
    clientId,
    clientSecret,
    redirectUri: url("redirectUri", options.redirectUri, "path"),
    scopes: scopeList("scopes", options.scopes ?? HUBSPOT_SCOPES, 1),
    optionalScopes: scopeList("optionalScopes", options.optionalScopes ?? [], 0),
    basePath: url("basePath", options.basePath ?? "https://api.hubapi.com", "origin"),
    authBaseUrl: url("authBaseUrl", options.authBaseUrl ?? "https://app.hubspot.com", "origin"),
    storage,
    secrets: options.secrets,
    now,
    fetch,
    stateTtlMs: intOption("stateTtlMs", options.stateTtlMs ?? 600_000, 60_000, 3_600_000, source),
    timeoutMs: intOption("timeoutMs", options.timeoutMs ?? 10_000, 1_000, 60_000, source),
    allowInstallWithoutState: allow,
    successUrl:
      options.successUrl === undefined ? undefined : url("successUrl", options.successUrl, "path"),
  };
}

function scopeList(field: string, value: unknown, min: number): readonly string[] {
  if (!Array.isArray(value) || value.length < min) {
    throw configError(
      field,
      min > 0 ? "a non-empty array of scope names" : "an array of scope names",
      value,
      undefined,
      source,
    );
  }
  value.forEach((scope, i) => {
    if (typeof scope !== "string" || !SCOPE.test(scope)) {
      throw configError(
        `${field}[${i}]`,
        "a HubSpot scope name such as crm.objects.contacts.read",
        scope,
        undefined,
        source,
      );
    }
  });
  return [...new Set(value as string[])];
}

/**
 * An absolute URL: https, or http on a loopback host (a local trial against the fake HubSpot).
 * `origin`: scheme and host only (trailing slash dropped); `path`: a path too, no fragment.
 */
function url(field: string, value: unknown, kind: "origin" | "path"): string {
  const expected =
    kind === "origin" ? "an origin such as https://api.hubapi.com" : "an absolute https URL";
  let parsed: URL | undefined;
  try {
    if (typeof value === "string") parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  const loopback =
    parsed !== undefined && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(parsed.hostname);
  const ok =
    parsed !== undefined &&
    (parsed.protocol === "https:" || (parsed.protocol === "http:" && loopback)) &&
    parsed.username === "" &&
    parsed.password === "" &&
    parsed.hash === "" &&
    (kind === "path" || (parsed.pathname === "/" && parsed.search === ""));
  if (!ok || parsed === undefined) {
    throw configError(
      field,
      expected,
      value,
      "http is only allowed for 127.0.0.1 or localhost",
      source,
    );
  }
  // A path URL is kept exactly as given: HubSpot compares `redirect_uri` with the app's
  // `redirectUrls` character for character, and `URL` would add a trailing slash to a bare origin.
  return kind === "origin" ? parsed.origin : (value as string);
}
