import { describe, expect, it } from "vitest";
import type { OtpChannel, OtpMessage } from "../src/index.js";
import { createMemoryStore, createOtp, OtpError } from "../src/index.js";

// A caller that names its channels gets those and no other (issue 13, finding 3: an explicit
// WhatsApp request with only an e-mail address was sent by e-mail, and the reverse).

function channel(name: string, address: "email" | "phone", fail = false) {
  const sent: OtpMessage[] = [];
  const ch: OtpChannel = {
    name,
    address,
    send: async (message) => {
      if (fail) throw new OtpError("DELIVERY_FAILED", `${name} refused`, { source: name });
      sent.push(message);
      return { messageId: `${name}-${sent.length}` };
    },
  };
  return { ch, sent };
}

function engine(failEmail = false) {
  const email = channel("email", "email", failEmail);
  const whatsapp = channel("whatsapp", "phone");
  const otp = createOtp({
    store: createMemoryStore(),
    secrets: [{ id: "k1", key: "channels-test-secret-0123456789abcdef0123" }],
    namingKey: "channels-test-naming-key-0123456789abcdef",
    channels: [whatsapp.ch, email.ch],
    resend: { cooldownMs: 0 },
    delivery: { attempts: 1, backoffMs: 0 },
    scheduleUnlocks: false,
  });
  return { otp, email, whatsapp };
}

describe("named channels", () => {
  it("refuses a named channel that cannot reach the recipient (NO_CHANNEL), both ways", async () => {
    const { otp, email, whatsapp } = engine();
    await expect(
      otp.issue({ subject: "a", recipient: { email: "ana@example.test" }, channels: ["whatsapp"] }),
    ).rejects.toMatchObject({ code: "NO_CHANNEL" });
    await expect(
      otp.issue({ subject: "b", recipient: { phone: "+34600123478" }, channels: ["email"] }),
    ).rejects.toMatchObject({ code: "NO_CHANNEL" });
    expect(email.sent).toHaveLength(0);
    expect(whatsapp.sent).toHaveLength(0);
  });

  it("does not fall back to a channel nobody named when the named one fails", async () => {
    const { otp, whatsapp } = engine(true);
    const both = { email: "ana@example.test", phone: "+34600123478" };
    await expect(
      otp.issue({ subject: "c", recipient: both, channels: ["email"] }),
    ).rejects.toMatchObject({ code: "DELIVERY_FAILED" });
    expect(whatsapp.sent).toHaveLength(0);
  });

  it("falls back between the channels it was given, and by default between all", async () => {
    const { otp, email, whatsapp } = engine(true);
    const both = { email: "ana@example.test", phone: "+34600123478" };
    expect(
      await otp.issue({ subject: "d", recipient: both, channels: ["email", "whatsapp"] }),
    ).toMatchObject({ status: "issued", channel: "whatsapp" });
    expect(await otp.issue({ subject: "e", recipient: both })).toMatchObject({
      channel: "whatsapp",
    });
    expect(email.sent).toHaveLength(0);
    expect(whatsapp.sent).toHaveLength(2);
  });
});
