import type { Otp } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { MINUTE, setup, wrong } from "./support.js";

// otp-core's `retryOnFailure`: a wrong guess sends a fresh code (once the resend cooldown, 30 s by
// default, allows) and answers `invalid` with the fresh code's id. The conversation must follow it.
const RETRY = { retryOnFailure: true } as const;
const SUBJECT = { subject: "default:e-4721", purpose: "conversation" } as const;

function resent(attempts: number): string {
  return attempts === 1
    ? "Incorrect code. We sent you a new code: please enter it. You have 1 attempt remaining."
    : `Incorrect code. We sent you a new code: please enter it. You have ${attempts} attempts remaining.`;
}

describe("with retryOnFailure: a wrong code sends a fresh one", () => {
  it("the fresh code, typed in the conversation, authenticates it", async () => {
    const t = setup({}, RETRY);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const first = t.phoneCode();
    t.advance(MINUTE); // past the resend cooldown: the engine may send a fresh code
    const answer = await t.auth.submit({ conversationId: "c1", text: wrong(first) });
    expect(answer).toEqual({ state: "pending", reply: resent(3) });
    expect(t.whatsapp.sent).toHaveLength(2);
    const fresh = t.phoneCode();
    expect(fresh).not.toBe(first);
    expect(JSON.stringify(answer)).not.toContain(fresh);
    // The session record follows the fresh code; it never holds a code.
    const active = (await t.otp.lookup(SUBJECT)).active;
    const raw = (await t.store.get("conversation-auth:default:c1")) as string;
    expect(JSON.parse(raw)).toMatchObject({ kind: "pending", codeId: active?.codeId });
    expect(raw).not.toContain(fresh);
    expect(await t.auth.submit({ conversationId: "c1", text: `The new code is ${fresh}` })).toEqual(
      { state: "authenticated", reply: "Identity verified." },
    );
  });

  it("keeps following fresh codes, counting down the person's budget, then locks", async () => {
    const t = setup({}, RETRY);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    // otp-core's default budget: 5 failures an hour. Each fresh code has its 3 attempts, capped
    // by what is left of the budget.
    for (const left of [3, 3, 2, 1]) {
      t.advance(MINUTE);
      const code = t.phoneCode();
      expect(await t.auth.submit({ conversationId: "c1", text: wrong(code) })).toEqual({
        state: "pending",
        reply: resent(left),
      });
    }
    t.advance(MINUTE);
    expect((await t.auth.submit({ conversationId: "c1", text: wrong(t.phoneCode()) })).state).toBe(
      "locked",
    );
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("unauthenticated");
  });

  it("the code the fresh one replaced is answered replaced, spends nothing, and the fresh one works", async () => {
    const t = setup({}, RETRY);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const first = t.phoneCode();
    t.advance(MINUTE);
    await t.auth.submit({ conversationId: "c1", text: wrong(first) });
    const fresh = t.phoneCode();
    // The person had not seen the new message yet and types the first code.
    expect(await t.auth.submit({ conversationId: "c1", text: first })).toEqual({
      state: "pending",
      reply: "That code was replaced by a newer one. Please enter the latest code we sent you.",
    });
    expect(t.whatsapp.sent).toHaveLength(2); // `replaced` sends nothing
    expect((await t.otp.lookup(SUBJECT)).active?.attemptsRemaining).toBe(3);
    expect((await t.auth.submit({ conversationId: "c1", text: fresh })).state).toBe(
      "authenticated",
    );
  });

  it("the conversation waits for the fresh code until the fresh code's own expiry", async () => {
    const t = setup({}, RETRY);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    t.advance(4 * MINUTE); // the first code expires at 5 min; the fresh one at 4 + 5 = 9 min
    await t.auth.submit({ conversationId: "c1", text: wrong(t.phoneCode()) });
    t.advance(3 * MINUTE); // 7 min: the first code would have expired
    expect(await t.auth.status({ conversationId: "c1" })).toEqual({
      state: "pending",
      reply: "Please enter the verification code we sent you.",
    });
    expect((await t.auth.submit({ conversationId: "c1", text: t.phoneCode() })).state).toBe(
      "authenticated",
    );
  });

  it("speaks the conversation's language", async () => {
    const t = setup({}, { ...RETRY, lockout: { maxFailures: 2 } });
    await t.auth.start({ conversationId: "c1", identifier: "4721", locale: "es-MX" });
    t.advance(MINUTE);
    expect((await t.auth.submit({ conversationId: "c1", text: wrong(t.phoneCode()) })).reply).toBe(
      "Código incorrecto. Te enviamos un código nuevo: introdúcelo. Te queda 1 intento.",
    );
    expect((await t.auth.submit({ conversationId: "c1", text: t.phoneCode() })).state).toBe(
      "authenticated",
    );
  });

  it("inside the resend cooldown no fresh code goes out, and the first code still counts", async () => {
    const t = setup({}, RETRY);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const first = t.phoneCode();
    expect(await t.auth.submit({ conversationId: "c1", text: wrong(first) })).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 2 attempts remaining.",
    });
    expect(t.whatsapp.sent).toHaveLength(1);
    expect((await t.auth.submit({ conversationId: "c1", text: first })).state).toBe(
      "authenticated",
    );
  });

  it("a fresh code that cannot be delivered is withdrawn: the first code still counts", async () => {
    const t = setup({}, RETRY);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const first = t.phoneCode();
    t.advance(MINUTE);
    t.whatsapp.failNext("permanent");
    expect(await t.auth.submit({ conversationId: "c1", text: wrong(first) })).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 2 attempts remaining.",
    });
    expect((await t.auth.submit({ conversationId: "c1", text: first })).state).toBe(
      "authenticated",
    );
  });

  it("a fresh code the conversation no longer waits for (ended meanwhile) is revoked", async () => {
    let during: (() => Promise<unknown>) | undefined;
    // Runs `during` after the engine answered a check and before the conversation reads the answer.
    const wrap = (otp: Otp): Otp => ({
      ...otp,
      async verify(request) {
        const outcome = await otp.verify(request);
        await during?.();
        return outcome;
      },
    });
    const t = setup({}, RETRY, wrap);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    t.advance(MINUTE);
    during = () => t.auth.end({ conversationId: "c1" });
    const answer = await t.auth.submit({ conversationId: "c1", text: wrong(t.phoneCode()) });
    during = undefined;
    expect(t.whatsapp.sent).toHaveLength(2); // the fresh code went out before the end was seen
    expect((await t.otp.lookup(SUBJECT)).active).toBeNull();
    // The answer is the conversation as it now stands, as for any message with nothing pending.
    expect(answer).toEqual({
      state: "unauthenticated",
      reply:
        "There is no verification in progress. Please tell me your identifier and I will send you a code.",
    });
    expect((await t.auth.submit({ conversationId: "c1", text: t.phoneCode() })).state).toBe(
      "unauthenticated",
    );
  });
});
