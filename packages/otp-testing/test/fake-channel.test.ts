import { describe, expect, it } from "vitest";
import type { ChannelHarness, FakeChannelOptions } from "../src/index.js";
import { createFakeChannel, createTestMessage, describeOtpChannel } from "../src/index.js";

/** The fake channel is its own provider: what it recorded is what was delivered. */
function fakeHarness(
  options: FakeChannelOptions,
  recipient: ChannelHarness["recipient"],
): ChannelHarness {
  const channel = createFakeChannel(options);
  return {
    channel,
    recipient,
    failNext: (kind) => channel.failNext(kind),
    hangNext: () => channel.hangNext(),
    delivered: async () =>
      channel.sent.map((message, i) => ({
        messageId: `fake-${i + 1}`,
        raw: JSON.stringify(message),
      })),
  };
}

describeOtpChannel({
  name: "fake (email)",
  create: () => fakeHarness({}, { email: "ada@example.com", name: "Ada" }),
});

describeOtpChannel({
  name: "fake (phone)",
  create: () => fakeHarness({ name: "fake-sms", address: "phone" }, { phone: "+15550100200" }),
});

describe("createFakeChannel", () => {
  const ada = { email: "ada@example.com", phone: "+15550100200" };

  it("defaults to name fake and address email", () => {
    const channel = createFakeChannel();
    expect(channel.name).toBe("fake");
    expect(channel.address).toBe("email");
  });

  it("records copies of accepted messages and finds the last code per address", async () => {
    const channel = createFakeChannel();
    const first = createTestMessage("code", ada, { code: "111111" });
    await channel.send(first);
    await channel.send(createTestMessage("code", { email: "bob@example.com" }, { code: "222222" }));
    await channel.send(createTestMessage("lockout", ada));
    first.code = "mutated";
    expect(channel.sent).toHaveLength(3);
    expect(channel.sent[0]?.code).toBe("111111");
    expect(channel.last()?.kind).toBe("lockout");
    expect(channel.lastCode()).toBe("222222");
    expect(channel.lastCode("ada@example.com")).toBe("111111");
    expect(channel.lastCode("nobody@example.com")).toBeUndefined();
    channel.clear();
    expect(channel.sent).toEqual([]);
    expect(channel.last()).toBeUndefined();
  });

  it("queues failNext and hangNext in order, then recovers", async () => {
    const channel = createFakeChannel();
    channel.failNext("permanent");
    channel.failNext("retryable");
    const message = createTestMessage("code", ada);
    await expect(channel.send(message)).rejects.toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: false,
    });
    await expect(channel.send(message)).rejects.toMatchObject({
      code: "DELIVERY_FAILED",
      retryable: true,
    });
    await expect(channel.send(message)).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(channel.sent).toHaveLength(1);
  });

  it("failAlways fails every send until reset", async () => {
    const channel = createFakeChannel();
    channel.failAlways("retryable");
    const message = createTestMessage("code", ada);
    await expect(channel.send(message)).rejects.toMatchObject({ retryable: true });
    await expect(channel.send(message)).rejects.toMatchObject({ retryable: true });
    channel.failAlways(null);
    await expect(channel.send(message)).resolves.toBeDefined();
  });

  it("rejects with ABORTED when the signal aborts during a send", async () => {
    const channel = createFakeChannel();
    const controller = new AbortController();
    const sending = channel.send(createTestMessage("code", ada), { signal: controller.signal });
    controller.abort();
    await expect(sending).rejects.toMatchObject({
      name: "OtpError",
      code: "ABORTED",
      retryable: false,
      source: "fake",
    });
    expect(channel.sent).toEqual([]);
    // A timeout is retryable, as from every real channel (otp-core's abortedError).
    channel.hangNext();
    await expect(
      channel.send(createTestMessage("code", ada), { signal: AbortSignal.timeout(10) }),
    ).rejects.toMatchObject({
      code: "ABORTED",
      retryable: true,
      details: { reason: "TimeoutError" },
    });
    expect(channel.sent).toEqual([]);
  });
});

describe("createTestMessage", () => {
  it("fills code fields for code and retry, lockedUntil for lockout", () => {
    const before = Date.now();
    const code = createTestMessage("code", { email: "ada@example.com" });
    expect(code).toMatchObject({
      kind: "code",
      to: "ada@example.com",
      locale: "en",
      purpose: "login",
    });
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.ttlMs).toBeGreaterThan(0);
    expect(code.expiresAt).toBeGreaterThanOrEqual(before + (code.ttlMs ?? 0));
    expect(code.deliveryId).not.toBe(
      createTestMessage("code", { email: "ada@example.com" }).deliveryId,
    );
    expect(createTestMessage("retry", { email: "a@example.com" }).code).toMatch(/^\d{6}$/);
    const lockout = createTestMessage("lockout", { email: "a@example.com" });
    expect(lockout.code).toBeUndefined();
    expect(lockout.lockedUntil).toBeGreaterThan(before);
    const unlock = createTestMessage("unlock", { email: "a@example.com" });
    expect(unlock).not.toHaveProperty("code");
    expect(unlock).not.toHaveProperty("lockedUntil");
  });

  it("picks to from the address kind and lets overrides win", () => {
    const both = { email: "ada@example.com", phone: "+15550100200" };
    expect(createTestMessage("code", both).to).toBe("ada@example.com");
    expect(createTestMessage("code", both, { address: "phone" }).to).toBe("+15550100200");
    expect(createTestMessage("code", { phone: "+15550100200" }).to).toBe("+15550100200");
    const custom = createTestMessage("code", both, {
      code: "918273",
      locale: "es-MX",
      to: "x@example.com",
    });
    expect(custom).toMatchObject({ code: "918273", locale: "es-MX", to: "x@example.com" });
    expect(custom).not.toHaveProperty("address");
    expect(() =>
      createTestMessage("code", { email: "ada@example.com" }, { address: "phone" }),
    ).toThrow(expect.objectContaining({ code: "CONFIG_INVALID", field: "recipient.phone" }));
  });
});
