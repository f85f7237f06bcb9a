import { isOtpError } from "@otpkit/otp-core";
import { expect, it } from "vitest";
import type { EngineTools } from "./engine-harness.js";
import { MINUTE } from "./engine-harness.js";

/** Delivery: channel choice and fallback, failed deliveries, retry-on-failure messages, returnCode, test recipients, no code in events. Part of {@link describeOtpEngine}. */
export function engineDeliveryTests({ setup, subject, wrong }: EngineTools): void {
  it("delivers by the recipient's data: phone first, e-mail otherwise, or the caller's order", async () => {
    const h = await setup({ resend: { cooldownMs: 0 } });
    const who = subject();
    const both = { email: "ana@example.test", phone: "+34600123478" };
    expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
      channel: "whatsapp",
      destination: "***78",
    });
    expect(await h.otp.issue({ subject: who, recipient: { email: both.email } })).toMatchObject({
      channel: "email",
    });
    expect(await h.otp.issue({ subject: who, recipient: both, channels: ["email"] })).toMatchObject(
      { channel: "email" },
    );
    expect(h.phone.sent).toHaveLength(1);
    expect(h.email.sent).toHaveLength(2);
    await expect(
      h.otp.issue({ subject: who, recipient: { name: "No Address" } }),
    ).rejects.toMatchObject({
      code: "NO_CHANNEL",
    });
  });

  it("falls back on a permanent failure and retries a retryable one", async () => {
    const h = await setup({ resend: { cooldownMs: 0 } });
    const who = subject();
    const both = { email: "ana@example.test", phone: "+34600123478" };
    h.phone.failNext("permanent");
    expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
      channel: "email",
    });
    h.phone.failNext("retryable");
    expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
      channel: "whatsapp",
    });
    const failures = h.of("delivery_failed");
    expect(failures.map((e) => [e.channel, e.retryable])).toEqual([
      ["whatsapp", false],
      ["whatsapp", true],
    ]);
    expect(h.of("delivered")).toHaveLength(2);
    // The code that arrived is the one that verifies.
    expect(await h.otp.verify({ subject: who, code: h.phone.lastCode()! })).toMatchObject({
      status: "verified",
    });
  });

  it("a failed delivery leaves no unusable code and no cooldown behind", async () => {
    const h = await setup();
    const who = subject();
    h.email.failAlways("permanent");
    const error = await h.otp
      .issue({ subject: who, recipient: { email: "ana@example.test" } })
      .catch((e: unknown) => e);
    expect(isOtpError(error) && error.code).toBe("DELIVERY_FAILED");
    expect((await h.otp.lookup({ subject: who })).active).toBeNull();
    // The withdrawn code's trail ends: issued, delivery_failed, revoked (undelivered).
    expect(h.events.map((e) => e.type)).toEqual(["issued", "delivery_failed", "revoked"]);
    expect(h.of("revoked")[0]).toMatchObject({ reason: "undelivered" });
    h.email.failAlways(null);
    // No cooldown was left running by the failed attempt.
    expect(
      await h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } }),
    ).toMatchObject({
      status: "issued",
    });
  });

  it("a resend whose delivery fails gives the previous code back", async () => {
    const h = await setup();
    const who = subject();
    await h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } });
    const first = h.email.lastCode()!;
    h.advance(31_000);
    h.email.failAlways("permanent");
    await expect(
      h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } }),
    ).rejects.toMatchObject({
      code: "DELIVERY_FAILED",
    });
    h.email.failAlways(null);
    expect(await h.otp.verify({ subject: who, code: first })).toMatchObject({
      status: "verified",
    });
    expect(h.of("delivery_failed").every((e) => typeof e.deliveryId === "string")).toBe(true);
  });

  it("waits for a short retry hint from a channel and falls back past a long one", async () => {
    const h = await setup({ resend: { cooldownMs: 0 }, delivery: { maxBackoffMs: 2_000 } });
    const who = subject();
    const both = { email: "ana@example.test", phone: "+34600123478" };
    h.phone.failNext("retryable", { retryAfterMs: 60_000 });
    expect(await h.otp.issue({ subject: who, recipient: both })).toMatchObject({
      channel: "email",
    });
    expect(h.of("delivery_failed")).toHaveLength(1);
  });

  it("with retryOnFailure, a wrong guess sends a fresh code, the lockout and the unlock notice", async () => {
    const h = await setup({
      retryOnFailure: true,
      resend: { cooldownMs: 0 },
      lockout: { maxFailures: 3 },
    });
    const who = subject();
    const to = { phone: "+34600123478", locale: "es" };
    await h.otp.issue({ subject: who, recipient: to });
    const first = h.phone.lastCode()!;
    expect(await h.otp.verify({ subject: who, code: wrong(first) })).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
      resent: true,
      codeId: expect.any(String),
    });
    expect(h.phone.last()?.kind).toBe("retry");
    const second = h.phone.lastCode()!;
    expect(await h.otp.verify({ subject: who, code: wrong(second, first) })).toMatchObject({
      status: "invalid",
      resent: true,
    });
    expect(
      await h.otp.verify({ subject: who, code: wrong(h.phone.lastCode()!, second) }),
    ).toMatchObject({
      status: "locked",
    });
    expect(h.phone.last()).toMatchObject({ kind: "lockout", code: undefined, locale: "es" });
    expect(second).not.toBe(first);
    h.advance(15 * MINUTE);
    // lookup is read-only: it reports the lock over but sends nothing; the next write notices.
    expect((await h.otp.lookup({ subject: who })).lockedUntil).toBeNull();
    expect(h.phone.last()?.kind).toBe("lockout");
    expect(await h.otp.verify({ subject: who, code: first })).toEqual({ status: "not_found" });
    expect(h.phone.last()).toMatchObject({ kind: "unlock", code: undefined });
    expect(await h.otp.issue({ subject: who, recipient: to })).toMatchObject({
      status: "issued",
    });
    expect(h.phone.sent.map((m) => m.kind)).toEqual([
      "code",
      "retry",
      "retry",
      "lockout",
      "unlock",
      "code",
    ]);
    expect(h.of("unlocked")).toHaveLength(1);
  });

  it("a request for a new code that notices the unlock itself sends the code, not a notice first", async () => {
    const h = await setup({ lockout: { maxFailures: 1 } });
    const who = subject();
    const to = { phone: "+34600123478" };
    await h.otp.issue({ subject: who, recipient: to });
    await h.otp.verify({ subject: who, code: wrong(h.phone.lastCode()!) });
    h.advance(15 * MINUTE);
    expect(await h.otp.issue({ subject: who, recipient: to })).toMatchObject({
      status: "issued",
    });
    // Two messages back to back would also trip WhatsApp's per-recipient pacing.
    expect(h.phone.sent.map((m) => m.kind)).toEqual(["code", "lockout", "code"]);
    expect(h.of("unlocked")).toHaveLength(1);
  });

  it("returnCode gives the caller the delivered code only when asked, and never on a replay", async () => {
    const h = await setup();
    const who = subject();
    const to = { email: "ana@example.test" };
    const plain = await h.otp.issue({ subject: who, recipient: to });
    expect(plain).not.toHaveProperty("code");
    h.advance(MINUTE);
    const asked = await h.otp.issue({
      subject: who,
      recipient: to,
      returnCode: true,
      idempotencyKey: "r",
    });
    expect(asked).toMatchObject({ status: "issued", channel: "email", code: h.email.lastCode() });
    const replay = await h.otp.issue({
      subject: who,
      recipient: to,
      returnCode: true,
      idempotencyKey: "r",
    });
    expect(replay).toMatchObject({ status: "issued", replayed: true });
    expect(replay).not.toHaveProperty("code");
    expect(JSON.stringify(h.events)).not.toContain(h.email.lastCode()!);
  });

  it("test recipients get the fixed code, no delivery, and events marked test", async () => {
    const h = await setup({
      testRecipients: {
        code: "246810",
        matches: (r) => r.email?.endsWith("@example.test") === true,
      },
      lockout: { maxFailures: 2 },
    });
    const tester = subject();
    const issued = await h.otp.issue({
      subject: tester,
      recipient: { email: "qa@example.test" },
    });
    expect(issued).toMatchObject({
      status: "issued",
      channel: "test",
      destination: "q***@example.test",
    });
    expect(issued).not.toHaveProperty("code");
    expect(h.email.sent).toHaveLength(0);
    expect(await h.otp.verify({ subject: tester, code: "246810" })).toMatchObject({
      status: "verified",
    });
    // Locks of test recipients send no notices either.
    h.advance(31_000);
    await h.otp.issue({ subject: tester, recipient: { email: "qa@example.test" } });
    await h.otp.verify({ subject: tester, code: "000000" });
    expect(await h.otp.verify({ subject: tester, code: "000000" })).toMatchObject({
      status: "locked",
    });
    expect(h.email.sent).toHaveLength(0);
    expect(h.events.length).toBeGreaterThan(4);
    expect(h.events.every((e) => e.test === true)).toBe(true);
    // Everyone else is untouched.
    const real = subject();
    await h.otp.issue({ subject: real, recipient: { email: "ana@example.com" } });
    expect(h.email.sent).toHaveLength(1);
    expect(h.email.lastCode()).not.toBe("246810");
    expect(h.events.at(-1)?.test).toBeUndefined();
  });

  it("never puts the code into an event", async () => {
    const h = await setup({ code: { alphabet: "alpha", length: 8 } });
    const who = subject();
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      await h.otp.issue({ subject: who, recipient: { email: "ana@example.test" } });
      codes.push(h.email.lastCode()!);
      await h.otp.verify({ subject: who, code: wrong(codes.at(-1)!) });
      h.advance(31_000);
    }
    await h.otp.verify({ subject: who, code: codes.at(-1)! });
    const trail = JSON.stringify(h.events);
    expect(h.events.length).toBeGreaterThan(8);
    for (const code of codes) expect(trail).not.toContain(code);
  });
}
