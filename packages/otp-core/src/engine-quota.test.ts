import { describe, expect, it } from "vitest";
import type { OtpChannel, OtpMessage } from "./channel.js";
import { normalizeDestination } from "./destination-quota.js";
import { createOtp } from "./engine.js";
import type { OtpEvent } from "./events.js";
import type { OtpOptions } from "./options.js";
import type { OtpStore } from "./store.js";
import { createMemoryStore } from "./store.js";

// The send quota per destination and the phone-country allow-list, through the engine on the
// memory store: what they cost, what they refuse, and what they never reveal. The shared suite
// (otp-testing's describeOtpQuotas) runs the counting itself against every real store.

const secrets = [{ id: "k1", key: "engine-quota-secret-0123456789abcdef" }];
const namingKey = "engine-quota-naming-key-0123456789abcdef";

interface Recording extends OtpChannel {
  sent: OtpMessage[];
}

function channel(name: string, address: "email" | "phone"): Recording {
  const sent: OtpMessage[] = [];
  return {
    name,
    address,
    sent,
    send: async (m) => {
      sent.push(m);
      return { messageId: `m${sent.length}` };
    },
  };
}

/** A memory store that counts round trips and remembers every key and value written. */
function spyStore() {
  const inner = createMemoryStore();
  const spy = { calls: 0, written: [] as string[] };
  const store: OtpStore = {
    name: "spy",
    get: (key) => {
      spy.calls++;
      return inner.get(key);
    },
    compareAndSet: (key, expected, next, ttl) => {
      spy.calls++;
      spy.written.push(key, next ?? "");
      return inner.compareAndSet(key, expected, next, ttl);
    },
  };
  return { store, spy };
}

function setup(options: Partial<OtpOptions> = {}) {
  const { store, spy } = spyStore();
  const email = channel("email", "email");
  const whatsapp = channel("whatsapp", "phone");
  const events: OtpEvent[] = [];
  let t = Date.UTC(2026, 10, 22, 12);
  const otp = createOtp({
    store,
    secrets,
    namingKey,
    channels: [whatsapp, email],
    events: (e) => {
      events.push(e);
    },
    now: () => t,
    sleep: async () => {},
    scheduleUnlocks: false,
    ...options,
  });
  return { otp, spy, email, whatsapp, events, advance: (ms: number) => (t += ms) };
}

describe("the send quota per destination", () => {
  it("costs one store round trip per delivered issue, and none when off or not delivered", async () => {
    const on = setup();
    await on.otp.issue({ subject: "a", recipient: { email: "ana@example.com" } });
    expect(on.spy.calls).toBe(4); // the destination's read and write, then the subject's
    on.spy.calls = 0;
    await on.otp.issue({ subject: "b", deliver: false, recipient: { email: "ana@example.com" } });
    expect(on.spy.calls).toBe(2);
    const off = setup({ destinationQuota: false });
    await off.otp.issue({ subject: "a", recipient: { email: "ana@example.com" } });
    expect(off.spy.calls).toBe(2);
  });

  it("counts across subjects and purposes, then refuses with its own outcome and event", async () => {
    const h = setup({ destinationQuota: { maxPerHour: 3 } });
    const requests: Array<[string, string]> = [
      ["a", "login"],
      ["b", "login"],
      ["a", "phone-change"],
    ];
    for (const [subject, purpose] of requests) {
      const r = await h.otp.issue({ subject, purpose, recipient: { email: "Ana@Example.com" } });
      expect(r.status).toBe("issued");
    }
    const refused = await h.otp.issue({ subject: "c", recipient: { email: "ana+x@example.com" } });
    expect(refused).toEqual({
      status: "throttled",
      reason: "destination_quota",
      retryAfterMs: 60 * 60_000,
    });
    expect(h.email.sent).toHaveLength(3);
    expect(h.events.at(-1)).toMatchObject({
      type: "quota_exceeded",
      subject: "c",
      purpose: "login",
      destination: "a***@example.com",
      reason: "destination_quota",
    });
    // Subject c was not touched: no code, no throttle spent.
    expect(await h.otp.lookup({ subject: "c" })).toMatchObject({ active: null, nextSendAt: null });
    // Another destination is not affected.
    const other = await h.otp.issue({ subject: "c", recipient: { email: "bob@example.com" } });
    expect(other.status).toBe("issued");
  });

  it("never puts the plain destination into a store key, a stored value or an event", async () => {
    const h = setup({ destinationQuota: { maxPerHour: 1 } });
    await h.otp.issue({ subject: "s1", recipient: { phone: "+15550100078" } });
    await h.otp.issue({ subject: "s2", recipient: { phone: "+15550100078" } });
    const quotaKeys = h.spy.written.filter((k, i) => i % 2 === 0 && k.endsWith(":d"));
    expect(quotaKeys).toHaveLength(1);
    for (const k of quotaKeys) expect(k).toMatch(/^\{[A-Za-z0-9_-]{22}\}:d$/);
    // Only the subject's own record holds the recipient (to resend to it); the quota never.
    const quotaValues = h.spy.written.filter(
      (_, i) => i % 2 === 1 && h.spy.written[i - 1]!.endsWith(":d"),
    );
    for (const v of quotaValues) expect(v).not.toMatch(/5550100078/);
    expect(JSON.stringify(h.events)).not.toMatch(/5550100078/);
    expect(h.events.find((e) => e.type === "quota_exceeded")?.destination).toBe("***78");
  });

  it("gives the count back when the subject's own throttle refuses", async () => {
    const h = setup({ destinationQuota: { maxPerHour: 2 } });
    const to = { email: "ana@example.com" };
    expect((await h.otp.issue({ subject: "a", recipient: to })).status).toBe("issued");
    expect(await h.otp.issue({ subject: "a", recipient: to })).toMatchObject({
      reason: "cooldown",
    });
    expect((await h.otp.issue({ subject: "b", recipient: to })).status).toBe("issued");
    expect(await h.otp.issue({ subject: "c", recipient: to })).toMatchObject({
      reason: "destination_quota",
    });
  });

  it("counts every destination a message may go to, and gives back the others on a refusal", async () => {
    const h = setup({ destinationQuota: { maxPerHour: 1 } });
    await h.otp.issue({ subject: "a", recipient: { email: "ana@example.com" } });
    // Phone first, e-mail as the fallback: the e-mail address is full, so nothing goes.
    const both = { phone: "+34600123478", email: "ana@example.com" };
    expect(await h.otp.issue({ subject: "b", recipient: both })).toMatchObject({
      reason: "destination_quota",
    });
    // The phone's count was given back: it can still be sent to.
    expect((await h.otp.issue({ subject: "b", recipient: { phone: both.phone } })).status).toBe(
      "issued",
    );
  });

  it("does not count test recipients", async () => {
    const h = setup({
      destinationQuota: { maxPerHour: 1 },
      testRecipients: { code: "246810", matches: (r) => r.email === "qa@example.com" },
      resend: { cooldownMs: 0 },
    });
    for (let i = 0; i < 3; i++) {
      const r = await h.otp.issue({ subject: `t${i}`, recipient: { email: "qa@example.com" } });
      expect(r).toMatchObject({ status: "issued", channel: "test" });
    }
  });

  it("counts a fresh code sent after a wrong guess (retryOnFailure), and withholds it past the quota", async () => {
    const h = setup({ destinationQuota: { maxPerHour: 1 }, retryOnFailure: true });
    const issued = await h.otp.issue({ subject: "a", recipient: { email: "ana@example.com" } });
    h.advance(60_000); // past the subject's cooldown: only the destination quota holds it back
    const result = await h.otp.verify({ subject: "a", code: "000000" });
    expect(result).toEqual({ status: "invalid", attemptsRemaining: 2, resent: false });
    expect(h.email.sent).toHaveLength(1);
    expect(h.events.map((e) => e.type)).toContain("quota_exceeded");
    // The code that was sent still works.
    const code = h.email.sent[0]!.code!;
    expect(await h.otp.verify({ subject: "a", code })).toMatchObject({
      status: "verified",
      codeId: (issued as { codeId: string }).codeId,
    });
  });

  it("reads one inbox or number however it is written", () => {
    expect(normalizeDestination(" Ana.Maria+news@Example.COM ")).toBe("ana.maria@example.com");
    expect(normalizeDestination("a.n.a+1@googlemail.com")).toBe("ana@gmail.com");
    expect(normalizeDestination("+34 600-123 478")).toBe("+34600123478");
  });

  it("names the field of a bad quota option", () => {
    const cases: Array<[unknown, string]> = [
      [{ maxPerHour: 0 }, "destinationQuota.maxPerHour"],
      [{ maxPerDay: 100_000 }, "destinationQuota.maxPerDay"],
      [{ maxPerHour: 20, maxPerDay: 10 }, "destinationQuota.maxPerDay"],
      [true, "destinationQuota"],
    ];
    for (const [destinationQuota, field] of cases) {
      expect(() => setup({ destinationQuota } as Partial<OtpOptions>)).toThrow(
        expect.objectContaining({ code: "CONFIG_INVALID", field }),
      );
    }
    // A higher hourly quota alone raises the daily default with it.
    expect(() => setup({ destinationQuota: { maxPerHour: 50 } })).not.toThrow();
  });
});

describe("the phone-country allow-list", () => {
  it("refuses a number of another country with DESTINATION_NOT_ALLOWED naming it", async () => {
    const h = setup({ phoneCountries: ["MX"] });
    await expect(
      h.otp.issue({ subject: "a", recipient: { phone: "+34600123478" } }),
    ).rejects.toMatchObject({
      code: "DESTINATION_NOT_ALLOWED",
      details: { country: "ES", callingCode: "34" },
    });
    // Named explicitly, the phone channel is refused even with an e-mail address at hand.
    await expect(
      h.otp.issue({
        subject: "a",
        recipient: { phone: "+34600123478", email: "ana@example.com" },
        channels: ["whatsapp"],
      }),
    ).rejects.toMatchObject({ code: "DESTINATION_NOT_ALLOWED" });
    expect(h.whatsapp.sent).toHaveLength(0);
    expect(h.spy.calls).toBe(0);
  });

  it("lets e-mail reach the recipient, and sends to listed countries by phone", async () => {
    const h = setup({ phoneCountries: ["MX"] });
    const spain = { phone: "+34600123478", email: "ana@example.com" };
    expect(await h.otp.issue({ subject: "a", recipient: spain })).toMatchObject({
      channel: "email",
    });
    const mexico = await h.otp.issue({ subject: "b", recipient: { phone: "+525512345678" } });
    expect(mexico).toMatchObject({ status: "issued", channel: "whatsapp", destination: "***78" });
    // The caller delivering the code itself is not a send of ours.
    const own = await h.otp.issue({
      subject: "c",
      deliver: false,
      recipient: { phone: "+34600123478" },
    });
    expect(own.status).toBe("issued");
  });

  it("does not stop test recipients, who are sent nothing", async () => {
    const h = setup({
      phoneCountries: ["MX"],
      testRecipients: { code: "246810", matches: (r) => r.phone === "+34600000000" },
    });
    const r = await h.otp.issue({ subject: "qa", recipient: { phone: "+34600000000" } });
    expect(r).toMatchObject({ status: "issued", channel: "test" });
  });
});
