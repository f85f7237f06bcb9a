import { isOtpError } from "@otpkit/otp-core";
import { expect, it } from "vitest";
import type { EngineTools } from "./engine-harness.js";
import { MINUTE } from "./engine-harness.js";

/** Limits: the failure budget across resends, locks and the consecutive cap, throttling, idempotency, single use under concurrency. Part of {@link describeOtpEngine}. */
export function engineLimitsTests({ setup, subject, issueCode, wrong }: EngineTools): void {
  it("a resend invalidates the old code but does not reset the failure budget", async () => {
    const h = await setup();
    const who = subject();
    const first = await issueCode(h, who);
    for (let i = 0; i < 2; i++) await h.otp.verify({ subject: who, code: wrong(first) });
    h.advance(31_000);
    const second = await issueCode(h, who);
    expect(h.of("revoked").map((e) => e.reason)).toEqual(["replaced"]);
    // The old code is dead: typing it verifies nothing (and, being no guess, spends nothing).
    expect(await h.otp.verify({ subject: who, code: first })).toMatchObject({
      status: "replaced",
      attemptsRemaining: 3,
    });
    expect(await h.otp.verify({ subject: who, code: wrong(second, first) })).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
    });
    expect(await h.otp.verify({ subject: who, code: wrong(second, first) })).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
    expect((await h.otp.lookup({ subject: who })).failures).toBe(4);
    // 5th failure of the budget: locked, although the new code had an attempt left.
    const locked = await h.otp.verify({ subject: who, code: wrong(second, first) });
    expect(locked).toEqual({
      status: "locked",
      lockedUntil: h.now() + 15 * MINUTE,
      retryAfterMs: 15 * MINUTE,
    });
    expect(h.of("locked")).toHaveLength(1);
  });

  it("while locked, nothing is issued and even the right code is refused; then it unlocks once", async () => {
    const h = await setup({ lockout: { maxFailures: 2, durationMs: 15 * MINUTE } });
    const who = subject();
    const code = await issueCode(h, who);
    await h.otp.verify({ subject: who, code: wrong(code) });
    const locked = await h.otp.verify({ subject: who, code: wrong(code) });
    expect(locked.status).toBe("locked");
    h.advance(60_000);
    expect(await h.otp.verify({ subject: who, code })).toMatchObject({
      status: "locked",
      retryAfterMs: 14 * MINUTE,
    });
    expect(await h.otp.issue({ subject: who, deliver: false })).toMatchObject({
      status: "locked",
    });
    expect((await h.otp.lookup({ subject: who })).lockedUntil).toBe(h.now() + 14 * MINUTE);

    h.advance(14 * MINUTE);
    // The lock ended the code that was active when it started.
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "not_found" });
    expect(h.of("unlocked")).toHaveLength(1);
    const after = await h.otp.lookup({ subject: who });
    expect(after).toMatchObject({ lockedUntil: null, failures: 0 });
    const fresh = await issueCode(h, who);
    expect(await h.otp.verify({ subject: who, code: fresh })).toMatchObject({
      status: "verified",
    });
    expect(h.of("unlocked")).toHaveLength(1);
  });

  it("a success clears the failure count", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    await h.otp.verify({ subject: who, code: wrong(code) });
    await h.otp.verify({ subject: who, code });
    expect((await h.otp.lookup({ subject: who })).failures).toBe(0);
  });

  it("locks grow with repeated lockouts; at the consecutive cap only an operator unlocks", async () => {
    const h = await setup({
      lockout: { maxFailures: 2, durationMs: 10 * MINUTE, maxConsecutiveFailures: 6 },
      resend: { cooldownMs: 0 },
    });
    const who = subject();
    const durations: Array<number | null> = [];
    for (let lock = 0; lock < 3; lock++) {
      const code = await issueCode(h, who);
      await h.otp.verify({ subject: who, code: wrong(code) });
      const locked = await h.otp.verify({ subject: who, code: wrong(code) });
      if (locked.status !== "locked") throw new Error(`expected locked, got ${locked.status}`);
      durations.push(locked.retryAfterMs);
      if (locked.lockedUntil !== null) h.advance(locked.lockedUntil - h.now());
    }
    // 10 min, then doubled; the 6th consecutive failure is the cap: no end at all.
    expect(durations).toEqual([10 * MINUTE, 20 * MINUTE, null]);
    expect(h.of("locked").map((e) => e.reason)).toEqual(["budget", "budget", "consecutive"]);
    h.advance(30 * 24 * 60 * MINUTE);
    expect(await h.otp.issue({ subject: who, deliver: false })).toEqual({
      status: "locked",
      lockedUntil: null,
      retryAfterMs: null,
    });
    expect(await h.otp.lookup({ subject: who })).toMatchObject({
      locked: true,
      lockedUntil: null,
      consecutiveFailures: 6,
    });
    expect(await h.otp.unlock({ subject: who })).toBe(true);
    expect(h.of("unlocked").at(-1)).toMatchObject({ reason: "operator" });
    expect(await h.otp.lookup({ subject: who })).toMatchObject({
      locked: false,
      failures: 0,
      consecutiveFailures: 0,
    });
    const code = await issueCode(h, who);
    expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "verified" });
    expect(await h.otp.unlock({ subject: who })).toBe(false);
  });

  it("attempts left never promise more than the consecutive-failure cap allows", async () => {
    const h = await setup({ lockout: { maxFailures: 5, maxConsecutiveFailures: 2 } });
    const who = subject();
    const code = await issueCode(h, who);
    expect((await h.otp.lookup({ subject: who })).active?.attemptsRemaining).toBe(2);
    // The code has 2 attempts left and the budget 4, but the cap only 1: say 1.
    expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
    expect((await h.otp.lookup({ subject: who })).active?.attemptsRemaining).toBe(1);
    expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
      status: "locked",
      lockedUntil: null,
      retryAfterMs: null,
    });
  });

  it("only a success clears consecutive failures: a slow, steady guesser is still capped", async () => {
    const h = await setup({
      lockout: { maxFailures: 5, windowMs: 60 * MINUTE, maxConsecutiveFailures: 20 },
      resend: { cooldownMs: 0, maxSends: 1000 },
    });
    const who = subject();
    // 4 guesses an hour never fill a 5-per-hour budget; a week of it is 672 guesses.
    for (let hour = 0; hour < 7 * 24; hour++) {
      const code = await issueCode(h, who).catch(() => null);
      for (let i = 0; i < 4; i++) {
        await h.otp.verify({ subject: who, code: wrong(code ?? "000000") });
      }
      h.advance(60 * MINUTE);
    }
    // Every evaluated wrong guess is a `failed` event: the cap stopped them at 20.
    expect(h.of("failed")).toHaveLength(20);
    expect(h.of("locked")).toHaveLength(1);
    expect(h.of("locked")[0]).toMatchObject({ reason: "consecutive" });
  });

  it("an idempotency key reused for another request is a conflict, never the stored answer", async () => {
    const h = await setup({ resend: { cooldownMs: 0 } });
    const who = subject();
    const first = await h.otp.issue({ subject: who, deliver: false });
    if (first.status !== "issued") throw new Error(first.status);
    expect(
      await h.otp.verify({
        subject: who,
        code: first.code!,
        codeId: first.codeId,
        idempotencyKey: "k",
      }),
    ).toMatchObject({ status: "verified" });
    const second = await h.otp.issue({ subject: who, deliver: false });
    if (second.status !== "issued") throw new Error(second.status);
    const conflict = await h.otp
      .verify({
        subject: who,
        code: wrong(second.code!),
        codeId: second.codeId,
        idempotencyKey: "k",
      })
      .catch((e: unknown) => e);
    expect(isOtpError(conflict) && [conflict.code, conflict.retryable]).toEqual([
      "IDEMPOTENCY_CONFLICT",
      false,
    ]);
    // Nothing was evaluated for the conflicting request: the second code is untouched.
    expect((await h.otp.lookup({ subject: who })).active).toMatchObject({
      codeId: second.codeId,
      attemptsUsed: 0,
    });
    // The same request again is replayed.
    expect(
      await h.otp.verify({
        subject: who,
        code: first.code!,
        codeId: first.codeId,
        idempotencyKey: "k",
      }),
    ).toEqual({ status: "verified", codeId: first.codeId, replayed: true });
    // issue: a different recipient under a used key is a conflict too.
    await h.otp.issue({
      subject: who,
      recipient: { email: "a@example.test" },
      idempotencyKey: "i",
    });
    const other = await h.otp
      .issue({ subject: who, recipient: { email: "b@example.test" }, idempotencyKey: "i" })
      .catch((e: unknown) => e);
    expect(isOtpError(other) && other.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(h.email.sent).toHaveLength(1);
  });

  it("throttles resends: a cooldown between codes and a cap per window", async () => {
    const h = await setup({ resend: { cooldownMs: 30_000, maxSends: 3, windowMs: 60 * MINUTE } });
    const who = subject();
    await issueCode(h, who);
    expect(await h.otp.issue({ subject: who, deliver: false })).toEqual({
      status: "throttled",
      reason: "cooldown",
      retryAfterMs: 30_000,
    });
    h.advance(30_000);
    await issueCode(h, who);
    h.advance(30_000);
    await issueCode(h, who);
    h.advance(30_000);
    const capped = await h.otp.issue({ subject: who, deliver: false });
    expect(capped).toMatchObject({ status: "throttled", reason: "max_sends" });
    expect((capped as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    h.advance((capped as { retryAfterMs: number }).retryAfterMs);
    expect(await h.otp.issue({ subject: who, deliver: false })).toMatchObject({
      status: "issued",
    });
  });

  it("an idempotency key on issue returns the same outcome, not a second code", async () => {
    const h = await setup();
    const who = subject();
    const recipient = { email: "ana@example.test" };
    const first = await h.otp.issue({ subject: who, recipient, idempotencyKey: "exec-1" });
    const again = await h.otp.issue({ subject: who, recipient, idempotencyKey: "exec-1" });
    expect(first.status).toBe("issued");
    expect(again).toEqual({ ...first, replayed: true });
    expect(h.email.sent).toHaveLength(1);
    expect(h.of("issued")).toHaveLength(1);
  });

  it("an idempotency key on verify makes a retried wrong guess count once", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    const first = await h.otp.verify({
      subject: who,
      code: wrong(code),
      idempotencyKey: "req-9",
    });
    const again = await h.otp.verify({
      subject: who,
      code: wrong(code),
      idempotencyKey: "req-9",
    });
    expect(first).toEqual({ status: "invalid", attemptsRemaining: 2 });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await h.otp.lookup({ subject: who })).active?.attemptsUsed).toBe(1);
  });

  it("many parallel correct submissions give exactly one verified", async () => {
    const h = await setup({ maxAttempts: 20 });
    const who = subject();
    const code = await issueCode(h, who);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => h.otp.verify({ subject: who, code })),
    );
    expect(results.filter((r) => r.status === "verified")).toHaveLength(1);
    expect(h.of("verified")).toHaveLength(1);
    // The others were turned away without a second success. (More submissions in flight than
    // the failure budget count as an attack: some of them may answer "locked".)
    for (const r of results.filter((x) => x.status !== "verified")) {
      expect(["not_found", "exhausted", "locked"]).toContain(r.status);
    }
  });

  it("many parallel wrong guesses are never evaluated more often than the budget, and end locked", async () => {
    const h = await setup({ maxAttempts: 10, lockout: { maxFailures: 5 } });
    const who = subject();
    const code = await issueCode(h, who);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => h.otp.verify({ subject: who, code: wrong(code) })),
    );
    // Each evaluated wrong guess emits exactly one `failed` event.
    expect(h.of("failed").length).toBeLessThanOrEqual(5);
    expect(h.of("failed").length).toBeGreaterThan(0);
    expect(results.some((r) => r.status === "verified")).toBe(false);
    expect(results.filter((r) => r.status === "locked").length).toBeGreaterThan(0);
    expect((await h.otp.lookup({ subject: who })).lockedUntil).not.toBeNull();
    expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "locked" });
  });

  it("many parallel wrong guesses are never evaluated more often than the code's attempts", async () => {
    const h = await setup({ maxAttempts: 3, lockout: { maxFailures: 100 } });
    const who = subject();
    const code = await issueCode(h, who);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => h.otp.verify({ subject: who, code: wrong(code) })),
    );
    expect(h.of("failed")).toHaveLength(3);
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(2);
    expect(results.filter((r) => r.status === "exhausted")).toHaveLength(98);
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "exhausted" });
  });
}
