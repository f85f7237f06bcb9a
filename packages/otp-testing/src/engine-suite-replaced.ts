import { expect, it } from "vitest";
import type { EngineTools } from "./engine-harness.js";
import { MINUTE } from "./engine-harness.js";

/**
 * The code a newer one replaced: typing it (the person reads an older message) answers
 * `replaced` and spends nothing, while it would still have been valid. Run on every store: the
 * record must keep the replaced code through the store. Part of {@link describeOtpEngine}.
 */
export function engineReplacedTests({ setup, subject, wrong }: EngineTools): void {
  const ana = { email: "ana@example.test" };

  it("with retryOnFailure, typing the code the fresh one replaced spends nothing and sends nothing", async () => {
    const h = await setup({ retryOnFailure: true, resend: { cooldownMs: 0 } });
    const who = subject();
    await h.otp.issue({ subject: who, recipient: ana });
    const first = h.email.lastCode()!;
    const retried = await h.otp.verify({ subject: who, code: wrong(first) });
    expect(retried).toMatchObject({ status: "invalid", resent: true, attemptsRemaining: 3 });
    const fresh = h.email.lastCode()!;
    const freshId = (retried as { codeId: string }).codeId;
    const before = await h.otp.lookup({ subject: who });
    const sent = h.email.sent.length;
    const events = h.events.length;

    // The new message has not arrived yet: the person types the first code.
    h.advance(MINUTE);
    expect(await h.otp.verify({ subject: who, code: first })).toEqual({
      status: "replaced",
      codeId: freshId,
      attemptsRemaining: 3,
    });
    // Nothing spent, nothing sent, nothing recorded; the answer is the same the next time.
    expect(await h.otp.lookup({ subject: who })).toEqual(before);
    expect(h.email.sent).toHaveLength(sent);
    expect(h.events).toHaveLength(events);
    expect(await h.otp.verify({ subject: who, code: first, codeId: freshId })).toMatchObject({
      status: "replaced",
    });
    expect(await h.otp.verify({ subject: who, code: fresh, codeId: freshId })).toEqual({
      status: "verified",
      codeId: freshId,
    });
    // Verified: the replaced code is forgotten with it.
    expect(await h.otp.verify({ subject: who, code: first })).toEqual({ status: "not_found" });
  });

  it("after a resend, typing the first code answers replaced; wrong guesses still count", async () => {
    const h = await setup();
    const who = subject();
    await h.otp.issue({ subject: who, recipient: ana });
    const first = h.email.lastCode()!;
    h.advance(31_000);
    const resent = await h.otp.issue({ subject: who, recipient: ana });
    const second = h.email.lastCode()!;
    const codeId = (resent as { codeId: string }).codeId;
    expect(await h.otp.verify({ subject: who, code: wrong(second, first) })).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
    });
    // A wrong guess at the new code does not make the first code a guess.
    expect(await h.otp.verify({ subject: who, code: first })).toEqual({
      status: "replaced",
      codeId,
      attemptsRemaining: 2,
    });
    expect(await h.otp.lookup({ subject: who })).toMatchObject({
      failures: 1,
      consecutiveFailures: 1,
      active: { codeId, attemptsUsed: 1 },
    });
    expect(await h.otp.verify({ subject: who, code: second })).toMatchObject({
      status: "verified",
    });
  });

  it("only the most recent replaced code, and only until its own expiry; then it is a wrong code", async () => {
    const h = await setup({ resend: { cooldownMs: 0 } });
    const who = subject();
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      await h.otp.issue({ subject: who, recipient: ana });
      codes.push(h.email.lastCode()!);
      h.advance(MINUTE);
    }
    const [first, second, third] = codes as [string, string, string];
    // All three are unexpired; the first was replaced twice: it is just a wrong code.
    expect(await h.otp.verify({ subject: who, code: first })).toEqual({
      status: "invalid",
      attemptsRemaining: 2,
    });
    expect(await h.otp.verify({ subject: who, code: second })).toMatchObject({
      status: "replaced",
      attemptsRemaining: 2,
    });
    // The second code expires 10 minutes after it was sent; the third, a minute later.
    h.advance(8 * MINUTE);
    expect(await h.otp.verify({ subject: who, code: second })).toEqual({
      status: "invalid",
      attemptsRemaining: 1,
    });
    expect(await h.otp.verify({ subject: who, code: third })).toMatchObject({
      status: "verified",
    });
  });
}
