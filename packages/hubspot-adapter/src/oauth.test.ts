// Unit tests of createHubSpotOAuth: the memory storage and a scripted fetch that plays HubSpot's
// OAuth endpoints (the same flows against the fake HubSpot are in oauth-fake.test.ts).
import type { OtpErrorCode } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import { beforeEach, describe, expect, it } from "vitest";
import type { HubSpotOAuthOptions } from "./oauth.js";
import { createHubSpotOAuth, HUBSPOT_SCOPES } from "./oauth.js";
import type { HubSpotAppStorage } from "./storage.js";
import { createMemoryHubSpotStorage } from "./testing/memory-storage.js";
import { createHubSpotTokenSealer } from "./token-seal.js";

const SECRET = { id: "k1", key: "unit-test-secret-unit-test-secret-0123456789" };
const REDIRECT = "https://otp.example.test/hubspot/oauth/callback";
const T0 = Date.parse("2026-03-01T10:00:00Z");
const MINUTE = 60_000;

/** A scripted HubSpot: answers by path, counts calls, can hold answers back. */
function scriptedHubSpot() {
  let issued = 0;
  const calls: Array<{ method: string; path: string; form?: Record<string, string> }> = [];
  const h = {
    calls,
    /** Overrides the next answers of a path (a Response, a thrown error, or a pending promise). */
    next: new Map<string, Array<() => Promise<Response> | Response>>(),
    portalId: 101,
    refresh: "refresh-1",
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      const form =
        typeof init?.body === "string"
          ? Object.fromEntries(new URLSearchParams(init.body))
          : undefined;
      calls.push({ method: init?.method ?? "GET", path: url.pathname, ...(form ? { form } : {}) });
      const scripted = h.next.get(url.pathname)?.shift();
      if (scripted) return scripted();
      if (url.pathname === "/oauth/v3/token") {
        if (form?.["grant_type"] === "refresh_token" && form["refresh_token"] !== h.refresh) {
          return json(400, { status: "error", category: "VALIDATION_ERROR", message: "bad" });
        }
        issued++;
        return json(200, {
          token_type: "bearer",
          access_token: `access-${issued}`,
          refresh_token: h.refresh,
          expires_in: 1800,
        });
      }
      if (url.pathname.startsWith("/oauth/v1/access-tokens/")) {
        return json(200, { hub_id: h.portalId, app_id: 1, scopes: ["oauth"], expires_in: 1800 });
      }
      if (url.pathname.startsWith("/oauth/v1/refresh-tokens/") && init?.method === "DELETE") {
        return new Response(null, { status: 204 });
      }
      return json(404, { status: "error", category: "OBJECT_NOT_FOUND" });
    }) as typeof fetch,
  };
  return h;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

let clock: number;
let storage: HubSpotAppStorage;
let hubspot: ReturnType<typeof scriptedHubSpot>;

function oauth(over: Partial<HubSpotOAuthOptions> = {}) {
  return createHubSpotOAuth({
    clientId: "client-1",
    clientSecret: "client-secret-1",
    redirectUri: REDIRECT,
    basePath: "https://api.hubapi.test",
    storage,
    secrets: [SECRET],
    now: () => clock,
    fetch: hubspot.fetch,
    ...over,
  });
}

/** The callback request HubSpot's redirect makes the browser send. */
function callback(query: Record<string, string>): Request {
  return new Request(`${REDIRECT}?${new URLSearchParams(query)}`);
}

/** Installs portal 101 through installUrl + callback; returns the OAuth object. */
async function installed(over: Partial<HubSpotOAuthOptions> = {}) {
  const o = oauth(over);
  const state = new URL(await o.installUrl()).searchParams.get("state")!;
  const response = await o.handleCallback(callback({ code: "code-1", state }));
  expect(response.status).toBe(200);
  return o;
}

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code: OtpErrorCode | "none"; error: unknown }> {
  try {
    await promise;
    return { code: "none", error: undefined };
  } catch (error) {
    if (!isOtpError(error)) throw error;
    return { code: error.code, error };
  }
}

beforeEach(() => {
  clock = T0;
  storage = createMemoryHubSpotStorage();
  hubspot = scriptedHubSpot();
});

describe("installUrl", () => {
  it("asks HubSpot's consent page for the minimal scopes, the exact redirect URI and a state", async () => {
    const url = new URL(await oauth().installUrl());
    expect(url.origin + url.pathname).toBe("https://app.hubspot.com/oauth/authorize");
    expect(url.searchParams.get("client_id")).toBe("client-1");
    expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT);
    expect(url.searchParams.get("scope")).toBe(HUBSPOT_SCOPES.join(" "));
    expect(url.search).toContain(`scope=${HUBSPOT_SCOPES.join("%20")}`);
    expect(url.searchParams.has("optional_scope")).toBe(false);
    expect(url.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(HUBSPOT_SCOPES).toEqual([
      "oauth",
      "crm.objects.contacts.read",
      "crm.objects.contacts.write",
      "crm.schemas.contacts.read",
      "crm.schemas.contacts.write",
      "crm.objects.deals.read",
      "crm.objects.owners.read",
      "automation",
    ]);
  });

  it("stores each state once, valid for stateTtlMs, and prunes expired ones on the way", async () => {
    const o = oauth({ stateTtlMs: 5 * MINUTE, optionalScopes: ["crm.objects.companies.read"] });
    const first = new URL(await o.installUrl());
    const second = new URL(await o.installUrl());
    expect(first.searchParams.get("optional_scope")).toBe("crm.objects.companies.read");
    const [a, b] = [first.searchParams.get("state")!, second.searchParams.get("state")!];
    expect(a).not.toBe(b);
    expect(await storage.consumeOAuthState(a, T0 + 5 * MINUTE - 1)).toBe(true);
    expect(await storage.consumeOAuthState(a, T0)).toBe(false);
    clock = T0 + 5 * MINUTE;
    await o.installUrl(); // deletes b, now expired
    expect(await storage.deleteExpired(clock, 1000)).toBe(0);
  });
});

describe("handleCallback", () => {
  it("exchanges the code, maps the token to its portal and stores it sealed", async () => {
    const o = oauth();
    const state = new URL(await o.installUrl()).searchParams.get("state")!;
    const response = await o.handleCallback(callback({ code: "code-1", state }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(await response.text()).toContain("HubSpot account 101");
    expect(hubspot.calls[0]).toEqual({
      method: "POST",
      path: "/oauth/v3/token",
      form: {
        grant_type: "authorization_code",
        code: "code-1",
        redirect_uri: REDIRECT,
        client_id: "client-1",
        client_secret: "client-secret-1",
      },
    });
    expect(hubspot.calls[1]).toEqual({ method: "GET", path: "/oauth/v1/access-tokens/access-1" });

    const sealed = await storage.getTokens(101);
    expect(sealed).toMatch(/^v1:k1:/);
    expect(sealed).not.toContain("access-1");
    expect(sealed).not.toContain("refresh-1");
    const opened = JSON.parse(createHubSpotTokenSealer([SECRET]).open(101, sealed!).plaintext);
    expect(opened).toEqual({ a: "access-1", r: "refresh-1", e: T0 + 1800_000 });
    expect(await o.accessToken(101)).toBe("access-1");
    expect(hubspot.calls).toHaveLength(2);
  });

  it("answers bad input with a 4xx naming the reason, never a 5xx, and exchanges nothing", async () => {
    const o = oauth({ stateTtlMs: 60_000 });
    const fresh = async () => new URL(await o.installUrl()).searchParams.get("state")!;
    const spent = await fresh();
    await storage.consumeOAuthState(spent, clock);
    const expired = await fresh();
    clock += 60_000;
    const cases: Array<[Request, number, string]> = [
      [new Request(REDIRECT, { method: "POST", body: "code=x" }), 405, "method_not_allowed"],
      [callback({ state: await fresh() }), 400, "code_missing"],
      [callback({ code: "has space", state: await fresh() }), 400, "code_missing"],
      [callback({ code: "c" }), 400, "state_missing"],
      [callback({ code: "c", state: "never-issued" }), 400, "state_invalid"],
      [callback({ code: "c", state: "bad state!" }), 400, "state_invalid"],
      [callback({ code: "c", state: spent }), 400, "state_invalid"],
      [callback({ code: "c", state: expired }), 400, "state_invalid"],
      [callback({ error: "access_denied", state: await fresh() }), 400, "install_denied"],
      [new Request(`${REDIRECT}?code=a&code=b&state=s`), 400, "query_ambiguous"],
    ];
    for (const [request, status, reason] of cases) {
      const response = await o.handleCallback(request);
      expect(response.status, reason).toBe(status);
      expect(response.headers.get("X-OTPKit-Reason"), reason).toBe(reason);
      expect(await response.text(), reason).toContain(`(${reason})`);
    }
    expect(hubspot.calls, "no code was sent to HubSpot").toEqual([]);
  });

  it("spends the state before the exchange: a replayed callback URL is refused", async () => {
    const o = oauth();
    const state = new URL(await o.installUrl()).searchParams.get("state")!;
    expect((await o.handleCallback(callback({ code: "code-1", state }))).status).toBe(200);
    const replay = await o.handleCallback(callback({ code: "code-1", state }));
    expect(replay.status).toBe(400);
    expect(replay.headers.get("X-OTPKit-Reason")).toBe("state_invalid");
  });

  it("maps HubSpot's refusal to 400 code_rejected, and HubSpot failing to 502", async () => {
    const o = oauth();
    const answers: Array<[() => Promise<Response> | Response, number, string]> = [
      [
        () => json(400, { status: "BAD_AUTH_CODE", message: "missing or unknown auth code" }),
        400,
        "code_rejected",
      ],
      [() => json(503, { status: "error" }), 502, "hubspot_unavailable"],
      [() => json(429, { status: "error", category: "RATE_LIMITS" }), 502, "hubspot_unavailable"],
      [() => Promise.reject(new TypeError("fetch failed")), 502, "hubspot_unavailable"],
      [() => new Response("<html>", { status: 200 }), 502, "hubspot_unavailable"],
      [() => json(200, { access_token: "a", expires_in: 1800 }), 502, "hubspot_unavailable"],
    ];
    for (const [answer, status, reason] of answers) {
      hubspot.next.set("/oauth/v3/token", [answer]);
      const state = new URL(await o.installUrl()).searchParams.get("state")!;
      const response = await o.handleCallback(callback({ code: "code-1", state }));
      expect(response.status, reason).toBe(status);
      expect(response.headers.get("X-OTPKit-Reason")).toBe(reason);
    }
    hubspot.next.set("/oauth/v1/access-tokens/access-1", [() => json(404, {})]);
    const state = new URL(await o.installUrl()).searchParams.get("state")!;
    expect((await o.handleCallback(callback({ code: "c", state }))).status).toBe(502);
    expect(await storage.getTokens(101), "nothing stored on failure").toBeNull();
  });

  it("accepts a stateless install only when allowed (HubSpot's seamless marketplace flow)", async () => {
    const o = oauth({ allowInstallWithoutState: true });
    const response = await o.handleCallback(
      callback({ code: "code-1", returnUrl: "https://app-eu1.hubspot.com/connected-apps/101" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("https://app-eu1.hubspot.com/connected-apps/101");
    expect(await storage.getTokens(101)).not.toBeNull();
    const forged = await o.handleCallback(callback({ code: "code-2", state: "forged" }));
    expect(forged.status, "a state that is present is still checked").toBe(400);
  });

  it("redirects only to hubspot.com return URLs, else to successUrl with the portal id", async () => {
    const o = oauth({
      allowInstallWithoutState: true,
      successUrl: "https://otp.example.test/welcome?x=1",
    });
    for (const returnUrl of [
      "https://evil.example/?hubspot.com",
      "https://hubspot.com.evil.example/",
      "http://app.hubspot.com/",
      "https://user:pw@app.hubspot.com/",
      "javascript:alert(1)",
    ]) {
      const response = await o.handleCallback(callback({ code: "c", returnUrl }));
      expect(response.headers.get("Location"), returnUrl).toBe(
        "https://otp.example.test/welcome?x=1&portalId=101",
      );
    }
  });
});

describe("accessToken", () => {
  it("refreshes when less than 5 minutes are left, and stores the new tokens", async () => {
    const o = await installed();
    clock = T0 + 25 * MINUTE - 1; // 5 min + 1 ms left
    expect(await o.accessToken(101)).toBe("access-1");
    clock = T0 + 25 * MINUTE;
    expect(await o.accessToken(101)).toBe("access-2");
    expect(hubspot.calls.at(-1)).toEqual({
      method: "POST",
      path: "/oauth/v3/token",
      form: {
        grant_type: "refresh_token",
        refresh_token: "refresh-1",
        client_id: "client-1",
        client_secret: "client-secret-1",
      },
    });
    const sealed = await storage.getTokens(101);
    const opened = JSON.parse(createHubSpotTokenSealer([SECRET]).open(101, sealed!).plaintext);
    expect(opened).toEqual({ a: "access-2", r: "refresh-1", e: T0 + 25 * MINUTE + 1800_000 });
    expect(await o.accessToken(101)).toBe("access-2");
  });

  it("shares one refresh among concurrent callers of a portal", async () => {
    const o = await installed();
    clock = T0 + 29 * MINUTE;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    hubspot.next.set("/oauth/v3/token", [
      async () => {
        await held;
        return json(200, {
          access_token: "access-shared",
          refresh_token: "refresh-1",
          expires_in: 1800,
        });
      },
    ]);
    const callers = Array.from({ length: 20 }, () => o.accessToken(101));
    release();
    expect(new Set(await Promise.all(callers))).toEqual(new Set(["access-shared"]));
    expect(hubspot.calls.filter((c) => c.form?.["grant_type"] === "refresh_token")).toHaveLength(1);
  });

  it("throws PROVIDER_REJECTED not_installed for a portal without tokens", async () => {
    const { code, error } = await errorOf(oauth().accessToken(999));
    expect(code).toBe("PROVIDER_REJECTED");
    expect((error as { retryable: boolean }).retryable).toBe(false);
    expect((error as { details: unknown }).details).toMatchObject({
      reason: "not_installed",
      portalId: 999,
    });
  });

  it("maps refresh failures to typed errors that quote no token", async () => {
    const o = await installed();
    clock = T0 + 29 * MINUTE;
    const cases: Array<
      [() => Promise<Response> | Response, OtpErrorCode, boolean, Record<string, unknown>]
    > = [
      [
        () => json(400, { status: "BAD_REFRESH_TOKEN", message: "refresh-1 unknown" }),
        "PROVIDER_REJECTED",
        false,
        { reason: "refresh_rejected", status: 400 },
      ],
      [() => json(503, {}), "PROVIDER_REJECTED", true, { status: 503 }],
      [
        () => json(429, { policyName: "TEN_SECONDLY_ROLLING" }),
        "PROVIDER_THROTTLED",
        true,
        { status: 429 },
      ],
      [
        () => Promise.reject(Object.assign(new Error("x"), { name: "TimeoutError" })),
        "PROVIDER_REJECTED",
        true,
        { status: 0, reason: "timeout" },
      ],
    ];
    for (const [answer, expected, retryable, details] of cases) {
      hubspot.next.set("/oauth/v3/token", [answer]);
      const { code, error } = await errorOf(o.accessToken(101));
      expect(code).toBe(expected);
      const e = error as { retryable: boolean; details: unknown; message: string };
      expect(e.retryable).toBe(retryable);
      expect(e.details).toMatchObject(details);
      expect(JSON.stringify({ m: e.message, d: e.details })).not.toMatch(/access-1|refresh-1/);
    }
    expect(await o.accessToken(101), "the next call refreshes again").toBe("access-2");
  });

  it("never hands out a token of a portal uninstalled during its refresh", async () => {
    const o = await installed();
    clock = T0 + 29 * MINUTE;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    hubspot.next.set("/oauth/v3/token", [
      async () => {
        await held;
        return json(200, { access_token: "late", refresh_token: "refresh-1", expires_in: 1800 });
      },
    ]);
    const pending = o.accessToken(101);
    await o.uninstall(101);
    release();
    const { code, error } = await errorOf(pending);
    expect(code).toBe("PROVIDER_REJECTED");
    expect((error as { details: unknown }).details).toMatchObject({ reason: "not_installed" });
    expect(await storage.getTokens(101), "not resurrected").toBeNull();
  });

  it("keeps another process's newer tokens when it refreshed first (compare-and-set lost)", async () => {
    const o = await installed();
    clock = T0 + 29 * MINUTE;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    hubspot.next.set("/oauth/v3/token", [
      async () => {
        await held;
        return json(200, { access_token: "ours", refresh_token: "refresh-1", expires_in: 1800 });
      },
    ]);
    const pending = o.accessToken(101);
    const theirs = { a: "theirs", r: "refresh-1", e: clock + 1800_000 };
    const sealer = createHubSpotTokenSealer([SECRET]);
    await storage.putTokens(101, sealer.seal(101, JSON.stringify(theirs)));
    release();
    expect(await pending).toBe("theirs");
    const kept = sealer.open(101, (await storage.getTokens(101))!).plaintext;
    expect(JSON.parse(kept)).toEqual(theirs);
  });

  it("finishes a secret rotation: tokens sealed with an old secret are sealed again", async () => {
    await installed();
    const NEW = { id: "k2", key: "the-new-secret-the-new-secret-the-new-secret" };
    const rotated = oauth({ secrets: [NEW, SECRET] });
    expect(await rotated.accessToken(101)).toBe("access-1");
    expect(await storage.getTokens(101)).toMatch(/^v1:k2:/);
    expect(await oauth({ secrets: [NEW] }).accessToken(101)).toBe("access-1");
  });

  it("refuses tokens copied from another portal's row", async () => {
    const o = await installed();
    await storage.putTokens(202, (await storage.getTokens(101))!);
    expect((await errorOf(o.accessToken(202))).code).toBe("CRYPTO_FAILED");
    expect((await errorOf(o.accessToken(0))).code).toBe("INVALID_ARGUMENT");
  });
});

describe("uninstall", () => {
  it("deletes everything of the portal, cancels its pending callbacks, and revokes the token", async () => {
    const o = await installed();
    await storage.putSettings(101, "{}");
    await storage.addPendingCallback({
      portalId: 101,
      callbackId: "cb",
      subject: "s",
      purpose: "p",
      expiresAt: T0,
    });
    await storage.putTokens(202, "other portal");
    expect(await o.uninstall(101)).toEqual({ revoked: true });
    expect(hubspot.calls.at(-1)).toEqual({
      method: "DELETE",
      path: "/oauth/v1/refresh-tokens/refresh-1",
    });
    expect(await storage.getTokens(101)).toBeNull();
    expect(await storage.getSettings(101)).toBeNull();
    expect(await storage.listDueCallbacks(T0, 10)).toEqual([]);
    expect(await storage.getTokens(202)).toBe("other portal");
    expect(await o.uninstall(101), "nothing left to revoke").toEqual({ revoked: false });
  });

  it("still deletes when HubSpot cannot revoke (already uninstalled there)", async () => {
    const o = await installed();
    hubspot.next.set("/oauth/v1/refresh-tokens/refresh-1", [() => json(404, {})]);
    expect(await o.uninstall(101)).toEqual({ revoked: false });
    expect(await storage.getTokens(101)).toBeNull();
  });
});

describe("options", () => {
  it("refuses bad options as CONFIG_INVALID naming the field, never echoing the secret", () => {
    const cases: Array<[Partial<HubSpotOAuthOptions>, string]> = [
      [{ clientId: "" }, "clientId"],
      [{ clientSecret: "" }, "clientSecret"],
      [{ clientSecret: "has a space secret" }, "clientSecret"],
      [{ redirectUri: "http://otp.example.test/cb" }, "redirectUri"],
      [{ redirectUri: "https://otp.example.test/cb#frag" }, "redirectUri"],
      [{ redirectUri: "/relative" }, "redirectUri"],
      [{ basePath: "https://api.hubapi.com/v3" }, "basePath"],
      [{ authBaseUrl: "ftp://app.hubspot.com" }, "authBaseUrl"],
      [{ scopes: [] }, "scopes"],
      [{ scopes: ["oauth", "bad scope"] }, "scopes[1]"],
      [{ stateTtlMs: 1000 }, "stateTtlMs"],
      [{ timeoutMs: 0 }, "timeoutMs"],
      [{ storage: {} as HubSpotAppStorage }, "storage"],
      [{ secrets: [] }, "secrets"],
      [{ allowInstallWithoutState: "yes" as unknown as boolean }, "allowInstallWithoutState"],
    ];
    for (const [over, field] of cases) {
      let error: unknown;
      try {
        oauth(over);
      } catch (e) {
        error = e;
      }
      expect(isOtpError(error) && error.code, field).toBe("CONFIG_INVALID");
      expect(isOtpError(error) && error.field, field).toBe(field);
      expect(String((error as Error).message)).not.toContain("has a space secret");
    }
  });

  it("accepts http on loopback for local trials, and keeps the redirect URI exactly as given", async () => {
    const o = oauth({ redirectUri: "http://127.0.0.1:3000", basePath: "http://localhost:4010/" });
    const url = new URL(await o.installUrl());
    expect(url.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:3000");
  });
});
