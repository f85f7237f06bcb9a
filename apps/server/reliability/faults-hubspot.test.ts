// Fault: the fake HubSpot answering storms of 429 (with Retry-After) and 5xx on the contacts API
// while workflows run Generate OTP (each sent twice with one callbackId, as HubSpot retries) and
// Verify OTP. The CRM client waits out every Retry-After, the workflow outcomes are the same as
// without the storm, one callbackId never sends a second code, and every CRM write lands.
import { signedWorkflowRequest } from "@otpkit/hubspot-adapter/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubSpotServer } from "../test/support/hubspot.js";
import { startHubSpotServer } from "../test/support/hubspot.js";
import { emails, lastEmailCode } from "../test/support/outbox.js";
import { sleep, startLoad, Tally, until } from "./support/fault-load.js";
import { recordFigures } from "./support/figures.js";

const CONTACTS = /^\/crm\/v3\/objects\/contacts/;
const RETRY_AFTER_S = 1;

let h: HubSpotServer;

beforeAll(async () => {
  h = await startHubSpotServer({ OTP_RESEND_COOLDOWN_SECONDS: "0" });
  await h.settings({ email: { enabled: true } });
});

afterAll(async () => {
  await h?.close();
});

describe("fault: HubSpot answering 429 and 5xx storms", () => {
  it("honours Retry-After, keeps workflow outcomes, sends one code per callbackId, lands every CRM write", async () => {
    const tally = new Tally();
    // When each of the fake's answers was seen (polled every 10 ms: the fake answers in ~1 ms).
    const seenAt: number[] = [];
    const poll = setInterval(() => {
      while (seenAt.length < h.fake.requests.length) seenAt.push(Date.now());
    }, 10);
    let callbacks = 0;
    /** A workflow action as HubSpot sends it, again with the same callbackId until it answers 200. */
    const action = async (name: string, contactId: string, inputFields = {}) => {
      const callbackId = `ap-${h.portalId}-${Date.now()}-${++callbacks}-0`;
      const send = () =>
        tally.track(async () => {
          const res = await h.server.app.request(
            signedWorkflowRequest({
              url: `http://localhost/hubspot/actions/${name}`,
              clientSecret: h.fake.app.clientSecret,
              payload: {
                callbackId,
                origin: { portalId: h.portalId, actionDefinitionId: 77 },
                context: { source: "WORKFLOWS", workflowId: 123 },
                object: { objectId: Number(contactId), objectType: "CONTACT" },
                inputFields,
              },
              timestamp: h.server.clock.now(),
            }),
          );
          const body = (await res.json()) as { outputFields?: Record<string, string> };
          const out = body.outputFields ?? {};
          return {
            status: res.status,
            out,
            label: `${res.status} ${out["otp_status"] ?? out["otp_result"] ?? "error"}`,
          };
        });
      let answer = await send();
      for (let i = 0; answer.status !== 200 && i < 10; i++) {
        await sleep(1_000);
        answer = await send();
      }
      // HubSpot's own retry of a delivered answer: the same answer, nothing sent again.
      const again = await send();
      expect(again.out).toEqual(answer.out);
      return answer;
    };
    const verifiedContacts: string[] = [];
    let duplicates = 0;

    const load = startLoad({
      workers: 3,
      maxIterations: 400,
      maxMs: 90_000,
      async iteration(_worker, n) {
        const email = `hs-${n}@example.com`;
        const contactId = h.portal.addContact({ properties: { email } });
        const generated = await action("generate-otp", contactId);
        expect(generated.label).toBe("200 generated");
        if ((await emails(h.server.rt, email)).length !== 1) duplicates++;
        const code = await lastEmailCode(h.server.rt, email);
        const verified = await action("verify-otp", contactId, { submitted_code: code });
        expect(verified.label).toBe("200 verified");
        verifiedContacts.push(contactId);
      },
    });

    await sleep(2_000);
    tally.phase = "429 storm";
    h.fake.inject({ path: CONTACTS, status: 429, times: 6, retryAfter: RETRY_AFTER_S });
    await until(async () => h.fake.pendingFaults === 0, "the 429 storm spent", 60_000);
    tally.phase = "5xx storm";
    h.fake.inject({ path: CONTACTS, status: 503, times: 6 });
    h.fake.inject({ path: CONTACTS, status: 502, times: 4, body: "<html>Bad Gateway</html>" });
    await until(async () => h.fake.pendingFaults === 0, "the 5xx storm spent", 60_000);
    tally.phase = "after";
    await sleep(2_000);
    const { iterations } = await load.stop();
    // Every CRM write lands: the queue is drained (flush retries what waits for a retry).
    const hubspot = h.server.rt.hubspot!.app;
    const drainedMs = await until(
      async () => {
        await hubspot.flush();
        return hubspot.writesFor(h.portalId).size === 0;
      },
      "the CRM write queue drained",
      60_000,
    );
    clearInterval(poll);

    // Retry-After honoured: nothing reached HubSpot's contacts API from 100 ms after a 429 until
    // its Retry-After was over (requests in flight as it was answered arrive within ~100 ms).
    const log = h.fake.requests;
    let early = 0;
    let throttled = 0;
    for (const [i, r] of log.entries()) {
      if (r.status !== 429 || !CONTACTS.test(r.path)) continue;
      throttled++;
      const at = seenAt[i]!;
      early += log.filter(
        (o, j) =>
          CONTACTS.test(o.path) &&
          seenAt[j]! > at + 100 &&
          seenAt[j]! < at + RETRY_AFTER_S * 1000 - 100,
      ).length;
    }
    expect(throttled).toBeGreaterThanOrEqual(6);
    expect(early).toBe(0);
    const failedServerSide = log.filter((r) => r.status >= 500 && CONTACTS.test(r.path)).length;
    expect(failedServerSide).toBeGreaterThanOrEqual(10);
    expect(duplicates).toBe(0);
    // Every verified contact's properties say so.
    const unwritten = verifiedContacts.filter(
      (id) => h.portal.contact(id)?.["otpkit_verification_status"] !== "verified",
    );
    expect(unwritten).toEqual([]);

    recordFigures({
      title: "Fault: HubSpot answering 429 and 5xx storms",
      lines: [
        `load: 3 workers, ${iterations} workflows (Generate OTP twice per callbackId, Verify OTP), ${verifiedContacts.length} verified`,
        ...tally.lines(),
        `storms: ${throttled} 429s (Retry-After ${RETRY_AFTER_S} s) and ${failedServerSide} 5xx on the contacts API; requests sent inside a Retry-After: ${early}`,
        `workflow outcomes unchanged (every Generate "generated", every Verify "verified"); second codes per callbackId: ${duplicates}`,
        `CRM writes: the queue drained ${drainedMs} ms after the load; contacts without their verified properties: ${unwritten.length}`,
      ],
      data: {
        workflows: iterations,
        throttled,
        serverErrors: failedServerSide,
        requestsInsideRetryAfter: early,
        duplicateCodes: duplicates,
        unwrittenContacts: unwritten.length,
      },
    });
  });
});
