import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { VerifyResult } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import type { Verification } from "../db/verifications.js";
import { escapeHtml, layout } from "../pages/html.js";
import type { Lang, Messages } from "../pages/i18n.js";
import { MESSAGES, pickLanguage } from "../pages/i18n.js";
import type { Runtime } from "../runtime.js";
import { incrementCounter } from "../store-counter.js";
import { checkVerification } from "../verification-flow.js";

const CSRF_COOKIE = "otpkit_csrf";

/** What the page shows under the form. */
type Notice = { kind: "error" | "ok"; text: string } | null;

/**
 * The hosted verification page, `/verify/<opaque id>`: one form, works without JavaScript,
 * English and Spanish by Accept-Language, CSRF-protected (a signed double-submit token), and
 * rate-limited per client IP through the shared store (so it holds across server processes).
 */
export function hostedRoutes(rt: Runtime, clientIp: (c: Context) => string): Hono {
  const pages = new Hono();

  // Security headers for every page: no framing, no inline script, no referrer (the URL holds the
  // token), no caching of a page that may show a person's state.
  const formTargets = ["'self'", ...rt.config.RETURN_URL_ALLOWLIST].join(" ");
  pages.use(async (c, next) => {
    await next();
    c.header(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    c.header("X-Frame-Options", "DENY");
  });

  /**
   * Fixed one-minute windows per IP, counted in the OTP store (Redis in scale-out), so the limit
   * holds across processes. The key is `rl:hosted:<keyed digest of the IP>:<minute>`: it never
   * starts with `{`, so it can never be one of otp-core's record keys (`{digest}`,
   * `{digest}:i:…`); the digest keeps client addresses out of the store and bounds the length of
   * a forwarded address.
   */
  async function limited(c: Context): Promise<boolean> {
    const now = rt.now();
    const minute = Math.floor(now / 60_000);
    const ip = createHmac("sha256", rt.storeNamingKey).update(clientIp(c)).digest("base64url");
    const ttlMs = (minute + 1) * 60_000 - now + 1_000; // the rest of the window, and a second
    try {
      const count = await incrementCounter(
        rt.store,
        `rl:hosted:${ip.slice(0, 22)}:${minute}`,
        ttlMs,
      );
      return count > rt.config.HOSTED_PAGE_RATE_LIMIT_PER_MINUTE;
    } catch (error) {
      // A counter that keeps changing under us is one address sending many requests at once:
      // refuse (fail closed) rather than let a flood through uncounted.
      if (isOtpError(error) && error.code === "STORE_CONTENTION") return true;
      throw error;
    }
  }

  function csrfToken(nonce: string, id: string): string {
    return createHmac("sha256", rt.csrfKey).update(`${id}\0${nonce}`).digest("base64url");
  }

  function csrfValid(c: Context, id: string, token: unknown): boolean {
    const nonce = getCookie(c, CSRF_COOKIE);
    if (!nonce || typeof token !== "string" || token.length > 100) return false;
    const expected = Buffer.from(csrfToken(nonce, id));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  function nonceFor(c: Context): string {
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
    return nonce;
  }

  function page(
    c: Context,
    lang: Lang,
    title: string,
    body: string,
    status: 200 | 400 | 403 | 404 | 415 | 429 = 200,
  ) {
    return c.html(layout({ lang, title, body }), status);
  }

  function message(kind: "error" | "ok", text: string, title: string): string {
    return `<h1>${escapeHtml(title)}</h1>
<p class="result ${kind}" role="status" aria-live="polite">${escapeHtml(text)}</p>`;
  }

  function form(
    c: Context,
    lang: Lang,
    v: Verification,
    notice: Notice,
    status: 200 | 403 = 200,
  ): Response {
    const m = MESSAGES[lang];
    const nonce = nonceFor(c);
    const inputMode = rt.otp.policy.inputMode;
    const body = `<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(m.intro(v.destination))}</p>
<form method="post" action="/verify/${escapeHtml(v.id)}" novalidate>
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken(nonce, v.id))}">
<label for="code">${escapeHtml(m.label)}</label>
<p class="hint" id="code-hint">${escapeHtml(m.hint)}</p>
<input type="text" id="code" name="code" autocomplete="one-time-code" inputmode="${inputMode}"
 autocapitalize="characters" spellcheck="false" maxlength="32" required autofocus
 aria-describedby="code-hint result"${notice?.kind === "error" ? ' aria-invalid="true"' : ""}>
<button type="submit">${escapeHtml(m.submit)}</button>
<p id="result" class="result${notice ? ` ${notice.kind}` : ""}" role="status" aria-live="polite">${notice ? escapeHtml(notice.text) : ""}</p>
</form>`;
    return page(c, lang, m.title, body, status);
  }

  function ended(c: Context, lang: Lang, text: string): Response {
    const m = MESSAGES[lang];
    return page(c, lang, m.endedTitle, message("error", text, m.endedTitle));
  }

  function success(c: Context, lang: Lang, v: Verification): Response {
    const m = MESSAGES[lang];
    const back =
      v.returnUrl && rt.config.RETURN_URL_ALLOWLIST.includes(new URL(v.returnUrl).origin)
        ? `\n<a class="button" href="${escapeHtml(v.returnUrl)}">${escapeHtml(m.continue)}</a>`
        : "";
    return page(c, lang, m.verifiedTitle, `${message("ok", m.verified, m.verifiedTitle)}${back}`);
  }

  /** A lock in words: until a time, or (`null`) until support unlocks it. */
  function lockedText(m: Messages, lockedUntil: number | null): string {
    if (lockedUntil === null) return m.lockedUntilUnlocked(rt.config.SUPPORT_CONTACT ?? null);
    const minutes = Math.max(1, Math.ceil((lockedUntil - rt.now()) / 60_000));
    const time = new Date(lockedUntil).toISOString().slice(11, 16);
    return m.locked(minutes, time);
  }

  /** The state of a verification before any input: form, or why there is none. */
  async function show(c: Context, lang: Lang, v: Verification): Promise<Response> {
    const m = MESSAGES[lang];
    if (v.status === "verified") return success(c, lang, v);
    if (v.status === "cancelled") return ended(c, lang, m.cancelled);
    const status = await rt.otp.lookup({ subject: v.subject, purpose: v.purpose });
    if (status.locked) return ended(c, lang, lockedText(m, status.lockedUntil));
    if (status.active?.codeId !== v.codeId) {
      return ended(c, lang, v.expiresAt <= rt.now() ? m.expired : m.notFound);
    }
    return form(c, lang, v, null);
  }

  function noticeFor(m: Messages, result: VerifyResult): string {
    switch (result.status) {
      case "invalid":
        return m.invalid(result.attemptsRemaining);
      case "exhausted":
        return m.exhausted;
      case "expired":
        return m.expired;
      case "locked":
        return lockedText(m, result.lockedUntil);
      case "malformed":
        return m.malformed(result.expected.length, result.expected.alphabet);
      default:
        return m.notFound;
    }
  }

  pages.get("/:id", async (c) => {
    const v = await rt.verifications.get(c.req.param("id"));
    const lang = pickLanguage(c.req.header("accept-language"), v?.locale);
    const m = MESSAGES[lang];
    if (await limited(c)) return page(c, lang, m.title, message("error", m.tooMany, m.title), 429);
    if (!v) return page(c, lang, m.unknownTitle, message("error", m.unknown, m.unknownTitle), 404);
    return show(c, lang, v);
  });

  pages.post(
    "/:id",
    bodyLimit({ maxSize: 4096, onError: (c) => c.text("Payload Too Large", 413) }),
    async (c) => {
      const v = await rt.verifications.get(c.req.param("id"));
      const lang = pickLanguage(c.req.header("accept-language"), v?.locale);
      const m = MESSAGES[lang];
      if (await limited(c))
        return page(c, lang, m.title, message("error", m.tooMany, m.title), 429);
      if (!v)
        return page(c, lang, m.unknownTitle, message("error", m.unknown, m.unknownTitle), 404);
      const type = c.req.header("content-type") ?? "";
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
        return page(c, lang, m.title, message("error", m.badForm, m.title), 415);
      }
      // A body that does not parse as the form it claims to be is the client's fault: 400.
      const form_ = await c.req.parseBody().catch(() => null);
      if (form_ === null) return page(c, lang, m.title, message("error", m.badForm, m.title), 400);
      if (!csrfValid(c, v.id, form_["csrf"])) {
        // A missing or forged token: show the form again with a fresh token, count nothing.
        return form(c, lang, v, { kind: "error", text: m.badForm }, 403);
      }
      if (v.status !== "pending") return show(c, lang, v);
      const code = typeof form_["code"] === "string" ? form_["code"].slice(0, 64) : "";
      const result = await checkVerification(rt, v, code, "hosted");
      if (result.status === "verified") {
        if (v.returnUrl && rt.config.RETURN_URL_ALLOWLIST.includes(new URL(v.returnUrl).origin)) {
          return c.redirect(v.returnUrl, 303);
        }
        return success(c, lang, { ...v, status: "verified" });
      }
      // Wrong, or not even a code (nothing counted): the form again, saying which.
      if (result.status === "invalid" || result.status === "malformed")
        return form(c, lang, v, { kind: "error", text: noticeFor(m, result) });
      return ended(c, lang, noticeFor(m, result));
    },
  );

  return pages;
}
