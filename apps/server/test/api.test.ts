import { MAX_INPUT_LENGTH, OTP_LIMITS, OtpError } from "@otpkit/otp-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_CODE_INPUT } from "../src/verification-flow.js";
import {
  emails,
  lastEmailCode,
  lastWhatsAppCode,
  whatsappMessages,
  wrongCode,
} from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

const V = "/api/v1/verifications";

interface Started {
  id: string;
  status: string;
  purpose: string;
  channel: string | null;
  destination: string | null;
  expiresAt: string;
  verifyUrl: string;
  attemptsAllowed: number;
}

interface Shown extends Omit<Started, "attemptsAllowed"> {
  attemptsRemaining: number;
  active: boolean;
  locked: boolean;
  lockedUntil: string | null;
}

interface Outcome {
  status: string;
  attemptsRemaining?: number;
  lockedUntil?: string | null;
  retryAfterSeconds?: number | null;
  expected?: { length: number; alphabet: string };
}

interface ApiError {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

interface AuditEvent {
  id: string;
  type: string;
  at: string;
  lockedUntil?: string;
  verificationId?: string;
  subject: string;
  purpose: string;
  codeId?: string;
  channel?: string;
  destination?: string;
  attemptsRemaining?: number;
  reason?: string;
  test?: boolean;
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await createTestServer(env);
  servers.push(server);
  return server;
}

async function json<T>(res: Response): Promise<T> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as T;
}

async function issue(
  s: TestServer,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Started> {
  const res = await s.api(V, { body, headers });
  expect(res.status).toBe(201);
  return json<Started>(res);
}

async function check(s: TestServer, id: string, code: string): Promise<Outcome> {
  const res = await s.api(`${V}/${id}/check`, { body: { code } });
  expect(res.status).toBe(200);
  return json<Outcome>(res);
}

const ANA = { email: "ana@example.com" };

describe("POST /api/v1/verifications", () => {
  it("starts an e-mail verification: 201, masked destination, expiry, hosted link, one e-mail", async () => {
    const s = await start({ PUBLIC_URL: "https://otp.example.com/" });
    const res = await s.api(V, {
      body: { subject: "user-1", purpose: "signup", recipient: { ...ANA, name: "Ana" } },
    });
    expect(res.status).toBe(201);
    const v = await json<Started>(res);
    expect(v).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      status: "pending",
      purpose: "signup",
      channel: "email",
      destination: "a***@example.com",
      expiresAt: new Date(s.clock.now() + 600_000).toISOString(),
      verifyUrl: `https://otp.example.com/verify/${v.id}`,
      attemptsAllowed: 3,
    });

    const sent = await emails(s.rt);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail!.entry.to).toBe("ana@example.com");
    expect(mail!.entry.kind).toBe("code");
    expect(mail!.text).toContain("Ana");
    expect(mail!.code).toMatch(/^\d{6}$/);
    // The subject line carries no code; the HTML part carries the same code as the text.
    expect(mail!.subject).not.toContain(mail!.code!);
    expect(mail!.html).toContain(mail!.code!);
    expect(await check(s, v.id, mail!.code!)).toEqual({ status: "verified" });
  });

  it("sends to a phone through WhatsApp: the outbox holds the exact Graph request", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-2", recipient: { phone: "+34600123478" } });
    expect(v).toMatchObject({ channel: "whatsapp", destination: "***78", status: "pending" });
    expect(await emails(s.rt)).toEqual([]);

    const [message, ...rest] = whatsappMessages(s.rt);
    expect(rest).toEqual([]);
    const code = lastWhatsAppCode(s.rt, "+34600123478");
    expect(code).toMatch(/^\d{6}$/);
    expect(message!.path).toMatch(/^\/v\d+\.\d+\/100000000000000\/messages$/);
    expect(message!.to).toBe("+34600123478");
    expect(message!.template).toBe("tmpl_otp_code");
    expect(message!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+34600123478",
      type: "template",
      biz_opaque_callback_data: expect.stringMatching(/^\S{1,512}$/),
      template: {
        name: "tmpl_otp_code",
        language: { code: "en_US" },
        components: [
          { type: "body", parameters: [{ type: "text", text: code }] },
          {
            type: "button",
            sub_type: "url",
            index: "0",
            parameters: [{ type: "text", text: code }],
          },
        ],
      },
    });
    expect(await check(s, v.id, code)).toEqual({ status: "verified" });
  });

  it("prefers WhatsApp for a phone, and honours channel: email", async () => {
    const s = await start();
    const both = { email: "ana@example.com", phone: "+34600123478" };
    const byDefault = await issue(s, { subject: "user-3", recipient: both });
    expect(byDefault.channel).toBe("whatsapp");
    const chosen = await issue(s, { subject: "user-4", recipient: both, channel: "email" });
    expect(chosen.channel).toBe("email");
    expect((await emails(s.rt)).map((e) => e.entry.to)).toEqual(["ana@example.com"]);
    expect(whatsappMessages(s.rt)).toHaveLength(1);
  });
});

describe("GET /api/v1/verifications/:id and POST /:id/check", () => {
  it("wrong → invalid with 2 remaining, right → verified, again → not_found", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");

    const fresh = await json<Shown>(await s.api(`${V}/${v.id}`));
    expect(fresh).toEqual({
      id: v.id,
      status: "pending",
      purpose: "login",
      channel: "email",
      destination: "a***@example.com",
      expiresAt: v.expiresAt,
      verifyUrl: v.verifyUrl,
      attemptsRemaining: 3,
      active: true,
      locked: false,
      lockedUntil: null,
    });

    expect(await check(s, v.id, wrongCode(s.rt, code))).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
    });
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      status: "pending",
      attemptsRemaining: 2,
      active: true,
    });
    // Grouped as people type it: spaces and dashes are fine.
    expect(await check(s, v.id, `${code.slice(0, 3)}-${code.slice(3)}`)).toEqual({
      status: "verified",
    });
    expect(await check(s, v.id, code)).toEqual({ status: "not_found" });
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      status: "verified",
      active: false,
      attemptsRemaining: 0,
    });
  });

  it("runs the onVerified hooks once when a check verifies", async () => {
    const s = await start();
    const seen: string[] = [];
    s.rt.onVerified((verification) => {
      seen.push(`${verification.id}:${verification.status}`);
    });
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    await check(s, v.id, code);
    await check(s, v.id, code);
    expect(seen).toEqual([`${v.id}:verified`]);
  });

  it("expired: the right code after the TTL (injected clock)", async () => {
    const s = await start({ OTP_TTL_SECONDS: "120" });
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    s.clock.advance(120_000);
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      status: "expired",
      active: false,
    });
    expect(await check(s, v.id, code)).toEqual({ status: "expired" });
    // It stays expired (not "not found") until a new code replaces it, and the audit says so.
    expect(await check(s, v.id, code)).toEqual({ status: "expired" });
    const { events } = await json<{ events: AuditEvent[] }>(
      await s.api("/api/v1/audit?subject=user-1"),
    );
    expect(events.map((e) => e.type)).toContain("expired");
  });

  it("exhausts a code after OTP_MAX_ATTEMPTS, then locks the subject after the budget", async () => {
    const s = await start();
    const first = await issue(s, { subject: "user-1", recipient: ANA });
    const code1 = await lastEmailCode(s.rt, "ana@example.com");
    const wrong1 = wrongCode(s.rt, code1);
    expect(await check(s, first.id, wrong1)).toEqual({ status: "invalid", attemptsRemaining: 2 });
    expect(await check(s, first.id, wrong1)).toEqual({ status: "invalid", attemptsRemaining: 1 });
    expect(await check(s, first.id, wrong1)).toEqual({ status: "exhausted" });
    expect(await json<Shown>(await s.api(`${V}/${first.id}`))).toMatchObject({
      status: "exhausted",
      active: false,
    });
    // An exhausted code stays exhausted, also for the right code.
    expect(await check(s, first.id, code1)).toEqual({ status: "exhausted" });

    // A new code keeps the subject's budget (5 failures): two more wrong guesses lock it.
    s.clock.advance(30_000);
    const second = await issue(s, { subject: "user-1", recipient: ANA });
    const code2 = await lastEmailCode(s.rt, "ana@example.com");
    const wrong2 = wrongCode(s.rt, code2);
    expect(await check(s, second.id, wrong2)).toEqual({ status: "invalid", attemptsRemaining: 1 });
    const lockedAt = s.clock.now();
    const res = await s.api(`${V}/${second.id}/check`, { body: { code: wrong2 } });
    expect(res.status).toBe(200);
    expect(res.headers.get("retry-after")).toBe("900");
    const lockedUntil = new Date(lockedAt + 900_000).toISOString();
    expect(await json<Outcome>(res)).toEqual({
      status: "locked",
      lockedUntil,
      retryAfterSeconds: 900,
    });
    // Locked: even the right code is refused, and a new code is refused with 423.
    expect(await check(s, second.id, code2)).toMatchObject({ status: "locked", lockedUntil });
    expect(await json<Shown>(await s.api(`${V}/${second.id}`))).toMatchObject({
      status: "locked",
      lockedUntil,
      active: false,
    });
    s.clock.advance(60_000);
    const refused = await s.api(V, { body: { subject: "user-1", recipient: ANA } });
    expect(refused.status).toBe(423);
    expect(refused.headers.get("retry-after")).toBe("840");
    expect(await json<ApiError>(refused)).toEqual({
      error: {
        code: "LOCKED",
        message: expect.any(String),
        details: { lockedUntil, retryAfterSeconds: 840 },
      },
    });
    // The person is told (a lockout e-mail, without a code).
    const lockout = (await emails(s.rt)).find((e) => e.entry.kind === "lockout");
    expect(lockout?.code).toBeNull();

    // After the lock: a fresh budget and a new code.
    s.clock.advance(840_000);
    const third = await issue(s, { subject: "user-1", recipient: ANA });
    expect(await check(s, third.id, await lastEmailCode(s.rt, "ana@example.com"))).toEqual({
      status: "verified",
    });
  });

  it("with OTP_RETRY_ON_FAILURE, shows the fresh code's expiry after a wrong guess", async () => {
    const s = await start({ OTP_RETRY_ON_FAILURE: "true", OTP_TTL_SECONDS: "300" });
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    s.clock.advance(60_000);
    expect(await check(s, v.id, wrongCode(s.rt, code))).toMatchObject({ status: "invalid" });
    const fresh = await lastEmailCode(s.rt, "ana@example.com");
    expect(fresh).not.toBe(code);
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      status: "pending",
      active: true,
      expiresAt: new Date(s.clock.now() + 300_000).toISOString(),
    });
    expect(await check(s, v.id, fresh)).toEqual({ status: "verified" });
  });

  it("a replaced verification cannot spend the newer one's code", async () => {
    const s = await start();
    const older = await issue(s, { subject: "user-1", recipient: ANA });
    s.clock.advance(30_000);
    const newer = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    expect(await check(s, older.id, code)).toEqual({ status: "not_found" });
    expect(await check(s, older.id, wrongCode(s.rt, code))).toEqual({ status: "not_found" });
    expect(await json<Shown>(await s.api(`${V}/${newer.id}`))).toMatchObject({
      attemptsRemaining: 3,
    });
    expect(await check(s, newer.id, code)).toEqual({ status: "verified" });
    expect(await json<Shown>(await s.api(`${V}/${older.id}`))).toMatchObject({
      status: "replaced",
      active: false,
    });
  });
});

describe("DELETE /api/v1/verifications/:id", () => {
  it("cancels: the code no longer verifies", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    const res = await s.api(`${V}/${v.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await json<Started>(res)).toMatchObject({ id: v.id, status: "cancelled" });
    expect(await check(s, v.id, code)).toEqual({ status: "not_found" });
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      status: "cancelled",
      active: false,
    });
    // Cancelling twice is harmless.
    const again = await s.api(`${V}/${v.id}`, { method: "DELETE" });
    expect(again.status).toBe(200);
    expect(await json<Started>(again)).toMatchObject({ status: "cancelled" });
  });

  it("cancelling a replaced verification leaves the newer code working", async () => {
    const s = await start();
    const older = await issue(s, { subject: "user-1", recipient: ANA });
    s.clock.advance(30_000);
    const newer = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    expect((await s.api(`${V}/${older.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await check(s, newer.id, code)).toEqual({ status: "verified" });
  });
});

describe("GET /api/v1/audit", () => {
  it("lists a subject's events newest first and never shows a code anywhere", async () => {
    const s = await start();
    const bodies: string[] = [];
    const call = async (path: string, body?: unknown, method?: string) => {
      const res = await s.api(path, {
        ...(body === undefined ? {} : { body }),
        ...(method ? { method } : {}),
      });
      bodies.push(await res.clone().text());
      return res;
    };
    const v = (await (await call(V, { subject: "user-1", recipient: ANA })).json()) as Started;
    const code = await lastEmailCode(s.rt, "ana@example.com");
    s.clock.advance(1000);
    await call(`${V}/${v.id}/check`, { code: wrongCode(s.rt, code) });
    await call(`${V}/${v.id}`);
    s.clock.advance(1000);
    await call(`${V}/${v.id}/check`, { code });
    await call(`${V}/${v.id}`);
    await call(`${V}/${v.id}`, undefined, "DELETE");
    const res = await call("/api/v1/audit?subject=user-1");
    expect(res.status).toBe(200);
    const { events } = await json<{ events: AuditEvent[] }>(res);
    expect(events.map((e) => e.type)).toEqual(["verified", "failed", "delivered", "issued"]);
    const [verified, failed, delivered, issued] = events;
    expect(issued).toMatchObject({
      subject: "user-1",
      purpose: "login",
      codeId: expect.any(String),
    });
    expect(delivered).toMatchObject({
      channel: "email",
      destination: "a***@example.com",
      codeId: issued!.codeId,
    });
    expect(failed).toMatchObject({ attemptsRemaining: 2, codeId: issued!.codeId });
    expect(verified).toMatchObject({ codeId: issued!.codeId });
    for (const e of events) expect(e.verificationId).toBe(v.id);
    expect(new Date(verified!.at).getTime()).toBe(s.clock.now());
    for (const e of events) expect(e.test).toBeUndefined();

    // Another subject, a purpose filter, a limit.
    const other = await json<{ events: AuditEvent[] }>(await call("/api/v1/audit?subject=user-2"));
    expect(other.events).toEqual([]);
    const wrongPurpose = await json<{ events: AuditEvent[] }>(
      await call("/api/v1/audit?subject=user-1&purpose=signup"),
    );
    expect(wrongPurpose.events).toEqual([]);
    const limited = await json<{ events: AuditEvent[] }>(
      await call("/api/v1/audit?subject=user-1&purpose=login&limit=1"),
    );
    expect(limited.events.map((e) => e.type)).toEqual(["verified"]);

    expect(bodies.length).toBeGreaterThan(8);
    for (const body of bodies) expect(body).not.toContain(code);
  });

  it("speaks ISO 8601 for every time, and names each code's verification across fresh codes", async () => {
    const s = await start({
      OTP_RETRY_ON_FAILURE: "true",
      OTP_RESEND_COOLDOWN_SECONDS: "0",
      OTP_LOCKOUT_MAX_FAILURES: "2",
    });
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const first = await lastEmailCode(s.rt, "ana@example.com");
    s.clock.advance(1000);
    expect(await check(s, v.id, wrongCode(s.rt, first))).toMatchObject({ status: "invalid" });
    const fresh = await lastEmailCode(s.rt, "ana@example.com");
    expect(fresh).not.toBe(first);
    s.clock.advance(1000);
    const lockedAt = s.clock.now();
    expect(await check(s, v.id, wrongCode(s.rt, fresh))).toMatchObject({ status: "locked" });
    // After the lock, a second verification of the same subject.
    s.clock.advance(900_000);
    const w = await issue(s, { subject: "user-1", recipient: ANA });

    const { events } = await json<{ events: AuditEvent[] }>(
      await s.api("/api/v1/audit?subject=user-1"),
    );
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    for (const e of events) {
      expect(e.at, e.type).toMatch(iso);
      if (e.lockedUntil !== undefined) expect(e.lockedUntil).toMatch(iso);
    }
    const locked = events.find((e) => e.type === "locked");
    expect(locked?.lockedUntil).toBe(new Date(lockedAt + 900_000).toISOString());
    // Every entry about a code names the verification it was sent for: the first code, the fresh
    // one that replaced it after the wrong guess, and the second verification's.
    const codes = [...new Set(events.flatMap((e) => (e.codeId ? [e.codeId] : [])))];
    expect(codes).toHaveLength(3);
    const [second, retried, original] = codes;
    for (const e of events.filter((x) => x.codeId !== undefined)) {
      expect(e.verificationId, `${e.type} of ${e.codeId}`).toBe(e.codeId === second ? w.id : v.id);
    }
    expect(events.filter((e) => e.codeId === original).map((e) => e.type)).toEqual([
      "revoked",
      "failed",
      "delivered",
      "issued",
    ]);
    expect(events.filter((e) => e.codeId === retried).map((e) => e.type)).toContain("failed");
    // Entries about no code (the lockout notice) name no verification.
    for (const e of events.filter((x) => x.codeId === undefined)) {
      expect(e.verificationId).toBeUndefined();
    }
    // Another key sees nothing of it, not even the verification ids.
    const other = await s.rt.apiKeys.create("another service");
    const foreign = await s.app.request("/api/v1/audit?subject=user-1", {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(await foreign.json()).toEqual({ events: [] });
  });

  it("validates the query: 400 naming the parameter", async () => {
    const s = await start();
    for (const [query, field] of [
      ["", "subject"],
      [`?subject=${"x".repeat(257)}`, "subject"],
      ["?subject=a&limit=0", "limit"],
      ["?subject=a&limit=abc", "limit"],
      ["?subject=a&purpose=no%20spaces", "purpose"],
    ] as const) {
      const res = await s.api(`/api/v1/audit${query}`);
      expect(res.status, query).toBe(400);
      expect((await json<ApiError>(res)).error).toMatchObject({ code: "VALIDATION_FAILED", field });
    }
  });
});

describe("idempotency and throttling", () => {
  it("the same Idempotency-Key returns the same verification (200) and sends one e-mail", async () => {
    const s = await start();
    const body = { subject: "user-1", recipient: ANA };
    const first = await s.api(V, { body, headers: { "Idempotency-Key": "signup-4711" } });
    expect(first.status).toBe(201);
    const a = await json<Started>(first);
    const replay = await s.api(V, { body, headers: { "Idempotency-Key": "signup-4711" } });
    expect(replay.status).toBe(200);
    const b = await json<Started>(replay);
    expect(b.id).toBe(a.id);
    expect(b).toEqual(a);
    expect(await emails(s.rt)).toHaveLength(1);

    // The key in the body works the same way.
    const c1 = await s.api(V, { body: { ...body, subject: "user-2", idempotencyKey: "k-2" } });
    const c2 = await s.api(V, { body: { ...body, subject: "user-2", idempotencyKey: "k-2" } });
    expect([c1.status, c2.status]).toEqual([201, 200]);
    expect((await json<Started>(c2)).id).toBe((await json<Started>(c1)).id);
    expect(await emails(s.rt)).toHaveLength(2);
  });

  it("a second start within the cooldown is 429 THROTTLED with Retry-After", async () => {
    const s = await start();
    await issue(s, { subject: "user-1", recipient: ANA });
    s.clock.advance(10_000);
    const res = await s.api(V, { body: { subject: "user-1", recipient: ANA } });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("20");
    expect(await json<ApiError>(res)).toEqual({
      error: {
        code: "THROTTLED",
        message: expect.any(String),
        details: { reason: "cooldown", retryAfterSeconds: 20 },
      },
    });
    expect(await emails(s.rt)).toHaveLength(1);
    s.clock.advance(20_000);
    await issue(s, { subject: "user-1", recipient: ANA });
  });

  it("the hourly cap is 429 with reason max_sends", async () => {
    const s = await start({ OTP_RESEND_COOLDOWN_SECONDS: "0", OTP_MAX_SENDS_PER_HOUR: "2" });
    await issue(s, { subject: "user-1", recipient: ANA });
    await issue(s, { subject: "user-1", recipient: ANA });
    const res = await s.api(V, { body: { subject: "user-1", recipient: ANA } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await json<ApiError>(res)).error.details).toMatchObject({ reason: "max_sends" });
  });
});

describe("test recipients", () => {
  it("a matching recipient gets the fixed code, no delivery, and test: true in the audit", async () => {
    const s = await start({ TEST_RECIPIENTS: "*@example.test,+15550100", TEST_CODE: "424242" });
    const v = await issue(s, { subject: "qa-1", recipient: { email: "QA@Example.test" } });
    expect(v).toMatchObject({ channel: "test", status: "pending" });
    expect(v.destination).toMatch(/@example\.test$/i);
    const phone = await issue(s, { subject: "qa-2", recipient: { phone: "+15550100" } });
    expect(phone.channel).toBe("test");
    expect(await emails(s.rt)).toEqual([]);
    expect(whatsappMessages(s.rt)).toEqual([]);

    expect(await check(s, v.id, "000000")).toEqual({ status: "invalid", attemptsRemaining: 2 });
    expect(await check(s, v.id, "424242")).toEqual({ status: "verified" });
    const { events } = await json<{ events: AuditEvent[] }>(
      await s.api("/api/v1/audit?subject=qa-1"),
    );
    expect(events.map((e) => e.type)).toEqual(["verified", "failed", "issued"]);
    for (const e of events) expect(e.test).toBe(true);

    // Anyone else still gets a real code.
    const real = await issue(s, { subject: "user-1", recipient: ANA });
    expect(real.channel).toBe("email");
    expect(await emails(s.rt)).toHaveLength(1);
  });
});

describe("returnUrl", () => {
  it("must be on an allow-listed origin; an allowed one is stored", async () => {
    const s = await start({
      RETURN_URL_ALLOWLIST: "https://app.example.com/,http://localhost:5173",
    });
    for (const returnUrl of [
      "https://evil.example.com/done",
      "https://app.example.com.evil.example/done",
      "http://app.example.com/done",
    ]) {
      const res = await s.api(V, { body: { subject: "user-1", recipient: ANA, returnUrl } });
      expect(res.status, returnUrl).toBe(400);
      expect((await json<ApiError>(res)).error).toMatchObject({
        code: "VALIDATION_FAILED",
        field: "returnUrl",
      });
    }
    const v = await issue(s, {
      subject: "user-1",
      recipient: ANA,
      returnUrl: "https://app.example.com/welcome?step=2",
    });
    expect((await s.rt.verifications.get(v.id))?.returnUrl).toBe(
      "https://app.example.com/welcome?step=2",
    );
  });

  it("is refused without an allow-list", async () => {
    const s = await start();
    const res = await s.api(V, {
      body: { subject: "user-1", recipient: ANA, returnUrl: "https://app.example.com/" },
    });
    expect(res.status).toBe(400);
  });
});

describe("bad input is 4xx, never 5xx", () => {
  const TOKEN_SHAPED = `otpk_${"A".repeat(12)}_${"b".repeat(43)}`;

  it("401 for a missing, malformed, unknown or revoked API key, on every route", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const other = await s.rt.apiKeys.create("to be revoked");
    await s.rt.apiKeys.revoke(other.id);
    const routes: Array<[string, string, unknown]> = [
      ["POST", V, { subject: "user-1", recipient: ANA }],
      ["GET", `${V}/${v.id}`, undefined],
      ["POST", `${V}/${v.id}/check`, { code: "123456" }],
      ["DELETE", `${V}/${v.id}`, undefined],
      ["GET", "/api/v1/audit?subject=user-1", undefined],
      ["POST", "/api/v1/subjects/unlock", { subject: "user-1" }],
      ["GET", "/api/v1/nothing-here", undefined],
    ];
    const auths: Array<string | null> = [
      null,
      "",
      "Bearer",
      "Bearer nope",
      `Basic ${Buffer.from("user:pass").toString("base64")}`,
      `Bearer ${TOKEN_SHAPED}`,
      `Bearer ${s.token.slice(0, -1)}${s.token.endsWith("A") ? "B" : "A"}`,
      `Bearer ${other.token}`,
      `Bearer ${s.token} extra`,
    ];
    for (const [method, path, body] of routes) {
      for (const auth of auths) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (auth !== null) headers["authorization"] = auth;
        const res = await s.app.request(path, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect(res.status, `${method} ${path} with ${auth}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe('Bearer realm="otpkit"');
        expect((await json<ApiError>(res)).error.code).toBe("UNAUTHORIZED");
      }
    }
    // Nothing happened to the verification.
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      status: "pending",
      attemptsRemaining: 3,
    });
    // A revoked key stops working at once.
    await s.rt.apiKeys.revoke(s.keyId);
    expect((await s.api(`${V}/${v.id}`)).status).toBe(401);
  });

  it("415 for another content type, 400 for invalid JSON", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    for (const path of [V, `${V}/${v.id}/check`]) {
      for (const type of [null, "text/plain", "application/x-www-form-urlencoded", "text/json"]) {
        const headers: Record<string, string> = { authorization: `Bearer ${s.token}` };
        if (type !== null) headers["content-type"] = type;
        const res = await s.app.request(path, { method: "POST", headers, body: '{"code":"1"}' });
        expect(res.status, `${path} ${type}`).toBe(415);
        expect((await json<ApiError>(res)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      }
      for (const text of ["{", "", "{'a':1}", "undefined", '{"a":1}}', "\u0000"]) {
        const res = await s.api(path, { body: text });
        expect(res.status, `${path} ${JSON.stringify(text)}`).toBe(400);
        expect((await json<ApiError>(res)).error.code).toBe("INVALID_JSON");
      }
    }
    const charset = await s.api(V, {
      body: { subject: "user-2", recipient: ANA },
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(201);
  });

  it("takes every subject the engine takes after the tenant prefix, and refuses longer ones (400)", async () => {
    const s = await start();
    // The engine allows 256 characters; the key's tenant prefix `key:<12>:` takes 17 of them.
    const longest = "x".repeat(239);
    expect((await s.api(V, { body: { subject: longest, recipient: ANA } })).status).toBe(201);
    for (const length of [240, 256]) {
      const res = await s.api(V, { body: { subject: "y".repeat(length), recipient: ANA } });
      expect(res.status, String(length)).toBe(400);
      expect((await json<ApiError>(res)).error).toMatchObject({
        code: "VALIDATION_FAILED",
        field: "subject",
      });
    }
  });

  it("schema violations name the field", async () => {
    const s = await start();
    const cases: Array<[string, unknown, string, RegExp?]> = [
      ["missing subject", { recipient: ANA }, "subject"],
      ["empty subject", { subject: "   ", recipient: ANA }, "subject"],
      ["oversize subject", { subject: "x".repeat(257), recipient: ANA }, "subject"],
      ["subject not a string", { subject: 42, recipient: ANA }, "subject"],
      ["missing recipient", { subject: "u" }, "recipient"],
      ["bad email", { subject: "u", recipient: { email: "not-an-email" } }, "recipient.email"],
      ["bad phone", { subject: "u", recipient: { phone: "600 123 478" } }, "recipient.phone"],
      ["phone without +", { subject: "u", recipient: { phone: "34600123478" } }, "recipient.phone"],
      [
        "bad locale",
        { subject: "u", recipient: { ...ANA, locale: "english!" } },
        "recipient.locale",
      ],
      [
        "long name",
        { subject: "u", recipient: { ...ANA, name: "n".repeat(101) } },
        "recipient.name",
      ],
      [
        "unknown recipient field",
        { subject: "u", recipient: { ...ANA, fax: "1" } },
        "recipient",
        /fax/,
      ],
      ["unknown field", { subject: "u", recipient: ANA, admin: true }, "body", /admin/],
      ["bad purpose", { subject: "u", purpose: "log in", recipient: ANA }, "purpose"],
      ["bad channel", { subject: "u", recipient: ANA, channel: "sms" }, "channel"],
      [
        "javascript: returnUrl",
        { subject: "u", recipient: ANA, returnUrl: "javascript:alert(1)" },
        "returnUrl",
      ],
      [
        "long idempotency key",
        { subject: "u", recipient: ANA, idempotencyKey: "k".repeat(201) },
        "idempotencyKey",
      ],
    ];
    for (const [name, body, field, message] of cases) {
      const res = await s.api(V, { body });
      expect(res.status, name).toBe(400);
      const { error } = await json<ApiError>(res);
      expect(error.code, name).toBe("VALIDATION_FAILED");
      expect(error.field, name).toBe(field);
      expect(error.message, name).toMatch(message ?? new RegExp(`^${field.replace(".", "\\.")}: `));
    }
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    for (const [name, body, field] of [
      ["no code", {}, "code"],
      ["numeric code", { code: 123456 }, "code"],
      ["long code", { code: "1".repeat(65) }, "code"],
      ["extra field", { code: "123456", subject: "someone-else" }, "body"],
    ] as const) {
      const res = await s.api(`${V}/${v.id}/check`, { body });
      expect(res.status, name).toBe(400);
      expect((await json<ApiError>(res)).error, name).toMatchObject({
        code: "VALIDATION_FAILED",
        field,
      });
    }
    // None of these counted as an attempt.
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({ attemptsRemaining: 3 });
  });

  it("takes a code up to MAX_CODE_INPUT characters (the engine's longest, spaced out), 400 beyond", async () => {
    // The engine's longest code with two separators after each symbol.
    expect(MAX_CODE_INPUT).toBe(OTP_LIMITS.codeLength[1] * 3);
    expect(MAX_CODE_INPUT).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    const spaced = code.split("").join(" - "); // "1 - 2 - 3 - 4 - 5 - 6"
    const over = `${spaced}${" ".repeat(MAX_CODE_INPUT + 1 - spaced.length)}`;
    const res = await s.api(`${V}/${v.id}/check`, { body: { code: over } });
    expect(res.status).toBe(400);
    expect((await json<ApiError>(res)).error).toMatchObject({
      code: "VALIDATION_FAILED",
      field: "code",
      message: `code: Too big: expected string to have <=${MAX_CODE_INPUT} characters`,
    });
    // Refused at the edge: nothing was counted.
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({ attemptsRemaining: 3 });
    expect(await check(s, v.id, over.slice(0, MAX_CODE_INPUT))).toEqual({ status: "verified" });
  });

  it("the hosted page takes the same longest code as the API (MAX_CODE_INPUT)", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const page = await (await s.app.request(`/verify/${v.id}`)).text();
    expect(/<input[^>]*name="code"[^>]*>/.exec(page)?.[0]).toContain(
      `maxlength="${MAX_CODE_INPUT}"`,
    );
  });

  it("a recipient a channel refuses is 422, not a delivery failure", async () => {
    const s = await start();
    for (const [recipient, field] of [
      [{ email: `${"a".repeat(65)}@example.com` }, "recipient.email"],
      [{ ...ANA, name: "Ana\r\nBcc: victim@example.com" }, "recipient.name"],
      [{ ...ANA, name: "Ana\u0007" }, "recipient.name"],
    ] as const) {
      const res = await s.api(V, { body: { subject: "user-1", recipient } });
      expect(res.status, JSON.stringify(recipient)).toBe(422);
      expect((await json<ApiError>(res)).error).toMatchObject({ code: "RECIPIENT_INVALID", field });
    }
    // Nothing was sent, and the cooldown was lifted: a corrected request goes through at once.
    expect(await emails(s.rt)).toEqual([]);
    await issue(s, { subject: "user-1", recipient: ANA });
  });

  it("422 NO_CHANNEL for a recipient without an address", async () => {
    const s = await start();
    for (const recipient of [{}, { name: "Ana" }, { locale: "es" }]) {
      const res = await s.api(V, { body: { subject: "user-1", recipient } });
      expect(res.status).toBe(422);
      expect((await json<ApiError>(res)).error.code).toBe("NO_CHANNEL");
    }
  });

  it("422 NO_CHANNEL for an explicit channel the recipient has no address for, both ways", async () => {
    const s = await start();
    for (const [channel, recipient] of [
      ["whatsapp", { email: "ana@example.com" }],
      ["email", { phone: "+34600123478" }],
    ] as const) {
      const res = await s.api(V, { body: { subject: "user-1", recipient, channel } });
      expect(res.status, channel).toBe(422);
      expect((await json<ApiError>(res)).error.code).toBe("NO_CHANNEL");
    }
    expect(await emails(s.rt)).toEqual([]);
    expect(whatsappMessages(s.rt)).toHaveLength(0);
  });

  it("413 for a body over API_BODY_LIMIT_BYTES", async () => {
    const s = await start({ API_BODY_LIMIT_BYTES: "1024" });
    const body = JSON.stringify({ subject: "x".repeat(2000), recipient: ANA });
    const res = await s.api(V, { body });
    expect(res.status).toBe(413);
    expect((await json<ApiError>(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Also without a Content-Length (a stream), and on the check route.
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(512)));
        controller.enqueue(new TextEncoder().encode('{"code":"123456"}'));
        controller.close();
      },
    });
    const streamed = await s.app.request(`${V}/${v.id}/check`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({ attemptsRemaining: 3 });
  });

  it("404 for an unknown id and for another key's verification, with the same body", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    const other = await s.rt.apiKeys.create("another service");
    const as = (token: string, path: string, method: string, body?: unknown) =>
      s.app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const unknownIds = ["AAAAAAAAAAAAAAAAAAAAAA", "nope", "../../etc/passwd", "%00", `${v.id}x`];
    const expected = { error: { code: "NOT_FOUND", message: "No such verification" } };
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["POST", "/check", { code }],
      ["DELETE", "", undefined],
    ] as const) {
      const foreign = await as(other.token, `${V}/${v.id}${suffix}`, method, body);
      expect(foreign.status, `${method} foreign`).toBe(404);
      expect(await foreign.json()).toEqual(expected);
      for (const id of unknownIds) {
        const res = await as(s.token, `${V}/${encodeURIComponent(id)}${suffix}`, method, body);
        expect(res.status, `${method} ${id}`).toBe(404);
        expect(await res.json()).toEqual(expected);
      }
    }
    // The other key's attempts did nothing: the owner still verifies.
    expect(await check(s, v.id, code)).toEqual({ status: "verified" });
  });

  it("unknown routes under /api are 404 JSON", async () => {
    const s = await start();
    for (const [method, path] of [
      ["GET", "/api/v1/nothing"],
      ["GET", "/api/v2/verifications"],
      ["GET", "/api/"],
      ["PUT", `${V}/AAAAAAAAAAAAAAAAAAAAAA`],
      ["GET", V],
    ] as const) {
      const res = await s.api(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await json<ApiError>(res)).error.code).toBe("NOT_FOUND");
    }
  });

  const deep = (depth: number, open: string, close: string) =>
    `${open.repeat(depth)}${close.repeat(depth)}`;
  const hostile: Array<[string, string]> = [
    ["array", "[]"],
    ["array of objects", JSON.stringify([{ subject: "u", recipient: ANA }])],
    ["null", "null"],
    ["number", "42"],
    ["negative zero", "-0"],
    ["huge number", "1e999999"],
    ["string", '"subject"'],
    ["boolean", "true"],
    ["empty object", "{}"],
    ["deep arrays", deep(4000, "[", "]")],
    ["deep objects", `${'{"a":'.repeat(2000)}1${"}".repeat(2000)}`],
    [
      "deep recipient",
      JSON.stringify({
        subject: "u",
        recipient: JSON.parse(`${'{"a":'.repeat(500)}1${"}".repeat(500)}`),
      }),
    ],
    ["huge string", JSON.stringify({ subject: "x".repeat(15_000), recipient: ANA })],
    [
      "huge email",
      JSON.stringify({ subject: "u", recipient: { email: `${"a".repeat(10_000)}@example.com` } }),
    ],
    ["huge code", JSON.stringify({ code: "1".repeat(15_000) })],
    [
      "proto pollution",
      '{"__proto__":{"admin":true},"subject":"u","recipient":{"email":"ana@example.com"}}',
    ],
    ["proto in recipient", '{"subject":"u","recipient":{"__proto__":{"email":"x@evil.example"}}}'],
    [
      "constructor pollution",
      '{"constructor":{"prototype":{"admin":true}},"subject":"u","recipient":{"email":"ana@example.com"}}',
    ],
    ["duplicate keys", '{"subject":"a","subject":"b","recipient":{"email":"ana@example.com"}}'],
    ["null fields", '{"subject":null,"recipient":null,"purpose":null}'],
    ["wrong types", '{"subject":["u"],"recipient":{"email":["ana@example.com"]},"channel":{}}'],
    ["control characters", JSON.stringify({ subject: "u\u0000\u202e\ud800", recipient: ANA })],
    ["lone surrogate code", JSON.stringify({ code: "\ud800\udfff\ud800" })],
    ["unicode digits", JSON.stringify({ code: "١٢٣٤٥٦" })],
    ["bom", `\ufeff${JSON.stringify({ subject: "u", recipient: ANA })}`],
    ["nested code", '{"code":{"$gt":""}}'],
    ["code array", '{"code":["123456"]}'],
  ];

  it.each(hostile)("hostile body (%s) never gets a 5xx", async (_name, text) => {
    const s = await start({ OTP_RESEND_COOLDOWN_SECONDS: "0", OTP_MAX_SENDS_PER_HOUR: "1000" });
    const v = await issue(s, { subject: "target", recipient: ANA });
    for (const path of [V, `${V}/${v.id}/check`]) {
      const res = await s.api(path, { body: text });
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
    expect(({} as Record<string, unknown>)["admin"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("admin");
  });
});

describe("API keys are separate tenants", () => {
  it("one key cannot replace, lock or read another key's subject of the same name", async () => {
    const s = await start({ OTP_LOCKOUT_MAX_FAILURES: "2" });
    const other = await s.rt.apiKeys.create("another service");
    const asOther = (path: string, body?: unknown) =>
      s.app.request(path, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${other.token}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const mine = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");

    // The other service issues for its own "user-1" and burns its whole budget on it.
    const res = await asOther(V, { subject: "user-1", recipient: { email: "bob@example.com" } });
    expect(res.status).toBe(201);
    const theirs = (await res.json()) as Started;
    for (let i = 0; i < 2; i++) await asOther(`${V}/${theirs.id}/check`, { code: "000000" });
    const locked = (await (
      await asOther(`${V}/${theirs.id}/check`, { code: "000000" })
    ).json()) as Outcome;
    expect(locked.status).toBe("locked");

    // Its audit query for "user-1" shows only its own events, and none of mine.
    const audit = (await (await asOther("/api/v1/audit?subject=user-1")).json()) as {
      events: Array<{ subject: string; destination?: string }>;
    };
    expect(audit.events.length).toBeGreaterThan(0);
    expect(audit.events.every((e) => e.subject === "user-1")).toBe(true);
    expect(JSON.stringify(audit)).not.toContain("a***@example.com");

    // Nor can I unlock its "user-1": my unlock is about my own user-1, which is not locked.
    const unlock = await s.api("/api/v1/subjects/unlock", { body: { subject: "user-1" } });
    expect(await json<{ unlocked: boolean }>(unlock)).toMatchObject({ unlocked: false });
    const still = (await (
      await asOther(`${V}/${theirs.id}/check`, { code: "000000" })
    ).json()) as Outcome;
    expect(still.status).toBe("locked");

    // My user was neither replaced nor locked.
    expect(await check(s, mine.id, code)).toMatchObject({ status: "verified" });
  });
});

describe("malformed input", () => {
  it("is answered malformed with what a code looks like, and spends nothing", async () => {
    const s = await start();
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    for (const input of ["12345", "1234567", "abcdef", "12 34 5", "١٢٣٤٥٦"]) {
      expect(await check(s, v.id, input), input).toEqual({
        status: "malformed",
        expected: { length: 6, alphabet: "numeric" },
      });
    }
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      attemptsRemaining: 3,
      active: true,
    });
    const { events } = await json<{ events: AuditEvent[] }>(
      await s.api("/api/v1/audit?subject=user-1"),
    );
    expect(events.map((e) => e.type)).toEqual(["delivered", "issued"]);
    expect(await check(s, v.id, code)).toEqual({ status: "verified" });
  });
});

describe("POST /api/v1/subjects/unlock", () => {
  it("ends a lock that lasts until an operator unlocks, and only that key's subject", async () => {
    const s = await start({ OTP_LOCKOUT_MAX_CONSECUTIVE_FAILURES: "2" });
    const v = await issue(s, { subject: "user-1", recipient: ANA });
    const code = await lastEmailCode(s.rt, "ana@example.com");
    await check(s, v.id, wrongCode(s.rt, code));
    const res = await s.api(`${V}/${v.id}/check`, { body: { code: wrongCode(s.rt, code) } });
    expect(res.status).toBe(200);
    // No end to tell: no Retry-After, and null where the time would be.
    expect(res.headers.get("retry-after")).toBeNull();
    const hardLock = { status: "locked", lockedUntil: null, retryAfterSeconds: null };
    expect(await json<Outcome>(res)).toEqual(hardLock);

    // Days later it is still locked: the right code, a new code, the status all say so.
    s.clock.advance(7 * 24 * 3_600_000);
    expect(await check(s, v.id, code)).toEqual(hardLock);
    const refused = await s.api(V, { body: { subject: "user-1", recipient: ANA } });
    expect(refused.status).toBe(423);
    expect(refused.headers.get("retry-after")).toBeNull();
    expect(await json<ApiError>(refused)).toEqual({
      error: {
        code: "LOCKED",
        message: "Too many failed attempts: sign-in is locked until an operator unlocks it",
        details: { lockedUntil: null, retryAfterSeconds: null },
      },
    });
    expect(await json<Shown>(await s.api(`${V}/${v.id}`))).toMatchObject({
      locked: true,
      lockedUntil: null,
      active: false,
    });

    // Another API key's unlock is about its own user-1: mine stays locked.
    const other = await s.rt.apiKeys.create("another service");
    const theirs = await s.app.request("/api/v1/subjects/unlock", {
      method: "POST",
      headers: { authorization: `Bearer ${other.token}`, "content-type": "application/json" },
      body: JSON.stringify({ subject: "user-1" }),
    });
    expect(await json<{ unlocked: boolean }>(theirs)).toMatchObject({ unlocked: false });
    expect((await s.api(V, { body: { subject: "user-1", recipient: ANA } })).status).toBe(423);

    const unlock = await s.api("/api/v1/subjects/unlock", { body: { subject: "user-1" } });
    expect(unlock.status).toBe(200);
    expect(await json(unlock)).toEqual({ subject: "user-1", purpose: "login", unlocked: true });
    // Recorded, and the person is told.
    const { events } = await json<{ events: AuditEvent[] }>(
      await s.api("/api/v1/audit?subject=user-1&limit=2"),
    );
    expect(events.map((e) => [e.type, e.reason])).toContainEqual(["unlocked", "operator"]);
    expect((await emails(s.rt)).map((e) => e.entry.kind)).toContain("unlock");

    const fresh = await issue(s, { subject: "user-1", recipient: ANA });
    expect(await check(s, fresh.id, await lastEmailCode(s.rt, "ana@example.com"))).toEqual({
      status: "verified",
    });
    // Unlocking what is not locked says so.
    const again = await s.api("/api/v1/subjects/unlock", {
      body: { subject: "user-1", purpose: "login" },
    });
    expect(await json(again)).toEqual({ subject: "user-1", purpose: "login", unlocked: false });
  });

  it("validates the body: 400 naming the field", async () => {
    const s = await start();
    for (const [body, field] of [
      [{}, "subject"],
      [{ subject: "" }, "subject"],
      [{ subject: "u", purpose: "no spaces" }, "purpose"],
      [{ subject: "u", extra: 1 }, "body"],
    ] as const) {
      const res = await s.api("/api/v1/subjects/unlock", { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json<ApiError>(res)).error).toMatchObject({ code: "VALIDATION_FAILED", field });
    }
  });
});

describe("idempotency keys are bound to their request (issue 9, finding 1)", () => {
  it("a verified V1's key reused on V2 with a wrong code is 409, never verified", async () => {
    const s = await start();
    const seen: string[] = [];
    s.rt.onVerified((verification) => {
      seen.push(verification.id);
    });
    const v1 = await issue(s, { subject: "user-1", recipient: ANA });
    const code1 = await lastEmailCode(s.rt, "ana@example.com");
    const k = { "Idempotency-Key": "check-k" };
    const first = await s.api(`${V}/${v1.id}/check`, { body: { code: code1 }, headers: k });
    expect(await json<Outcome>(first)).toEqual({ status: "verified" });
    // The same request again is a replay: the same answer, no second completion.
    const replay = await s.api(`${V}/${v1.id}/check`, { body: { code: code1 }, headers: k });
    expect(await json<Outcome>(replay)).toEqual({ status: "verified" });
    expect(seen).toEqual([v1.id]);

    s.clock.advance(30_000);
    const v2 = await issue(s, { subject: "user-1", recipient: ANA });
    const code2 = await lastEmailCode(s.rt, "ana@example.com");
    const attack = await s.api(`${V}/${v2.id}/check`, {
      body: { code: wrongCode(s.rt, code2) },
      headers: k,
    });
    expect(attack.status).toBe(409);
    expect(attack.headers.get("retry-after")).toBeNull();
    expect(await json<ApiError>(attack)).toEqual({
      error: {
        code: "IDEMPOTENCY_CONFLICT",
        message:
          "This idempotency key was already used for a different request; use a new key for a new request",
      },
    });
    // V2 is not verified, its hooks did not run, and the conflict spent none of its attempts.
    expect(seen).toEqual([v1.id]);
    expect(await json<Shown>(await s.api(`${V}/${v2.id}`))).toMatchObject({
      status: "pending",
      active: true,
      attemptsRemaining: 3,
    });
    // The key in the body is the same key.
    const inBody = await s.api(`${V}/${v2.id}/check`, {
      body: { code: wrongCode(s.rt, code2), idempotencyKey: "check-k" },
    });
    expect(inBody.status).toBe(409);
    expect(await check(s, v2.id, code2)).toEqual({ status: "verified" });
    expect(seen).toEqual([v1.id, v2.id]);
  });

  it("a start with a used key and a different recipient is 409, not the first answer", async () => {
    const s = await start();
    const k = { "Idempotency-Key": "start-k" };
    await issue(s, { subject: "user-1", recipient: ANA }, k);
    const res = await s.api(V, {
      body: { subject: "user-1", recipient: { email: "mallory@example.com" } },
      headers: k,
    });
    expect(res.status).toBe(409);
    expect((await json<ApiError>(res)).error.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(await emails(s.rt, "mallory@example.com")).toEqual([]);
  });
});

describe("store failures at the edge", () => {
  it.each(["STORE_FULL", "STORE_CONTENTION", "STORE_UNAVAILABLE"] as const)(
    "%s is 503 with Retry-After, without internals",
    async (code) => {
      const s = await start();
      const v = await issue(s, { subject: "user-1", recipient: ANA });
      // The engine is real everywhere else; here it is made to fail the way a store can.
      const failure = new OtpError(code, "internal detail: store at 10.0.0.7", { source: "redis" });
      vi.spyOn(s.rt.otp, "verify").mockRejectedValueOnce(failure);
      const res = await s.api(`${V}/${v.id}/check`, { body: { code: "123456" } });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      const body = await json<ApiError>(res);
      expect(body).toEqual({
        error: { code, message: "The service could not complete the request" },
      });
    },
  );

  it("an idempotency key still in progress is 409 with Retry-After", async () => {
    const s = await start();
    const busy = new OtpError("IDEMPOTENCY_CONFLICT", "in progress", { retryable: true });
    vi.spyOn(s.rt.otp, "issue").mockRejectedValueOnce(busy);
    const res = await s.api(V, {
      body: { subject: "user-1", recipient: ANA },
      headers: { "Idempotency-Key": "k" },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("retry-after")).toBe("1");
    expect((await json<ApiError>(res)).error.message).toBe(
      "A request with this idempotency key is still in progress; retry shortly",
    );
  });
});
