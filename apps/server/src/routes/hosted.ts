import type { Context } from "hono";
import { Hono } from "hono";
import type { Verification } from "../db/verifications.js";
import { bodyLimit } from "../http-body-limit.js";
import type { Notice, ResendOffer } from "../pages/hosted-views.js";
import { codeFormPage, messagePage } from "../pages/hosted-views.js";
import type { Lang, Messages } from "../pages/i18n.js";
import { MESSAGES, pickLanguage } from "../pages/i18n.js";
import { isAllowedReturnUrl } from "../return-url.js";
import type { Runtime } from "../runtime.js";
import { checkVerification, MAX_CODE_INPUT, verificationState } from "../verification-flow.js";
import { canResend, resendCode } from "../verification-resend.js";
import { hostedGuards } from "./hosted-guards.js";

type Status = 200 | 400 | 403 | 404 | 415 | 429 | 503;

/** A posted form of a known verification, or the response that refuses it. */
type Posted =
  | { refused: Response }
  | { refused: null; v: Verification; lang: Lang; form: Record<string, unknown> };

/**
 * The hosted verification page, `/verify/<opaque id>`: the code form and "Send a new code" (both
 * plain forms: it works without JavaScript), in 58 languages by Accept-Language (pages/i18n.ts),
 * CSRF-protected and rate-limited per client address (see hosted-guards.ts). Every page says
 * where the verification stands now, from the engine: the code to enter and how many attempts it
 * allows, a new code sent and where, how long until another may be sent, a lock and its end.
 *
 * @param clientIp The client address (the app decides how far to trust `X-Forwarded-For`).
 * @throws {never} Failures reach the app's error handler.
 * @example
 * app.route("/verify", hostedRoutes(rt, clientIp));
 */
export function hostedRoutes(rt: Runtime, clientIp: (c: Context) => string): Hono {
  const pages = new Hono();
  const guards = hostedGuards(rt, clientIp);
  pages.use(guards.headers);

  function say(c: Context, lang: Lang, title: string, text: string, status: Status): Response {
    return c.html(messagePage({ lang, title, kind: "error", text }), status);
  }

  /** A lock in words: until a time, or (`null`) until support unlocks it. */
  function lockedText(m: Messages, lockedUntil: number | null): string {
    if (lockedUntil === null) return m.lockedUntilUnlocked(rt.config.SUPPORT_CONTACT ?? null);
    const minutes = Math.max(1, Math.ceil((lockedUntil - rt.now()) / 60_000));
    const time = new Date(lockedUntil).toISOString().slice(11, 16);
    return m.locked(minutes, time);
  }

  function success(c: Context, lang: Lang, v: Verification): Response {
    const m = MESSAGES[lang];
    const link =
      v.returnUrl && isAllowedReturnUrl(v.returnUrl, rt.config.RETURN_URL_ALLOWLIST)
        ? { href: v.returnUrl, text: m.continue }
        : null;
    const title = m.verifiedTitle;
    return c.html(messagePage({ lang, title, kind: "ok", text: m.verified, link }));
  }

  /**
   * The page for a verification as it stands now: the form while its code is the one to enter,
   * else why not; "Send a new code" while one may be sent for it (waiting for its code, or the
   * code expired or ran out), with the wait the resend rules impose. `notice` replaces what the
   * page would say about an ended code (a refused form, a failed send).
   */
  async function show(
    c: Context,
    lang: Lang,
    v: Verification,
    options: { notice?: Notice; status?: Status; waitMs?: number } = {},
  ): Promise<Response> {
    const m = MESSAGES[lang];
    const status = options.status ?? 200;
    if (v.status === "verified") return success(c, lang, v);
    if (v.status === "cancelled") return say(c, lang, m.endedTitle, m.cancelled, status);
    const engine = await rt.otp.lookup({ subject: v.subject, purpose: v.purpose });
    if (engine.locked) return say(c, lang, m.endedTitle, lockedText(m, engine.lockedUntil), status);
    const replaced = engine.latest === null && (await rt.verifications.hasNewer(v));
    const { state } = verificationState(v, engine, rt.now(), replaced);
    const target = canResend(state) ? await rt.verifications.resendTarget(v.id) : null;
    const csrf = guards.token(c, v.id);
    const waitMs = options.waitMs ?? (engine.nextSendAt ?? 0) - rt.now();
    const resend: ResendOffer | null = target && {
      id: v.id,
      csrf,
      wait: waitMs > 0 ? m.resendWait(waitMs) : null,
    };
    const notice = options.notice ?? null;
    if (state === "pending") {
      const { inputMode } = rt.otp.policy;
      const { id, destination } = v;
      return c.html(
        codeFormPage({
          lang,
          id,
          csrf,
          destination,
          inputMode,
          maxLength: MAX_CODE_INPUT,
          notice,
          resend,
        }),
        status,
      );
    }
    const said = state === "expired" ? m.expired : state === "exhausted" ? m.exhausted : m.notFound;
    const text = notice?.text ?? said;
    return c.html(messagePage({ lang, title: m.endedTitle, kind: "error", text, resend }), status);
  }

  /** The checks every POST passes before it counts: rate limit, id, body, CSRF token. */
  async function posted(c: Context): Promise<Posted> {
    const v = await rt.verifications.get(c.req.param("id") ?? "");
    const lang = pickLanguage(c.req.header("accept-language"), v?.locale);
    const m = MESSAGES[lang];
    if (await guards.limited(c)) return { refused: say(c, lang, m.title, m.tooMany, 429) };
    if (!v) return { refused: say(c, lang, m.unknownTitle, m.unknown, 404) };
    const type = c.req.header("content-type") ?? "";
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
      return { refused: say(c, lang, m.title, m.badForm, 415) };
    }
    // A body that does not parse as the form it claims to be is the client's fault: 400.
    const form = await c.req.parseBody().catch(() => null);
    if (form === null) return { refused: say(c, lang, m.title, m.badForm, 400) };
    if (!guards.valid(c, v.id, form["csrf"])) {
      // A missing or forged token: the page again with a fresh token; nothing is counted or sent.
      const notice = { kind: "error", text: m.badForm } as const;
      return { refused: await show(c, lang, v, { notice, status: 403 }) };
    }
    return { refused: null, v, lang, form };
  }

  const small = bodyLimit({ maxSize: 4096, onError: (c) => c.text("Payload Too Large", 413) });

  pages.get("/:id", async (c) => {
    const v = await rt.verifications.get(c.req.param("id"));
    const lang = pickLanguage(c.req.header("accept-language"), v?.locale);
    const m = MESSAGES[lang];
    if (await guards.limited(c)) return say(c, lang, m.title, m.tooMany, 429);
    if (!v) return say(c, lang, m.unknownTitle, m.unknown, 404);
    return show(c, lang, v);
  });

  pages.post("/:id", small, async (c) => {
    const p = await posted(c);
    if (p.refused) return p.refused;
    const { v, lang, form } = p;
    const m = MESSAGES[lang];
    if (v.status !== "pending") return show(c, lang, v);
    const code = typeof form["code"] === "string" ? form["code"].slice(0, MAX_CODE_INPUT) : "";
    const result = await checkVerification(rt, v, code, "hosted");
    if (result.status === "verified") {
      if (v.returnUrl && isAllowedReturnUrl(v.returnUrl, rt.config.RETURN_URL_ALLOWLIST)) {
        return c.redirect(v.returnUrl, 303);
      }
      return success(c, lang, { ...v, status: "verified" });
    }
    // The row may point at a fresh code now (retry-on-failure): the page follows it.
    const now = (await rt.verifications.get(v.id)) ?? v;
    let notice: Notice = null;
    if (result.status === "invalid") {
      // A fresh code went out: say so, and count its attempts, not the spent code's.
      const text = result.resent
        ? m.wrongResent(now.destination, result.attemptsRemaining)
        : m.invalid(result.attemptsRemaining);
      notice = { kind: "error", text };
    } else if (result.status === "replaced") {
      // An older message's code: nothing was counted or sent; point at the newest code.
      notice = { kind: "error", text: m.replaced(now.destination) };
    } else if (result.status === "malformed") {
      notice = {
        kind: "error",
        text: m.malformed(result.expected.length, result.expected.alphabet),
      };
    }
    // Wrong, a code a newer one replaced, or not even a code (the last two count nothing): the
    // form again, saying which. Anything else (expired, used up, locked, a later verification
    // took over): the page says so, and offers a new code if it may.
    return show(c, lang, now, notice ? { notice } : {});
  });

  // "Send a new code": the same recipient and channels as the verification's first code, under
  // the engine's resend rules (the wait is shown when they hold it back).
  pages.post("/:id/resend", small, async (c) => {
    const p = await posted(c);
    if (p.refused) return p.refused;
    const { v, lang } = p;
    const m = MESSAGES[lang];
    const result = await resendCode(rt, v);
    switch (result.status) {
      case "sent": {
        const text = m.resent(result.destination, result.attemptsRemaining);
        const now = (await rt.verifications.get(v.id)) ?? v;
        return show(c, lang, now, { notice: { kind: "ok", text } });
      }
      case "throttled":
        c.header("Retry-After", String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))));
        return show(c, lang, v, { waitMs: result.retryAfterMs, status: 429 });
      case "failed":
        return show(c, lang, v, { notice: { kind: "error", text: m.resendFailed }, status: 503 });
      default:
        // Locked, or no new code for this verification (verified, cancelled, replaced).
        return show(c, lang, v);
    }
  });

  // A reload of the resend answer's URL without its POST: the verification's page.
  pages.get("/:id/resend", (c) =>
    c.redirect(`/verify/${encodeURIComponent(c.req.param("id"))}`, 303),
  );

  return pages;
}
