// Wait for verification: BLOCK, then the callback completed through the fake HubSpot's
// automation API with `verified` (Verify OTP, the hosted page) or `expired` (the window ended),
// also across a restart and with two processes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hubspotSubject } from "../src/actions/subject.js";
import type { Harness } from "./harness.js";
import { contactPayload, PORTAL, startHarness } from "./harness.js";

const MINUTE = 60_000;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.settings({ email: { enabled: true } });
});
afterEach(async () => {
  await h.close();
});

const completed = (): Record<string, string>[] =>
  h.portal.completedCallbacks.map((c) => ({ callbackId: c.callbackId, ...c.outputFields }));
const pendingCount = async () =>
  (await h.storage.listDueCallbacks(h.now() + 30 * 24 * 3_600_000, 1000)).length;

async function blockFor(contactId: string, inputs: Record<string, unknown> = {}) {
  const payload = contactPayload(contactId, inputs);
  const out = await h.outputs("wait", payload);
  return { callbackId: payload.callbackId, out };
}

describe("Wait for verification", () => {
  it("answers BLOCK and completes with verified when Verify OTP succeeds", async () => {
    const id = h.portal.addContact({ properties: { email: "ana@example.com" } });
    await h.outputs("generate", contactPayload(id, {}, { email: "ana@example.com" }));
    const { callbackId, out } = await blockFor(id);
    expect(out).toEqual({ hs_execution_state: "BLOCK", hs_expiration_duration: "PT45M" });
    expect(completed()).toEqual([]);

    await h.outputs("verify", contactPayload(id, { submitted_code: h.email.lastCode() }));
    await h.app.flush();
    expect(completed()).toEqual([
      { callbackId, otp_result: "verified", hs_execution_state: "SUCCESS" },
    ]);
    expect(await pendingCount()).toBe(0);
  });

  it("completes every open wait of the subject when the host reports a hosted-page verification", async () => {
    const id = h.portal.addContact();
    const other = h.portal.addContact();
    const a = await blockFor(id);
    const b = await blockFor(id);
    const c = await blockFor(other);
    const subject = hubspotSubject({ portalId: PORTAL, objectType: "contact", objectId: id });
    expect(await h.app.onVerified({ portalId: PORTAL, subject })).toBe(2);
    expect(
      completed()
        .map((x) => x["callbackId"])
        .sort(),
    ).toEqual([a.callbackId, b.callbackId].sort());
    expect(completed().every((x) => x["otp_result"] === "verified")).toBe(true);
    // Already completed: a second report completes nothing.
    expect(await h.app.onVerified({ portalId: PORTAL, subject })).toBe(0);
    expect((await h.storage.listDueCallbacks(h.now() + 3_600_000, 10))[0]?.callbackId).toBe(
      c.callbackId,
    );
  });

  it("completes with expired once the window ends, not before", async () => {
    const id = h.portal.addContact();
    const { callbackId } = await blockFor(id, { expiration_duration: "PT10M" });
    h.advance(9 * MINUTE);
    expect(await h.app.completeDue()).toEqual({ completed: 0, failed: 0, dropped: 0 });
    h.advance(MINUTE);
    expect(await h.app.completeDue()).toEqual({ completed: 1, failed: 0, dropped: 0 });
    expect(completed()).toEqual([
      { callbackId, otp_result: "expired", hs_execution_state: "SUCCESS" },
    ]);

    // A verification after the window completes nothing more.
    const subject = hubspotSubject({ portalId: PORTAL, objectType: "contact", objectId: id });
    expect(await h.app.onVerified({ portalId: PORTAL, subject })).toBe(0);
    expect(completed()).toHaveLength(1);
  });

  it("leaves an ended window to completeDue even when the contact verifies late", async () => {
    const id = h.portal.addContact();
    await blockFor(id, { expiration_duration: "5" });
    h.advance(6 * MINUTE);
    const subject = hubspotSubject({ portalId: PORTAL, objectType: "contact", objectId: id });
    expect(await h.app.onVerified({ portalId: PORTAL, subject })).toBe(0);
    await h.app.completeDue();
    expect(completed().map((c) => c["otp_result"])).toEqual(["expired"]);
  });

  it("survives a restart: a new app over the same storage completes by expiry and by verification", async () => {
    const id = h.portal.addContact({ properties: { email: "bo@example.com" } });
    const other = h.portal.addContact();
    await h.outputs("generate", contactPayload(id, {}, { email: "bo@example.com" }));
    const verifiedWait = await blockFor(id);
    const expiringWait = await blockFor(other, { expiration_duration: "PT20M" });
    await h.app.close(); // the process stops

    const restarted = h.newApp();
    try {
      await h.outputs(
        "verify",
        contactPayload(id, { submitted_code: h.email.lastCode() }),
        restarted,
      );
      await restarted.flush();
      h.advance(21 * MINUTE);
      expect(await restarted.completeDue()).toMatchObject({ completed: 1 });
      expect(completed()).toEqual([
        {
          callbackId: verifiedWait.callbackId,
          otp_result: "verified",
          hs_execution_state: "SUCCESS",
        },
        {
          callbackId: expiringWait.callbackId,
          otp_result: "expired",
          hs_execution_state: "SUCCESS",
        },
      ]);
    } finally {
      await restarted.close();
    }
  });

  it("two processes completing the same due callbacks complete each once", async () => {
    const second = h.newApp();
    try {
      const ids = [h.portal.addContact(), h.portal.addContact(), h.portal.addContact()];
      for (const id of ids) await blockFor(id, { expiration_duration: "PT1M" });
      h.advance(2 * MINUTE);
      const [a, b] = await Promise.all([h.app.completeDue(), second.completeDue()]);
      expect(a.completed + b.completed).toBe(3);
      expect(completed()).toHaveLength(3);
      expect(new Set(completed().map((c) => c["callbackId"])).size).toBe(3);
    } finally {
      await second.close();
    }
  });

  it("retries a completion HubSpot failed, keeping the outcome, after the claim's lease", async () => {
    const id = h.portal.addContact();
    const { callbackId } = await blockFor(id);
    // Every try of the client's one call fails (4 tries).
    h.fake.inject({ path: /\/automation\/v4\/actions\/callbacks\//, status: 503, times: 4 });
    const subject = hubspotSubject({ portalId: PORTAL, objectType: "contact", objectId: id });
    expect(await h.app.onVerified({ portalId: PORTAL, subject })).toBe(0);
    expect(completed()).toEqual([]);
    expect(h.errors.map((e) => e.operation)).toEqual(["callbacks.complete"]);

    expect(await h.app.completeDue()).toMatchObject({ completed: 0 }); // still leased
    h.advance(61_000);
    expect(await h.app.completeDue()).toMatchObject({ completed: 1 });
    expect(completed()).toEqual([
      { callbackId, otp_result: "verified", hs_execution_state: "SUCCESS" },
    ]);
  });

  it("bounds and normalises the wait window", async () => {
    const id = h.portal.addContact();
    expect(
      (await blockFor(id, { expiration_duration: "PT2H" })).out["hs_expiration_duration"],
    ).toBe("PT2H15M");
    expect((await blockFor(id, { expiration_duration: "90" })).out["hs_expiration_duration"]).toBe(
      "PT1H45M",
    );
    expect((await blockFor(id, { expiration_duration: "P1D" })).out["hs_expiration_duration"]).toBe(
      "P1DT15M",
    );
    for (const bad of ["P30D", "PT0M", "tomorrow", "P", "-5"]) {
      const response = await h.call("wait", contactPayload(id, { expiration_duration: bad }));
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: "BAD_INPUT", details: { field: "expiration_duration" } },
      });
    }
  });
});
