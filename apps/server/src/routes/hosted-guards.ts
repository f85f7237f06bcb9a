import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isOtpError } from "@otpkit/otp-core";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Runtime } from "../runtime.js";
import { incrementCounter } from "../store-counter.js";

const CSRF_COOKIE = "otpkit_csrf";

/** The hosted page's protections: security headers, a per-IP limit, CSRF tokens. */
export interface HostedGuards {
  /** Sets the security headers on every response of the pages it is used on. */
  headers: MiddlewareHandler;
  /** True when this client address went over `HOSTED_PAGE_RATE_LIMIT_PER_MINUTE` (count it). */
  limited(c: Context): Promise<boolean>;
  /** The form token for verification `id`, bound to the browser's CSRF cookie (set if missing). */
  token(c: Context, id: string): string;
  /** Whether a posted token is this browser's token for verification `id`. */
  valid(c: Context, id: string, token: unknown): boolean;
}

/**
 * The guards of `/verify/*`.
 *
 * - Headers: no framing, no inline script or style, forms only to the page itself and to the
 *   allow-listed return origins, no referrer (the URL holds the token), no caching of a page that
 *   may show a person's state.
 * - Rate limit: fixed one-minute windows per client address, counted in the OTP store (Redis in
 *   scale-out), so the limit holds across processes. The key is `rl:hosted:<keyed digest of the
 *   address>:<minute>`: it never starts with `{`, so it can never be one of otp-core's record
 *   keys; the digest keeps addresses out of the store and bounds a forwarded address's length.
 * - CSRF: a signed double-submit token, HMAC(csrfKey, id, cookie nonce), so a token is good for
 *   one verification in one browser only.
 *
 * @param clientIp The client address (the app decides how far to trust `X-Forwarded-For`).
 * @throws {never}
 * @example
 * const guards = hostedGuards(rt, clientIp);
 * pages.use(guards.headers);
 */
export function hostedGuards(rt: Runtime, clientIp: (c: Context) => string): HostedGuards {
  const formTargets = ["'self'", ...rt.config.RETURN_URL_ALLOWLIST].join(" ");
  const sign = (nonce: string, id: string) =>
    createHmac("sha256", rt.csrfKey).update(`${id}\0${nonce}`).digest("base64url");

  return {
    async headers(c, next) {
      await next();
      c.header(
        "Content-Security-Policy",
        `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
      );
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Referrer-Policy", "no-referrer");
      c.header("Cache-Control", "no-store");
      c.header("X-Frame-Options", "DENY");
    },

    async limited(c) {
      const now = rt.now();
      const minute = Math.floor(now / 60_000);
      const ip = createHmac("sha256", rt.storeNamingKey).update(clientIp(c)).digest("base64url");
      const ttlMs = (minute + 1) * 60_000 - now + 1_000; // the rest of the window, and a second
      try {
        const key = `rl:hosted:${ip.slice(0, 22)}:${minute}`;
        const count = await incrementCounter(rt.store, key, ttlMs);
        return count > rt.config.HOSTED_PAGE_RATE_LIMIT_PER_MINUTE;
      } catch (error) {
        // A counter that keeps changing under us is one address sending many requests at once:
        // refuse (fail closed) rather than let a flood through uncounted.
        if (isOtpError(error) && error.code === "STORE_CONTENTION") return true;
        throw error;
      }
    },

    token(c, id) {
      let nonce = getCookie(c, CSRF_COOKIE);
      if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
        nonce = randomBytes(16).toString("base64url");
        setCookie(c, CSRF_COOKIE, nonce, {
          httpOnly: true,
          sameSite: "Strict",
          path: "/verify",
          secure: rt.config.publicUrl.startsWith("https:"),
        });
      }
      return sign(nonce, id);
    },

    valid(c, id, token) {
      const nonce = getCookie(c, CSRF_COOKIE);
      if (!nonce || typeof token !== "string" || token.length > 100) return false;
      const expected = Buffer.from(sign(nonce, id));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
