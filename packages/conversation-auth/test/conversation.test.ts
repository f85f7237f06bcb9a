import { describe, expect, it } from "vitest";
import { HOUR, MINUTE, setup, wrong } from "./support.js";

const SENT =
  "We sent a verification code to the number ***78 registered in your profile. Please enter the code (expires in 5 minutes).";
const CANCELLED =
  "Incorrect code. For security, the verification process was cancelled. Message me again to restart.";
const EXPIRED = "The code has expired. Please message me again and I will send you a new one.";

describe("seed 004: the pay-stub conversation", () => {
  it("identifies, sends to ***78, verifies: the conversation is authenticated", async () => {
    const t = setup();
    const started = await t.auth.start({ conversationId: "c1", identifier: "4721" });
    expect(started).toEqual({ state: "pending", reply: SENT });
    expect(t.whatsapp.last()?.to).toBe("+14155552678");
    const code = t.phoneCode();
    expect(JSON.stringify(started)).not.toContain(code);
    const verified = await t.auth.submit({ conversationId: "c1", text: `The code is ${code}.` });
    expect(verified).toEqual({ state: "authenticated", reply: "Identity verified." });
    expect(await t.auth.status({ conversationId: "c1" })).toMatchObject({ state: "authenticated" });
    // Single use: the same code again does not authenticate a new verification.
    await t.auth.end({ conversationId: "c1" });
    expect((await t.auth.submit({ conversationId: "c1", text: code })).state).toBe(
      "unauthenticated",
    );
  });

  it("two wrong codes, then the right one", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const code = t.phoneCode();
    expect(await t.auth.submit({ conversationId: "c1", text: wrong(code) })).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 2 attempts remaining.",
    });
    expect(await t.auth.submit({ conversationId: "c1", text: wrong(code, 2) })).toEqual({
      state: "pending",
      reply: "Incorrect code. You have 1 attempt remaining.",
    });
    expect((await t.auth.submit({ conversationId: "c1", text: code })).state).toBe("authenticated");
  });

  it("three wrong codes cancel; messaging again restarts with a new code", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const code = t.phoneCode();
    await t.auth.submit({ conversationId: "c1", text: wrong(code, 1) });
    await t.auth.submit({ conversationId: "c1", text: wrong(code, 2) });
    const third = await t.auth.submit({ conversationId: "c1", text: wrong(code, 3) });
    expect(third).toEqual({ state: "cancelled", reply: CANCELLED });
    // No answer ever carries the code, not even once the process is over.
    expect(JSON.stringify([third, await t.auth.status({ conversationId: "c1" })])).not.toContain(
      code,
    );
    // The right code no longer works: the process is over.
    expect((await t.auth.submit({ conversationId: "c1", text: code })).state).toBe(
      "unauthenticated",
    );
    t.advance(MINUTE); // past otp-core's resend cooldown
    expect(await t.auth.start({ conversationId: "c1", identifier: "4721" })).toEqual({
      state: "pending",
      reply: SENT,
    });
    const fresh = t.phoneCode();
    expect((await t.auth.submit({ conversationId: "c1", text: fresh })).state).toBe(
      "authenticated",
    );
  });

  it("the code of an earlier start, typed after a restart, is answered as replaced: nothing spent", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const first = t.phoneCode();
    t.advance(MINUTE); // past otp-core's resend cooldown
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const second = t.phoneCode();
    // The person answers with the first message's code: no attempt counted, the process goes on.
    expect(await t.auth.submit({ conversationId: "c1", text: first })).toEqual({
      state: "pending",
      reply: "That code was replaced by a newer one. Please enter the latest code we sent you.",
    });
    expect((await t.auth.submit({ conversationId: "c1", text: wrong(second) })).reply).toBe(
      "Incorrect code. You have 2 attempts remaining.",
    );
    expect((await t.auth.submit({ conversationId: "c1", text: second })).state).toBe(
      "authenticated",
    );
  });

  it("a code entered after 5 minutes has expired", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const code = t.phoneCode();
    t.advance(5 * MINUTE + 1);
    expect(await t.auth.submit({ conversationId: "c1", text: code })).toEqual({
      state: "expired",
      reply: EXPIRED,
    });
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("unauthenticated");
  });

  it("a malformed answer gets help and spends no attempt; spaced digits are a code", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    const code = t.phoneCode();
    for (const text of ["hello", "4721", "what code?"]) {
      expect(await t.auth.submit({ conversationId: "c1", text })).toEqual({
        state: "pending",
        reply:
          "That does not look like a verification code. Please enter the 6-digit code we sent you.",
      });
    }
    expect((await t.auth.submit({ conversationId: "c1", text: wrong(code) })).reply).toBe(
      "Incorrect code. You have 2 attempts remaining.",
    );
    const spaced = `my code is ${code.slice(0, 2)} ${code.slice(2, 4)} ${code.slice(4)}`;
    expect((await t.auth.submit({ conversationId: "c1", text: spaced })).state).toBe(
      "authenticated",
    );
  });
});

describe("sessions", () => {
  async function authenticated(options: Parameters<typeof setup>[0] = {}) {
    const t = setup(options);
    await t.auth.start({ conversationId: "c1", identifier: "4721" });
    await t.auth.submit({ conversationId: "c1", text: t.phoneCode() });
    return t;
  }

  it("end after inactivity; activity slides the timeout", async () => {
    const t = await authenticated({ session: { inactivityMs: 30 * MINUTE } });
    t.advance(29 * MINUTE);
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("authenticated");
    t.advance(29 * MINUTE); // 58 min after verification, 29 after the last activity
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("authenticated");
    t.advance(30 * MINUTE);
    expect(await t.auth.status({ conversationId: "c1" })).toEqual({
      state: "session_expired",
      reply: "Your session has expired. Please verify your identity again to continue.",
    });
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("unauthenticated");
  });

  it("end 24 hours after verification however active the conversation is", async () => {
    const t = await authenticated({ session: { inactivityMs: 2 * HOUR } });
    for (let hour = 1; hour < 24; hour++) {
      t.advance(HOUR);
      expect((await t.auth.status({ conversationId: "c1" })).state).toBe("authenticated");
    }
    t.advance(HOUR - 1);
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("authenticated");
    t.advance(1);
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("session_expired");
  });

  it("the store record never outlives the absolute limit by more than the notice time", async () => {
    const t = await authenticated({ session: { inactivityMs: 2 * HOUR, absoluteMs: HOUR } });
    t.advance(59 * MINUTE);
    await t.auth.status({ conversationId: "c1" });
    t.advance(HOUR); // 1 h 59 min: past the limit and the 15-minute notice
    expect(await t.store.get("conversation-auth:default:c1")).toBeNull();
  });

  it("refuses an absolute limit over 24 hours", () => {
    expect(() => setup({ session: { absoluteMs: 25 * HOUR } })).toThrow(/"session.absoluteMs"/);
  });

  it("ends explicitly, and a pending code is revoked with it", async () => {
    const t = await authenticated();
    expect(await t.auth.end({ conversationId: "c1" })).toEqual({
      state: "ended",
      reply: "Your session has ended.",
    });
    expect((await t.auth.status({ conversationId: "c1" })).state).toBe("unauthenticated");
    await t.auth.start({ conversationId: "c2", identifier: "4721" });
    const code = t.phoneCode();
    await t.auth.end({ conversationId: "c2" });
    const status = await t.otp.lookup({ subject: "default:e-4721", purpose: "conversation" });
    expect(status.active).toBeNull();
    t.advance(MINUTE);
    await t.auth.start({ conversationId: "c2", identifier: "4721" });
    expect((await t.auth.submit({ conversationId: "c2", text: code })).state).not.toBe(
      "authenticated",
    );
  });

  it("holds across instances sharing the store (another server process)", async () => {
    const t = await authenticated();
    const { createConversationAuth } = await import("../src/conversation-auth.js");
    const other = createConversationAuth({
      otp: t.otp,
      store: t.store,
      directory: { name: "none", find: async () => null },
      defaultCountry: "US",
      now: t.now,
    });
    expect((await other.status({ conversationId: "c1" })).state).toBe("authenticated");
  });
});

describe("channel choice", () => {
  it("phone only → WhatsApp; e-mail only → e-mail; both → the preference", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "a", identifier: "4721" });
    expect(t.whatsapp.sent).toHaveLength(1);
    const mail = await t.auth.start({ conversationId: "b", identifier: "5100" });
    expect(mail.reply).toBe(
      "We sent a verification code to the email l***@example.com registered in your profile. Please enter the code (expires in 5 minutes).",
    );
    expect(t.email.last()?.to).toBe("luis@example.com");
    await t.auth.start({ conversationId: "c", identifier: "6200" });
    expect(t.whatsapp.last()?.to).toBe("+525512345678");
    expect(t.email.sent).toHaveLength(1);

    const e = setup({ channelPreference: "email" });
    const both = await e.auth.start({ conversationId: "c", identifier: "6200" });
    expect(both.reply).toContain("e***@example.com");
    expect(e.email.last()?.to).toBe("eva@example.com");
    expect(e.whatsapp.sent).toHaveLength(0);
  });

  it("a record with neither says so and sends nothing", async () => {
    const t = setup();
    expect((await t.auth.start({ conversationId: "a", identifier: "7300" })).state).toBe(
      "no_channel",
    );
    expect(t.whatsapp.sent.length + t.email.sent.length).toBe(0);
  });
});

describe("an unknown identifier", () => {
  it("gets the same state and the same follow-up as a known one, and nothing is sent", async () => {
    const t = setup();
    const unknown = await t.auth.start({ conversationId: "u", identifier: "9999" });
    expect(unknown).toEqual({
      state: "pending",
      reply:
        "If the details match a record, we sent a verification code to the contact registered in it. Please enter the code (expires in 5 minutes).",
    });
    expect(t.whatsapp.sent.length + t.email.sent.length).toBe(0);
    await t.auth.start({ conversationId: "k", identifier: "4721" });
    const code = t.phoneCode();
    const follow = async (conversationId: string) => [
      await t.auth.submit({ conversationId, text: "hello" }),
      await t.auth.submit({ conversationId, text: wrong(code, 1) }),
      await t.auth.submit({ conversationId, text: wrong(code, 2) }),
      await t.auth.submit({ conversationId, text: wrong(code, 3) }),
    ];
    expect(await follow("u")).toEqual(await follow("k"));
  });

  it("with hideDestination the start replies are equal too", async () => {
    const t = setup({ hideDestination: true });
    const known = await t.auth.start({ conversationId: "k", identifier: "4721" });
    const unknown = await t.auth.start({ conversationId: "u", identifier: "0000" });
    expect(unknown).toEqual(known);
    expect(t.whatsapp.sent).toHaveLength(1);
  });

  it("expires like a real code", async () => {
    const t = setup();
    await t.auth.start({ conversationId: "u", identifier: "9999" });
    t.advance(5 * MINUTE);
    expect(await t.auth.submit({ conversationId: "u", text: "123456" })).toEqual({
      state: "expired",
      reply: EXPIRED,
    });
  });
});

describe("messages", () => {
  it("speaks Spanish", async () => {
    const t = setup();
    const started = await t.auth.start({
      conversationId: "c",
      identifier: "4721",
      locale: "es-MX",
    });
    expect(started.reply).toBe(
      "Enviamos un código de verificación al número ***78 registrado en tu perfil. Por favor, introduce el código (vence en 5 minutos).",
    );
    expect(t.whatsapp.last()?.recipient.locale).toBe("es-MX");
    const code = t.phoneCode();
    expect((await t.auth.submit({ conversationId: "c", text: wrong(code) })).reply).toBe(
      "Código incorrecto. Te quedan 2 intentos.",
    );
    expect((await t.auth.submit({ conversationId: "c", text: wrong(code, 2) })).reply).toBe(
      "Código incorrecto. Te queda 1 intento.",
    );
    expect((await t.auth.submit({ conversationId: "c", text: wrong(code, 3) })).reply).toBe(
      "Código incorrecto. Por seguridad, se canceló el proceso de verificación. Escríbeme de nuevo para reiniciar.",
    );
  });

  it("takes operator overrides per language, falling back to the built-in text", async () => {
    const t = setup({
      messages: {
        en: { verified: "You're in, {length} digits well typed." },
        es: { codeSentPhone: "Código enviado a {destination} ({minutes} min)." },
      },
    });
    expect(
      (await t.auth.start({ conversationId: "c", identifier: "4721", locale: "es" })).reply,
    ).toBe("Código enviado a ***78 (5 min).");
    await t.auth.start({ conversationId: "d", identifier: "5100" });
    const mail = t.email.lastCode() as string;
    expect(await t.auth.submit({ conversationId: "d", text: mail })).toEqual({
      state: "authenticated",
      reply: "You're in, 6 digits well typed.",
    });
  });
});
