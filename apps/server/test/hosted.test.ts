import { afterEach, describe, expect, it } from "vitest";
import { ANA, enter, open, resend, submit, VERIFIED, verification } from "./support/hosted-page.js";
import {
  emails,
  lastEmailCode,
  lastWhatsAppCode,
  whatsappMessages,
  wrongCode,
} from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await createTestServer(env);
  servers.push(server);
  return server;
}

async function attemptsUsed(s: TestServer): Promise<number | undefined> {
  const status = await s.rt.otp.lookup({ subject: `key:${s.keyId}:user-1`, purpose: "login" });
  return status.active?.attemptsUsed;
}

describe("GET /verify/:id", () => {
  it("renders an accessible form: one-time-code, numeric inputmode, label, aria-live", async () => {
    const s = await start();
    const { id } = await verification(s);
    const { res, html, session } = await open(s, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Enter your verification code");
    expect(html).toContain("We sent a code to a***@example.com.");
    expect(html).toMatch(/<form method="post" action="\/verify\/[A-Za-z0-9_-]{22}"/);
    expect(html).toContain('<label for="code">Verification code</label>');
    expect(html).toMatch(
      /<input type="text" id="code" name="code"[^>]*autocomplete="one-time-code"/,
    );
    expect(html).toContain('inputmode="numeric"');
    expect(html).toMatch(/role="status" aria-live="polite"/);
    expect(html).toContain('<button type="submit">Verify</button>');
    // No script at all: it works without JavaScript.
    expect(html).not.toMatch(/<script/i);
    expect(session.csrf).not.toBe("");
    expect(session.cookie).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/verify/);
    expect(setCookie).not.toMatch(/Secure/i);
    // Only the masked destination, never the address or the code.
    expect(html).not.toContain("ana@example.com");
  });

  it("uses inputmode=text for an alphanumeric code, and a Secure cookie behind https", async () => {
    const s = await start({
      OTP_CODE_ALPHABET: "alphanumeric",
      PUBLIC_URL: "https://otp.example.com",
    });
    const { id, code } = await verification(s);
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const { res, html } = await open(s, id);
    expect(html).toContain('inputmode="text"');
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("speaks Spanish or English by Accept-Language (q-values), then the recipient's locale", async () => {
    const s = await start({ OTP_RESEND_COOLDOWN_SECONDS: "0" });
    const { id } = await verification(s);
    const cases: Array<[string | null, "en" | "es"]> = [
      ["es", "es"],
      ["es-MX,es;q=0.9,en;q=0.8", "es"],
      ["en-US,en;q=0.9", "en"],
      ["es;q=0.5, en;q=0.9", "en"],
      ["en;q=0.1, es;q=0.2", "es"],
      // Kalaallisut (kl) has no page texts: the next language offered, else English.
      ["kl-GL, es;q=0.8, en;q=0.7", "es"],
      ["kl", "en"],
      ["es;q=0", "en"],
      ["*", "en"],
      [null, "en"],
    ];
    for (const [accept, lang] of cases) {
      const { html } = await open(s, id, accept === null ? {} : { "accept-language": accept });
      expect(html, String(accept)).toContain(`<html lang="${lang}">`);
      expect(html, String(accept)).toContain(
        lang === "es" ? "Introduce tu código de verificación" : "Enter your verification code",
      );
    }
    const spanish = await verification(s, { recipient: { ...ANA, locale: "es-MX" } }, "user-2");
    expect((await open(s, spanish.id)).html).toContain('<html lang="es">');
    expect((await open(s, spanish.id, { "accept-language": "en" })).html).toContain(
      '<html lang="en">',
    );
  });

  it("404 for an unknown or malformed id", async () => {
    const s = await start();
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "x", "..%2F..%2Fapi", "%3Cscript%3E"]) {
      const res = await s.app.request(`/verify/${id}`);
      expect(res.status, id).toBe(404);
      const html = await res.text();
      expect(html).toContain("This link is not valid");
      expect(html).not.toContain("<script>");
    }
  });

  it("sets the security headers on every page", async () => {
    const s = await start({ RETURN_URL_ALLOWLIST: "https://app.example.com" });
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    const responses = [
      await s.app.request(`/verify/${id}`),
      await s.app.request("/verify/AAAAAAAAAAAAAAAAAAAAAA"),
      await submit(s, id, { code }),
      await submit(s, id, { csrf: session.csrf, code: "000" }, { cookie: session.cookie }),
    ];
    for (const res of responses) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self' https://app.example.com");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});

describe("POST /verify/:id", () => {
  it("refuses a missing or forged CSRF token with 403 and counts nothing", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const other = await verification(s, {}, "user-2");
    const mine = (await open(s, id)).session;
    const theirs = (await open(s, other.id)).session;
    const forged: Array<[string, Record<string, string>, string | undefined]> = [
      ["no cookie, no token", { code }, undefined],
      ["token without cookie", { code, csrf: mine.csrf }, undefined],
      ["cookie without token", { code }, mine.cookie],
      ["made-up token", { code, csrf: "forged" }, mine.cookie],
      ["token of another page", { code, csrf: theirs.csrf }, mine.cookie],
      ["token of another cookie", { code, csrf: theirs.csrf }, theirs.cookie.replace(/^./, "x")],
      ["oversize token", { code, csrf: "a".repeat(200) }, mine.cookie],
    ];
    for (const [name, fields, cookie] of forged) {
      const res = await submit(s, id, fields, cookie ? { cookie } : {});
      expect(res.status, name).toBe(403);
      const html = await res.text();
      expect(html, name).toContain("The form expired. Reload the page and enter the code again.");
      expect(html, name).toContain('name="csrf"');
    }
    expect(await attemptsUsed(s)).toBe(0);
    // The real token still works afterwards.
    const { html } = await enter(s, id, code, mine);
    expect(html).toContain(VERIFIED);
  });

  it("wrong code → 2 attempts remaining; grouped code with spaces and dashes → verified", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const session = (await open(s, id)).session;
    const wrong = await enter(s, id, wrongCode(s.rt, code), session);
    expect(wrong.res.status).toBe(200);
    expect(wrong.html).toContain("That code is not right. 2 attempts remaining.");
    expect(wrong.html).toContain('aria-invalid="true"');
    expect(await attemptsUsed(s)).toBe(1);
    const again = await enter(s, id, wrongCode(s.rt, code), session);
    expect(again.html).toContain("That code is not right. 1 attempt remaining.");

    const grouped = ` ${code.slice(0, 3)} - ${code.slice(3)} `;
    const ok = await enter(s, id, grouped, session);
    expect(ok.res.status).toBe(200);
    expect(ok.html).toContain(VERIFIED);
    expect(ok.html).toContain("Thanks, your code is correct.");
    expect(ok.html).not.toContain('name="code"');
    // The page stays verified; the API agrees.
    expect((await open(s, id)).html).toContain(VERIFIED);
    const status = (await (await s.api(`/api/v1/verifications/${id}`)).json()) as {
      status: string;
    };
    expect(status.status).toBe("verified");
  });

  it("in Spanish: the attempts and the success", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const es = { "accept-language": "es-ES,es;q=0.9" };
    const { session } = await open(s, id, es);
    const post = (value: string) =>
      submit(s, id, { csrf: session.csrf, code: value }, { cookie: session.cookie, headers: es });
    expect(await (await post(wrongCode(s.rt, code))).text()).toContain(
      "El código no es correcto. Quedan 2 intentos.",
    );
    expect(await (await post(code)).text()).toContain("Verificación completada");
  });

  it("redirects (303) to an allow-listed returnUrl after success", async () => {
    const s = await start({ RETURN_URL_ALLOWLIST: "https://app.example.com" });
    const { id, code } = await verification(s, {
      returnUrl: "https://app.example.com/welcome?step=2",
    });
    const { res } = await enter(s, id, code);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://app.example.com/welcome?step=2");
    // Opening the page again shows success with a link back.
    const { html } = await open(s, id);
    expect(html).toContain(VERIFIED);
    expect(html).toContain('href="https://app.example.com/welcome?step=2"');
  });

  it("shows the expired page (request a new code)", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    s.clock.advance(600_000);
    expect((await open(s, id)).html).toContain("This code has expired. Request a new code.");
    const { res, html } = await enter(s, id, code, session);
    expect(res.status).toBe(200);
    expect(html).toContain("This code has expired. Request a new code.");
    expect(html).not.toContain('name="code"');
  });

  it("malformed input: says what a code looks like, keeps the form, counts nothing", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    for (const value of ["", "12345", "abcdef", "1234567"]) {
      const { res, html } = await enter(s, id, value, session);
      expect(res.status, value).toBe(200);
      expect(html, value).toContain("Enter the 6-digit code.");
      expect(html, value).toContain('name="code"');
      expect(html, value).toContain('aria-invalid="true"');
    }
    const es = { "accept-language": "es" };
    const spanish = await submit(
      s,
      id,
      { csrf: session.csrf, code: "12" },
      {
        cookie: session.cookie,
        headers: es,
      },
    );
    expect(await spanish.text()).toContain("Introduce el código de 6 dígitos.");
    expect(await attemptsUsed(s)).toBe(0);
    expect((await enter(s, id, code, session)).html).toContain(VERIFIED);
  });

  it("malformed input for letters and digits names both", async () => {
    const s = await start({ OTP_CODE_ALPHABET: "alphanumeric", OTP_CODE_LENGTH: "8" });
    const { id } = await verification(s);
    const { html } = await enter(s, id, "AB");
    expect(html).toContain("Enter the 8-character code (letters and digits).");
  });

  it("the expired page stays expired on every later try", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    s.clock.advance(600_000);
    for (let i = 0; i < 2; i++) {
      expect((await enter(s, id, code, session)).html).toContain(
        "This code has expired. Request a new code.",
      );
    }
  });

  it("a lock until an operator unlocks: says so (en, es, with the support contact), ends on unlock", async () => {
    const s = await start({
      OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: "2",
      SUPPORT_CONTACT: "help@acme.example",
    });
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    await enter(s, id, wrongCode(s.rt, code), session);
    const locked = await enter(s, id, wrongCode(s.rt, code), session);
    const text =
      "Too many failed attempts. Sign-in is locked until support unlocks it; contact help@acme.example.";
    expect(locked.html).toContain(text);
    expect(locked.html).not.toContain('name="code"');
    s.clock.advance(30 * 24 * 3_600_000);
    expect((await open(s, id)).html).toContain(text);
    expect((await open(s, id, { "accept-language": "es" })).html).toContain(
      "El acceso está bloqueado hasta que el equipo de soporte lo desbloquee; escribe a help@acme.example.",
    );
    expect((await enter(s, id, code, session)).html).toContain(text);

    const unlock = await s.api("/api/v1/subjects/unlock", { body: { subject: "user-1" } });
    expect(((await unlock.json()) as { unlocked: boolean }).unlocked).toBe(true);
    const fresh = await verification(s);
    expect((await enter(s, fresh.id, fresh.code)).html).toContain(VERIFIED);
  });

  it("shows the locked page with the minutes to wait", async () => {
    const s = await start({ OTP_LOCKOUT_MAX_FAILURES: "2", OTP_LOCKOUT_MINUTES: "15" });
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    const first = await enter(s, id, wrongCode(s.rt, code), session);
    expect(first.html).toContain("1 attempt remaining");
    const locked = await enter(s, id, wrongCode(s.rt, code), session);
    expect(locked.html).toContain(
      "Too many failed attempts. Sign-in is paused; try again in 15 minutes",
    );
    const until = new Date(s.clock.now() + 15 * 60_000).toISOString().slice(11, 16);
    expect(locked.html).toContain(`(after ${until} UTC)`);
    expect(locked.html).not.toContain('name="code"');

    s.clock.advance(14 * 60_000);
    const later = await open(s, id);
    expect(later.html).toContain("try again in 1 minute ");
    expect((await open(s, id, { "accept-language": "es" })).html).toContain(
      "vuelve a intentarlo en 1 minuto ",
    );
    // The right code does not get through a lock.
    expect((await enter(s, id, code, session)).html).toContain("Sign-in is paused");
  });

  it("a replaced verification's page does not spend the newer code", async () => {
    const s = await start();
    const older = await verification(s);
    const olderSession = (await open(s, older.id)).session;
    s.clock.advance(30_000);
    const newer = await verification(s);
    const { html } = await enter(s, older.id, newer.code, olderSession);
    expect(html).toContain("This code is no longer valid. Request a new code.");
    expect(await attemptsUsed(s)).toBe(0);
    expect((await enter(s, newer.id, newer.code)).html).toContain(VERIFIED);
  });

  it("a malformed multipart body → 400 with the form's message, never 500; nothing counted", async () => {
    const s = await start();
    const { id } = await verification(s);
    const { session } = await open(s, id);
    for (const [type, body] of [
      [
        "multipart/form-data; boundary=xyz",
        "--xyz\r\nContent-Disposition: form-data\r\n\r\nno end",
      ],
      ["multipart/form-data", "csrf=1&code=2"],
      ["multipart/form-data; boundary=", ""],
    ] as const) {
      const res = await s.app.request(`/verify/${id}`, {
        method: "POST",
        headers: { "content-type": type, cookie: `otpkit_csrf=${session.cookie}` },
        body,
      });
      expect(res.status, type).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    }
    expect(await attemptsUsed(s)).toBe(0);
  });

  it("unknown id → 404, wrong content type → 415, oversize form → 413", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    const unknown = await submit(
      s,
      "AAAAAAAAAAAAAAAAAAAAAA",
      { csrf: session.csrf, code },
      { cookie: session.cookie },
    );
    expect(unknown.status).toBe(404);
    const json = await s.app.request(`/verify/${id}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `otpkit_csrf=${session.cookie}` },
      body: JSON.stringify({ csrf: session.csrf, code }),
    });
    expect(json.status).toBe(415);
    const big = await submit(
      s,
      id,
      { csrf: session.csrf, code: "1".repeat(5000) },
      {
        cookie: session.cookie,
      },
    );
    expect(big.status).toBe(413);
    // Multipart works too (a browser may send it).
    const form = new FormData();
    form.set("csrf", session.csrf);
    form.set("code", code);
    const multipart = await s.app.request(`/verify/${id}`, {
      method: "POST",
      headers: { cookie: `otpkit_csrf=${session.cookie}` },
      body: form,
    });
    expect(multipart.status).toBe(200);
    expect(await multipart.text()).toContain(VERIFIED);
  });

  it("hostile form values never give a 5xx", async () => {
    const s = await start();
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    for (const value of ["", "x".repeat(64), "x".repeat(1000), "\u0000", "<script>", "١٢٣٤٥٦"]) {
      const res = await submit(
        s,
        id,
        { csrf: session.csrf, code: value },
        {
          cookie: session.cookie,
        },
      );
      expect(res.status, value).toBeLessThan(500);
      expect(await res.text()).not.toContain("<script>");
    }
    const duplicate = await s.app.request(`/verify/${id}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `otpkit_csrf=${session.cookie}`,
      },
      body: `csrf=${encodeURIComponent(session.csrf)}&code=1&code=2&csrf=x`,
    });
    expect(duplicate.status).toBeLessThan(500);
    const still = await enter(s, id, code, session);
    expect(still.res.status).toBeLessThan(500);
  });

  it("runs the onVerified hook exactly once", async () => {
    const s = await start();
    const seen: string[] = [];
    s.rt.onVerified((v) => {
      seen.push(`${v.id}:${v.status}:${v.subject}`);
    });
    // A failing hook is logged, never breaks the page.
    s.rt.onVerified(() => {
      throw new Error("hook failed");
    });
    const { id, code } = await verification(s);
    const { session } = await open(s, id);
    await enter(s, id, wrongCode(s.rt, code), session);
    expect(seen).toEqual([]);
    const ok = await enter(s, id, code, session);
    expect(ok.res.status).toBe(200);
    await enter(s, id, code, session);
    await s.api(`/api/v1/verifications/${id}/check`, { body: { code } });
    expect(seen).toEqual([`${id}:verified:key:${s.keyId}:user-1`]);
  });
});

describe("rate limit per client IP", () => {
  it("HOSTED_PAGE_RATE_LIMIT_PER_MINUTE=3 → 429 on the 4th request, again fine a minute later", async () => {
    const s = await start({ HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "3" });
    const { id, code } = await verification(s);
    // Align the injected clock to the start of a minute window.
    s.clock.advance(60_000 - (s.clock.now() % 60_000));
    const { session } = await open(s, id);
    expect((await s.app.request(`/verify/${id}`)).status).toBe(200);
    expect((await s.app.request("/verify/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    const limited = await s.app.request(`/verify/${id}`);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many requests from your network");
    const post = await submit(s, id, { csrf: session.csrf, code }, { cookie: session.cookie });
    expect(post.status).toBe(429);
    expect(await attemptsUsed(s)).toBe(0);
    // X-Forwarded-For is ignored without TRUST_PROXY.
    const spoofed = await s.app.request(`/verify/${id}`, {
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(spoofed.status).toBe(429);
    s.clock.advance(60_000);
    expect((await s.app.request(`/verify/${id}`)).status).toBe(200);
  });

  it("behind two trusted proxies, different client addresses are counted separately", async () => {
    const s = await start({ HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "2" });
    const { id } = await verification(s);
    s.clock.advance(60_000 - (s.clock.now() % 60_000));
    const from = (ip: string) =>
      s.app.request(`/verify/${id}`, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.1")).status).toBe(200);
    expect((await from("203.0.113.1")).status).toBe(429);
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.2")).status).toBe(200);
    expect((await from("203.0.113.2")).status).toBe(429);
    expect((await from("2001:db8::1")).status).toBe(200);
  });

  it("with TRUST_PROXY=true, a client that spoofs X-Forwarded-For is still one client", async () => {
    const s = await start({ HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "true" });
    const { id } = await verification(s);
    s.clock.advance(60_000 - (s.clock.now() % 60_000));
    // The proxy appends the address it saw (198.51.100.20); the client sends a new lie each time.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await s.app.request(`/verify/${id}`, {
        headers: { "x-forwarded-for": `203.0.113.${i + 1}, 198.51.100.20` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
  });

  it("a counter that keeps changing under it refuses (429) rather than let requests through", async () => {
    const s = await start();
    const { id } = await verification(s);
    const original = s.rt.store.compareAndSet.bind(s.rt.store);
    s.rt.store.compareAndSet = (key, expected, next, ttlMs) =>
      key.startsWith("rl:") ? Promise.resolve(false) : original(key, expected, next, ttlMs);
    const res = await s.app.request(`/verify/${id}`);
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("Too many requests from your network");
  });

  it("counts in the shared store under keys that are never otp-core's, without the address", async () => {
    const s = await start({ HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "true" });
    // Every key written to the store the engine uses, seen from outside.
    const keys = new Set<string>();
    const original = s.rt.store.compareAndSet.bind(s.rt.store);
    s.rt.store.compareAndSet = (key, expected, next, ttlMs) => {
      keys.add(key);
      return original(key, expected, next, ttlMs);
    };
    const { id } = await verification(s);
    const minute = Math.floor(s.clock.now() / 60_000);
    const ip = "198.51.100.7";
    await s.app.request(`/verify/${id}`, { headers: { "x-forwarded-for": ip } });
    const counters = [...keys].filter((k) => k.startsWith("rl:"));
    expect(counters).toHaveLength(1);
    const key = counters[0]!;
    expect(key).toMatch(new RegExp(`^rl:hosted:[A-Za-z0-9_-]{22}:${minute}$`));
    expect(key).not.toContain(ip);
    expect(await s.rt.store.get(key)).toBe("1");
    // otp-core's keys start with "{" (a Redis Cluster hash tag): ours never do (the page's
    // "rl:" counters, the per-API-key send quota's "q:" counters).
    const records = [...keys].filter((k) => !k.startsWith("rl:") && !k.startsWith("q:"));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record).toMatch(/^\{[A-Za-z0-9_-]{22}\}/);
  });
});

describe("a new code: retry on failure and Send a new code", () => {
  const resendForm = (id: string) =>
    `<form class="resend" method="post" action="/verify/${id}/resend">`;

  async function apiView(s: TestServer, id: string) {
    const res = await s.api(`/api/v1/verifications/${id}`);
    return (await res.json()) as { status: string; expiresAt: string; attemptsRemaining: number };
  }

  it("retry on failure: says a new code went to the masked address, counts the NEW code's attempts", async () => {
    // 4 failures in all: after two wrong codes the budget, not the new code, limits the attempts.
    const s = await start({ OTP_RETRY_ON_FAILURE: "true", OTP_LOCKOUT_MAX_FAILURES: "4" });
    const { id, code } = await verification(s);
    const session = (await open(s, id)).session;
    s.clock.advance(40_000); // past the resend cooldown, so the wrong code brings a fresh one
    const wrong = await enter(s, id, wrongCode(s.rt, code), session);
    expect(wrong.res.status).toBe(200);
    expect(wrong.html).toContain(
      "That code is not right. We sent a new code to a***@example.com. Enter the new code (3 attempts).",
    );
    expect(wrong.html).not.toContain("attempts remaining");
    expect(wrong.html).toContain('aria-invalid="true"');
    const fresh = await lastEmailCode(s.rt, "ana@example.com");
    expect((await emails(s.rt, "ana@example.com")).length).toBe(2);

    // The verification follows the fresh code: its id and its own expiry, here and in the API.
    const expiresAt = s.clock.now() + 600_000;
    expect((await s.rt.verifications.get(id))?.expiresAt).toBe(expiresAt);
    expect(await apiView(s, id)).toMatchObject({
      status: "pending",
      expiresAt: new Date(expiresAt).toISOString(),
      attemptsRemaining: 3,
    });

    // In Spanish too, and honest about the budget: 2 failures of 4 left.
    const es = { "accept-language": "es" };
    s.clock.advance(40_000);
    const spanish = await submit(
      s,
      id,
      { csrf: session.csrf, code: wrongCode(s.rt, fresh) },
      { cookie: session.cookie, headers: es },
    );
    expect(await spanish.text()).toContain(
      "El código no es correcto. Te enviamos un código nuevo a a***@example.com. Introduce el código nuevo (2 intentos).",
    );
    const newest = await lastEmailCode(s.rt, "ana@example.com");
    expect((await enter(s, id, newest, session)).html).toContain(VERIFIED);
  });

  it("retry on failure within the cooldown: no new code, so the old code's attempts are counted", async () => {
    const s = await start({ OTP_RETRY_ON_FAILURE: "true" });
    const { id, code } = await verification(s);
    const session = (await open(s, id)).session;
    const wrong = await enter(s, id, wrongCode(s.rt, code), session);
    expect(wrong.html).toContain("That code is not right. 2 attempts remaining.");
    expect(wrong.html).not.toContain("We sent a new code");
    // The page says when another code may be asked for.
    expect(wrong.html).toContain("You can ask for a new code in 30 seconds.");
    expect((await emails(s.rt, "ana@example.com")).length).toBe(1);
    expect((await enter(s, id, code, session)).html).toContain(VERIFIED);
  });

  it("offers Send a new code on the form, with the wait the resend rules impose", async () => {
    const s = await start();
    const { id } = await verification(s);
    const { html, session } = await open(s, id);
    expect(html).toContain(resendForm(id));
    expect(html).toContain(
      '<p class="hint" id="resend-hint">Didn&#39;t get the code? You can ask for a new code in 30 seconds.</p>',
    );
    expect(html).toContain(
      '<button type="submit" class="secondary" aria-describedby="resend-hint">Send a new code</button>',
    );
    // The form's own token is in the resend form too.
    expect(html.match(new RegExp(`value="${session.csrf}"`, "g"))).toHaveLength(2);

    // Pressed too early: 429 with Retry-After and the wait; nothing is sent.
    s.clock.advance(5_000);
    const early = await resend(s, id, session);
    expect(early.res.status).toBe(429);
    expect(early.res.headers.get("retry-after")).toBe("25");
    expect(early.html).toContain("You can ask for a new code in 25 seconds.");
    expect(early.html).toContain('name="code"');
    expect((await emails(s.rt, "ana@example.com")).length).toBe(1);

    // After the cooldown: a new code to the same address, which becomes the verification's.
    s.clock.advance(25_000);
    const sent = await resend(s, id, session);
    expect(sent.res.status).toBe(200);
    expect(sent.html).toContain(
      "We sent a new code to a***@example.com. Enter the new code (3 attempts).",
    );
    expect(sent.html).toMatch(/<p id="result" class="result ok" role="status" aria-live="polite">/);
    expect(sent.html).toContain("You can ask for a new code in 30 seconds.");
    const fresh = await lastEmailCode(s.rt, "ana@example.com");
    expect((await emails(s.rt, "ana@example.com")).length).toBe(2);
    expect((await s.rt.verifications.get(id))?.expiresAt).toBe(s.clock.now() + 600_000);
    expect((await apiView(s, id)).expiresAt).toBe(new Date(s.clock.now() + 600_000).toISOString());
    expect((await enter(s, id, fresh, session)).html).toContain(VERIFIED);
  });

  it("a resend counts against the API key's send quota: at the quota, the page shows the wait", async () => {
    const s = await start({ API_KEY_MAX_SENDS_PER_HOUR: "1" });
    const { id } = await verification(s); // the key's one send this hour
    const { session } = await open(s, id);
    s.clock.advance(30_000); // past the resend cooldown: only the key's quota stands in the way
    const refused = await resend(s, id, session);
    expect(refused.res.status).toBe(429);
    expect(refused.html).toMatch(/You can ask for a new code in \d+ (seconds|minutes)/);
    expect((await emails(s.rt, "ana@example.com")).length).toBe(1);
  });

  it("an exhausted code: Send a new code, with the attempts the budget still allows", async () => {
    const s = await start({ OTP_LOCKOUT_MAX_FAILURES: "5" });
    const { id, code } = await verification(s);
    const session = (await open(s, id)).session;
    for (let i = 0; i < 3; i++) await enter(s, id, wrongCode(s.rt, code), session);
    const { html } = await open(s, id);
    expect(html).toContain("Too many wrong attempts for this code. Request a new code.");
    expect(html).not.toContain('name="code"');
    expect(html).toContain(resendForm(id));
    expect(html).toContain("You can ask for a new code in 30 seconds.");
    expect((await apiView(s, id)).status).toBe("exhausted");

    s.clock.advance(30_000);
    const sent = await resend(s, id, session);
    // 3 of the 5 failures are spent: the new code allows 2, and the page says 2.
    expect(sent.html).toContain(
      "We sent a new code to a***@example.com. Enter the new code (2 attempts).",
    );
    expect(sent.html).toContain('name="code"');
    expect((await apiView(s, id)).status).toBe("pending");
    const fresh = await lastEmailCode(s.rt, "ana@example.com");
    expect((await enter(s, id, fresh, session)).html).toContain(VERIFIED);
  });

  it("an expired code: Send a new code at once (in Spanish), to the recipient's name and locale", async () => {
    const s = await start();
    const recipient = { email: "ana@example.com", name: "Ana", locale: "es-MX" };
    const { id } = await verification(s, { recipient });
    const first = (await emails(s.rt, "ana@example.com"))[0]!;
    const { session } = await open(s, id);
    s.clock.advance(600_000);
    const { html } = await open(s, id);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Este código ha caducado. Solicita un código nuevo.");
    expect(html).toContain(resendForm(id));
    expect(html).toContain(">Enviar un código nuevo</button>");
    expect(html).not.toContain("Podrás pedir"); // no wait: the cooldown is long over
    expect((await apiView(s, id)).status).toBe("expired");

    const sent = await resend(s, id, session);
    expect(sent.html).toContain(
      "Te enviamos un código nuevo a a***@example.com. Introduce el código nuevo (3 intentos).",
    );
    const all = await emails(s.rt, "ana@example.com");
    expect(all).toHaveLength(2);
    // The same recipient: same address, same language and greeting.
    expect(all[0]!.subject).toBe(first.subject);
    expect(all[0]!.text).toContain("Ana");
    expect((await enter(s, id, all[0]!.code!, session)).html).toContain("Verificación completada");
  });

  it("an explicit channel is kept: the new code goes by WhatsApp again", async () => {
    const s = await start();
    const both = { email: "ana@example.com", phone: "+34600123478" };
    const res = await s.api("/api/v1/verifications", {
      body: { subject: "user-1", recipient: both, channel: "whatsapp" },
    });
    const { id } = (await res.json()) as { id: string };
    const { session } = await open(s, id);
    s.clock.advance(30_000);
    const sent = await resend(s, id, session);
    expect(sent.html).toContain("We sent a new code to ***78. Enter the new code (3 attempts).");
    expect(whatsappMessages(s.rt)).toHaveLength(2);
    expect(await emails(s.rt)).toHaveLength(0);
    const fresh = lastWhatsAppCode(s.rt, "+34600123478");
    expect((await enter(s, id, fresh, session)).html).toContain(VERIFIED);
  });

  it("a locked subject: no Send a new code, the lock's end shown; a forced POST sends nothing", async () => {
    const s = await start({ OTP_LOCKOUT_MAX_FAILURES: "2", OTP_LOCKOUT_MINUTES: "15" });
    const { id, code } = await verification(s);
    const session = (await open(s, id)).session;
    await enter(s, id, wrongCode(s.rt, code), session);
    await enter(s, id, wrongCode(s.rt, code), session);
    s.clock.advance(60_000);
    const { html } = await open(s, id);
    const until = new Date(s.clock.now() + 14 * 60_000).toISOString().slice(11, 16);
    expect(html).toContain(`try again in 14 minutes (after ${until} UTC)`);
    expect(html).not.toContain("/resend");
    expect(html).not.toContain("Send a new code");
    const forced = await resend(s, id, session);
    expect(forced.res.status).toBe(200);
    expect(forced.html).toContain("Sign-in is paused");
    expect(forced.html).not.toContain("Send a new code");
    expect((await emails(s.rt, "ana@example.com")).filter((e) => e.code !== null)).toHaveLength(1);
  });

  it("never for a replaced, verified or cancelled verification; never without the form's token", async () => {
    const s = await start();
    const older = await verification(s);
    const olderSession = (await open(s, older.id)).session;
    s.clock.advance(30_000);
    const newer = await verification(s);
    s.clock.advance(30_000);
    // The older page: no offer, and a forced POST does not end the newer verification's code.
    expect((await open(s, older.id)).html).not.toContain("Send a new code");
    const forced = await resend(s, older.id, olderSession);
    expect(forced.html).toContain("This code is no longer valid. Request a new code.");
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(2);

    // No token, or another page's: 403, nothing sent.
    const newerSession = (await open(s, newer.id)).session;
    for (const csrf of ["", olderSession.csrf]) {
      const refused = await resend(s, newer.id, { ...newerSession, csrf });
      expect(refused.res.status).toBe(403);
      expect(refused.html).toContain("The form expired. Reload the page and enter the code again.");
    }
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(2);

    expect((await enter(s, newer.id, newer.code, newerSession)).html).toContain(VERIFIED);
    const after = await resend(s, newer.id, newerSession);
    expect(after.html).toContain(VERIFIED);
    expect(after.html).not.toContain("Send a new code");

    const cancelled = await verification(s, {}, "user-2");
    const cancelledSession = (await open(s, cancelled.id)).session;
    await s.api(`/api/v1/verifications/${cancelled.id}`, { method: "DELETE" });
    s.clock.advance(30_000);
    const none = await resend(s, cancelled.id, cancelledSession);
    expect(none.html).toContain("This verification was cancelled.");
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(3);
  });

  it("keeps the recipient sealed, and only while a new code may be asked for", async () => {
    const s = await start();
    const recipientOf = async (id: string) =>
      (
        await s.rt.database.db
          .selectFrom("verifications")
          .select("recipient")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).recipient;
    const older = await verification(s);
    const sealed = await recipientOf(older.id);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("ana@");
    // A later verification of the subject replaces it: the older one forgets its recipient.
    s.clock.advance(30_000);
    const newer = await verification(s);
    expect(await recipientOf(older.id)).toBeNull();
    expect(await recipientOf(newer.id)).not.toBeNull();
    // A verified one forgets it too.
    expect((await enter(s, newer.id, newer.code)).html).toContain(VERIFIED);
    expect(await recipientOf(newer.id)).toBeNull();
  });

  it("GET of the resend address leads back to the page; the resend POST is rate-limited", async () => {
    const s = await start({ HOSTED_PAGE_RATE_LIMIT_PER_MINUTE: "2" });
    const { id } = await verification(s);
    s.clock.advance(60_000 - (s.clock.now() % 60_000));
    const back = await s.app.request(`/verify/${id}/resend`);
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(`/verify/${id}`);
    const { session } = await open(s, id);
    s.clock.advance(30_000);
    expect((await resend(s, id, session)).res.status).toBe(200);
    const limited = await resend(s, id, session);
    expect(limited.res.status).toBe(429);
    expect(limited.html).toContain("Too many requests from your network");
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(2);
  });
});
