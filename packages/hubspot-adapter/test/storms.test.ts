// HubSpot answering 429 and 5xx in bursts: OTP outcomes do not change, the workflow answer
// never waits for a CRM write, and the writes land once HubSpot recovers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OTPKIT_PROPERTY_NAMES as P } from "../src/crm-properties.js";
import type { Harness } from "./harness.js";
import { contactPayload, startHarness } from "./harness.js";

const CONTACTS = /^\/crm\/v3\/objects\/contacts\/\d+$/;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.settings({ email: { enabled: true } });
});
afterEach(async () => {
  await h.close();
});

const faulted = () => h.fake.requests.filter((r) => r.status === 429 || r.status >= 500).length;

describe("429 and 5xx storms", () => {
  it("reads through a 429 storm, writes through a 5xx storm: same outcomes, writes land", async () => {
    const id = h.portal.addContact({ properties: { email: "ana@example.com" } });
    h.fake.inject({ path: CONTACTS, method: "GET", status: 429, times: 3 });
    const generated = await h.outputs("generate", contactPayload(id)); // reads the e-mail from the CRM
    expect(generated["otp_status"]).toBe("generated");
    expect(h.email.sent).toHaveLength(1);

    // Writes fail for a while: 14 answers, more than three queue attempts of 4 tries each.
    h.fake.inject({ path: CONTACTS, method: "PATCH", status: 503, times: 14 });
    const verified = await h.outputs(
      "verify",
      contactPayload(id, { submitted_code: h.email.lastCode() }),
    );
    expect(verified["otp_result"]).toBe("verified");

    await h.settle();
    expect(h.fake.pendingFaults).toBe(0);
    expect(faulted()).toBe(17);
    expect(h.portal.contact(id)).toMatchObject({
      [P.status]: "verified",
      [P.lastOutcome]: "verified",
    });
    expect(h.app.writesFor(4242).size).toBe(0);
  });

  it("a 429 storm on every kind of call changes nothing but the timing", async () => {
    const id = h.portal.addContact({ properties: { email: "bo@example.com" } });
    h.fake.inject({ status: 429, times: 3 }); // whatever comes first
    const waitPayload = contactPayload(id);
    await h.outputs("generate", contactPayload(id));
    await h.outputs("wait", waitPayload);
    h.fake.inject({ status: 429, times: 3, retryAfter: 2 });
    await h.outputs("verify", contactPayload(id, { submitted_code: h.email.lastCode() }));
    await h.app.flush();
    await h.settle();
    expect(
      h.portal.completedCallbacks.map((c) => [c.callbackId, c.outputFields["otp_result"]]),
    ).toEqual([[waitPayload.callbackId, "verified"]]);
    expect(h.portal.contact(id)![P.status]).toBe("verified");
    expect(h.fake.pendingFaults).toBe(0);
  });

  it("when HubSpot keeps failing a read, answers 503 (HubSpot retries) and the retry gets the same single code", async () => {
    const id = h.portal.addContact({ properties: { email: "cy@example.com" } });
    h.fake.inject({ path: CONTACTS, method: "GET", status: 502, times: 4 });
    const payload = contactPayload(id);
    const first = await h.call("generate", payload);
    expect(first.status).toBe(503);
    expect(h.email.sent).toHaveLength(0);
    const retried = await h.outputs("generate", payload);
    expect(retried["otp_status"]).toBe("generated");
    expect(h.email.sent).toHaveLength(1);
  });

  it("a workflow answer never waits for a failing CRM write", async () => {
    const id = h.portal.addContact({ properties: { email: "dee@example.com" } });
    h.fake.inject({ path: CONTACTS, method: "PATCH", status: 500, times: 20 });
    for (let i = 0; i < 3; i++) {
      const out = await h.outputs("generate", contactPayload(id, {}, { email: "dee@example.com" }));
      expect(out["otp_status"]).toBe("generated");
    }
    expect(h.app.writesFor(4242).size).toBe(1); // one coalesced write waiting for the contact
    await h.settle();
    expect(h.portal.contact(id)).toMatchObject({ [P.status]: "pending", [P.lastChannel]: "email" });
  });
});
