import type { RandomSource } from "@otpkit/otp-core";
import { expect, it } from "vitest";
import type { EngineTools } from "./engine-harness.js";
import { MINUTE, SECRET_A, SECRET_B } from "./engine-harness.js";

/** Codes: shape, input, purposes, attempts, expiry, malformed input, lookup, reveal, revoke, rotation, randomness. Part of {@link describeOtpEngine}. */
export function engineCodesTests({ setup, subject, issueCode, wrong }: EngineTools): void {
  it("issues a code of the policy's shape and verifies it exactly once", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "verified" });
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "not_found" });
    expect(h.of("verified")).toHaveLength(1);
  });

  it("accepts pasted input with spaces, dashes and lower case for letter codes", async () => {
    const h = await setup({ code: { alphabet: "alphanumeric", length: 8 } });
    const who = subject();
    const code = await issueCode(h, who);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
    expect(await h.otp.verify({ subject: who, code: typed })).toMatchObject({
      status: "verified",
    });
  });

  it("keeps purposes apart: a login code does not verify a phone change", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who, "login");
    expect(await h.otp.verify({ subject: who, purpose: "change-phone", code })).toEqual({
      status: "not_found",
    });
    expect(await h.otp.verify({ subject: who, purpose: "login", code })).toMatchObject({
      status: "verified",
    });
  });

  it("counts down attempts; the third wrong guess ends the code", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
    });
    expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
    expect(await h.otp.verify({ subject: who, code: wrong(code) })).toEqual({
      status: "exhausted",
    });
    // Ended means ended: even the right code no longer works, and the answer says why.
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "exhausted" });
    expect(h.of("failed").map((e) => e.attemptsRemaining)).toEqual([2, 1, 0]);
    expect(h.of("exhausted")).toHaveLength(1);
    // A new code starts over (the budget does not: 3 of 5 failures are spent).
    h.advance(MINUTE);
    const next = await issueCode(h, who);
    expect(await h.otp.verify({ subject: who, code: wrong(next) })).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
  });

  it("expires codes at their expiry by the engine's clock (default 10 minutes)", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    h.advance(10 * MINUTE - 1);
    expect((await h.otp.lookup({ subject: who })).active).not.toBeNull();
    h.advance(1);
    // The record outlives the code: the right code after expiry is answered `expired` and the
    // event recorded, on every store, however soon the store would have dropped a code key.
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "expired" });
    expect(h.of("expired")).toHaveLength(1);
    h.advance(5 * MINUTE);
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "expired" });
    expect(h.of("expired")).toHaveLength(1);
    expect(h.of("failed")).toHaveLength(0);
  });

  it("records an expired code as expired when a new one replaces it", async () => {
    const h = await setup();
    const who = subject();
    await issueCode(h, who);
    h.advance(11 * MINUTE);
    await issueCode(h, who);
    expect(h.of("expired")).toHaveLength(1);
    expect(h.of("revoked")).toHaveLength(0);
  });

  it("honours a configured expiry (5 minutes)", async () => {
    const h = await setup({ ttlMs: 5 * MINUTE });
    const who = subject();
    const issued = await h.otp.issue({ subject: who, deliver: false });
    expect(issued).toMatchObject({ status: "issued", expiresAt: h.now() + 5 * MINUTE });
    h.advance(5 * MINUTE);
    expect(await h.otp.verify({ subject: who, code: (issued as { code: string }).code })).toEqual({
      status: "expired",
    });
  });

  it("malformed input spends nothing: wrong length, foreign symbols, empty", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    const malformed = { status: "malformed", expected: { length: 6, alphabet: "numeric" } };
    for (const input of ["", "   ", code.slice(0, 5), `${code}1`, "12a456", "١٢٣٤٥٦"]) {
      expect(await h.otp.verify({ subject: who, code: input }), input).toEqual(malformed);
    }
    expect(h.of("failed")).toHaveLength(0);
    const status = await h.otp.lookup({ subject: who });
    expect(status.active?.attemptsUsed).toBe(0);
    expect(status.failures).toBe(0);
    expect(await h.otp.verify({ subject: who, code })).toMatchObject({ status: "verified" });
  });

  it("lookup is read-only and reports attempts left within the budget", async () => {
    const h = await setup({ lockout: { maxFailures: 4 } });
    const who = subject();
    const first = await issueCode(h, who);
    await h.otp.verify({ subject: who, code: wrong(first) });
    await h.otp.verify({ subject: who, code: wrong(first) });
    h.advance(MINUTE);
    const second = await issueCode(h, who);
    // The code has 3 attempts, the budget only 2 more failures: the lower one is what is left.
    expect((await h.otp.lookup({ subject: who })).active).toMatchObject({
      attemptsUsed: 0,
      attemptsRemaining: 2,
    });
    await h.otp.verify({ subject: who, code: wrong(second) });
    expect(await h.otp.verify({ subject: who, code: wrong(second) })).toMatchObject({
      status: "locked",
    });
    const before = h.events.length;
    h.advance(15 * MINUTE);
    // The lock is over, but looking at it changes nothing: no event, no notice, no write.
    const status = await h.otp.lookup({ subject: who });
    expect(status).toMatchObject({ locked: false, lockedUntil: null, failures: 0 });
    expect(h.events.length).toBe(before);
    expect(await h.otp.lookup({ subject: who })).toEqual(status);
    // The next write notices the unlock, once.
    await issueCode(h, who);
    expect(h.of("unlocked")).toHaveLength(1);
  });

  it("reports the active code: expiry, attempts, channel, masked destination", async () => {
    const h = await setup();
    const who = subject();
    const issued = await h.otp.issue({
      subject: who,
      recipient: { email: "jane.doe@example.com" },
    });
    expect(issued).toMatchObject({
      status: "issued",
      channel: "email",
      destination: "j***@example.com",
    });
    const code = h.email.lastCode()!;
    await h.otp.verify({ subject: who, code: wrong(code) });
    const status = await h.otp.lookup({ subject: who, reveal: true });
    expect(status.active).toMatchObject({
      expiresAt: h.now() + 10 * MINUTE,
      attemptsUsed: 1,
      attemptsRemaining: 2,
      maxAttempts: 3,
      channel: "email",
      destination: "j***@example.com",
    });
    // Hash storage cannot give the code back, even when asked.
    expect(status.active?.code).toBeUndefined();
  });

  it("in encrypted storage, reveals the active code to an authorised caller only when asked", async () => {
    const h = await setup({ storage: "encrypted" });
    const who = subject();
    const code = await issueCode(h, who);
    expect((await h.otp.lookup({ subject: who })).active?.code).toBeUndefined();
    expect((await h.otp.lookup({ subject: who, reveal: true })).active?.code).toBe(code);
    // A replayed `deliver: false` issue gets its code back from the sealed copy.
    h.advance(31_000);
    const again = await h.otp.issue({ subject: who, deliver: false, idempotencyKey: "x" });
    h.advance(31_000);
    const replay = await h.otp.issue({ subject: who, deliver: false, idempotencyKey: "x" });
    expect(replay).toMatchObject({ replayed: true, code: (again as { code: string }).code });
  });

  it("a check or revoke meant for a replaced code touches nothing", async () => {
    const h = await setup();
    const who = subject();
    const first = await h.otp.issue({ subject: who, deliver: false });
    h.advance(31_000);
    const second = await h.otp.issue({ subject: who, deliver: false });
    type Issued = { codeId: string; code: string };
    const [a, b] = [first, second] as [Issued, Issued];
    // The old form submits the NEW code: still refused, and no attempt is counted.
    expect(await h.otp.verify({ subject: who, code: b.code, codeId: a.codeId })).toEqual({
      status: "not_found",
    });
    expect(await h.otp.revoke({ subject: who, codeId: a.codeId })).toBe(false);
    const status = await h.otp.lookup({ subject: who });
    expect(status).toMatchObject({ failures: 0, active: { codeId: b.codeId, attemptsUsed: 0 } });
    expect(await h.otp.verify({ subject: who, code: b.code, codeId: b.codeId })).toMatchObject({
      status: "verified",
    });
  });

  it("revokes the active code", async () => {
    const h = await setup();
    const who = subject();
    const code = await issueCode(h, who);
    expect(await h.otp.revoke({ subject: who })).toBe(true);
    expect(await h.otp.verify({ subject: who, code })).toEqual({ status: "not_found" });
    expect(await h.otp.revoke({ subject: who })).toBe(false);
    expect(h.of("revoked")).toHaveLength(1);
  });

  it("a code issued under an old secret still verifies after rotation", async () => {
    const h = await setup({ secrets: [SECRET_A] });
    const who = subject();
    const code = await issueCode(h, who);
    const rotated = await setup({ secrets: [SECRET_B, SECRET_A], now: h.now }, h.store);
    expect(await rotated.otp.verify({ subject: who, code })).toMatchObject({
      status: "verified",
    });
    // Remove the old secret too early and its codes can no longer be checked: a clear error.
    const newCode = await issueCode(h, `${who}-2`);
    const dropped = await setup({ secrets: [SECRET_B], now: h.now }, h.store);
    await expect(dropped.otp.verify({ subject: `${who}-2`, code: newCode })).rejects.toMatchObject({
      code: "SECRET_UNKNOWN",
    });
  });

  it("uses the injected randomness, so tests can be deterministic", async () => {
    let counter = 0;
    const random: RandomSource = (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = (counter++ * 7) % 250;
      return bytes;
    };
    const a = await setup({ random });
    counter = 0;
    const codeA = await issueCode(a, subject());
    counter = 0;
    const b = await setup({ random });
    const codeB = await issueCode(b, subject());
    expect(codeA).toBe(codeB);
  });
}
