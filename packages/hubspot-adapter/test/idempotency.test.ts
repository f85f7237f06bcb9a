// HubSpot retries workflow requests: the same callbackId must get the first answer, byte for
// byte, and never a second code, whether the retry comes later, at the same time, or to another
// process.
import { OtpError } from "@otpkit/otp-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Harness } from "./harness.js";
import { contactPayload, PORTAL, startHarness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.settings({ email: { enabled: true } });
});
afterEach(async () => {
  await h.close();
});

const issued = () => h.events.filter((e) => e.type === "issued").length;

describe("one answer per callbackId", () => {
  it("a sequential retry gets the first answer and no second code", async () => {
    const id = h.portal.addContact({ properties: { email: "ana@example.com" } });
    const payload = contactPayload(id, {}, { email: "ana@example.com" });
    const first = await (await h.call("generate", payload)).text();
    h.advance(5_000);
    const second = await (await h.call("generate", payload)).text();
    expect(second).toBe(first);
    expect(h.email.sent).toHaveLength(1);
    expect(issued()).toBe(1);
    // A new execution (another callbackId) is a new code.
    await h.outputs("generate", contactPayload(id, {}, { email: "ana@example.com" }));
    expect(h.email.sent).toHaveLength(2);
  });

  it("concurrent duplicates get one code and identical answers", async () => {
    const id = h.portal.addContact({ properties: { email: "bo@example.com" } });
    const payload = contactPayload(id, {}, { email: "bo@example.com" });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => h.call("generate", payload)),
    );
    const texts = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(texts).size).toBe(1);
    expect(h.email.sent).toHaveLength(1);
  });

  it("concurrent duplicates sent to two processes get one code and identical answers", async () => {
    const other = h.newApp();
    try {
      const id = h.portal.addContact({ properties: { email: "cy@example.com" } });
      const payload = contactPayload(id, {}, { email: "cy@example.com" });
      const responses = await Promise.all([
        h.call("generate", payload),
        h.call("generate", payload, other),
        h.call("generate", payload),
        h.call("generate", payload, other),
      ]);
      const texts = await Promise.all(responses.map((r) => r.text()));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(texts).size).toBe(1);
      expect(h.email.sent).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("a retry after a lost answer replays the code issued, without sending another", async () => {
    // The first attempt issues and delivers, then cannot save its answer (a database blip).
    const save = h.storage.saveCallbackResult.bind(h.storage);
    let failures = 1;
    h.storage.saveCallbackResult = async (input) => {
      if (failures-- > 0) {
        throw new OtpError("STORE_UNAVAILABLE", "database blip", { retryable: true });
      }
      return save(input);
    };
    const id = h.portal.addContact({ properties: { email: "dee@example.com" } });
    const payload = contactPayload(id, {}, { email: "dee@example.com" });
    const lost = await h.call("generate", payload);
    expect(lost.status).toBe(503);
    expect(lost.headers.get("Retry-After")).toBe("60");
    expect(h.email.sent).toHaveLength(1);

    const retried = await h.outputs("generate", payload);
    expect(retried["otp_status"]).toBe("generated");
    expect(h.email.sent).toHaveLength(1);
    expect(issued()).toBe(1);
    expect(retried["otp_expires_at"]).toBe(String(h.events[0]?.expiresAt));
  });

  it("a retried wrong guess is not a second guess", async () => {
    const id = h.portal.addContact({ properties: { email: "eve@example.com" } });
    await h.outputs("generate", contactPayload(id, {}, { email: "eve@example.com" }));
    const wrong = h.email.lastCode() === "000000" ? "111111" : "000000";
    const guess = contactPayload(id, { submitted_code: wrong });
    const first = await (await h.call("verify", guess)).text();
    const retry = await (await h.call("verify", guess)).text();
    expect(retry).toBe(first);
    expect(JSON.parse(first).outputFields.otp_attempts_remaining).toBe("2");
    const next = await h.outputs("verify", contactPayload(id, { submitted_code: wrong }));
    expect(next["otp_attempts_remaining"]).toBe("1");
  });

  it("a retried Wait stores one pending callback", async () => {
    const id = h.portal.addContact();
    const payload = contactPayload(id);
    const texts = await Promise.all([h.call("wait", payload), h.call("wait", payload)]).then((rs) =>
      Promise.all(rs.map((r) => r.text())),
    );
    expect(texts[1]).toBe(texts[0]);
    const due = await h.storage.listDueCallbacks(h.now() + 24 * 3_600_000, 100);
    expect(due.map((c) => c.callbackId)).toEqual([payload.callbackId]);
    expect(due[0]?.portalId).toBe(PORTAL);
  });
});
