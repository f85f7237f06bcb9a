// Fault: the SMTP server answering 4xx, then 5xx, then down, while a load issues codes by e-mail
// and checks them. Each issue that cannot be delivered answers 502 DELIVERY_FAILED (the README's
// errors table); the engine withdraws the undelivered code (`revoked`, reason `undelivered`, after
// `delivery_failed` events) and gives the person's previous code back; once SMTP accepts again,
// codes go out and verify.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../test/support/runtime.js";
import { createTestServer } from "../test/support/runtime.js";
import type { Requester } from "./support/fault-load.js";
import { callApi, sleep, startLoad, Tally, until } from "./support/fault-load.js";
import type { FaultSmtp, SmtpRefusal } from "./support/fault-smtp.js";
import { startFaultSmtp } from "./support/fault-smtp.js";
import { recordFigures } from "./support/figures.js";

let smtp: FaultSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startFaultSmtp();
  server = await createTestServer({
    SMTP_URL: smtp.url,
    SMTP_FROM: "otpkit <no-reply@example.com>",
    OTP_RESEND_COOLDOWN_SECONDS: "0",
  });
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

/** The faults, in order: how each is switched on. */
const FAULTS: Array<{ name: string; on(): Promise<void>; refusal?: SmtpRefusal }> = [
  { name: "451", on: async () => {}, refusal: { code: 451, message: "4.3.0 Try again later" } },
  { name: "550", on: async () => {}, refusal: { code: 550, message: "5.7.1 Refused" } },
  { name: "down", on: () => smtp.down() },
];

describe("fault: SMTP answering 4xx, 5xx, then down", () => {
  it("answers 502 DELIVERY_FAILED, withdraws the code and gives the previous one back, resumes after", async () => {
    const tally = new Tally();
    const request: Requester = (p, init) => Promise.resolve(server.app.request(p, init));
    const api = (path: string, body?: unknown) =>
      tally.track(() => callApi(request, server.token, path, body));
    const issue = (subject: string, email: string) =>
      api("/api/v1/verifications", { subject, recipient: { email } });
    let verifiedCodes = 0;

    const load = startLoad({
      workers: 3,
      maxIterations: 3_000,
      maxMs: 90_000,
      async iteration(_worker, n) {
        const email = `smtp-${n}@example.com`;
        const issued = await issue(`smtp-load-${n}`, email);
        if (issued.status !== 201) return sleep(100);
        const code = await smtp.codeFor(email);
        const checked = await api(`/api/v1/verifications/${issued.body["id"]}/check`, { code });
        expect(checked.label).toBe("200 verified");
        verifiedCodes++;
      },
    });

    await sleep(2_000);
    const probes: string[] = [];
    for (const fault of FAULTS) {
      // A person with a delivered code A asks for a new one while the fault lasts.
      const subject = `smtp-probe-${fault.name}`;
      const email = `${subject}@example.com`;
      const first = await callApi(request, server.token, "/api/v1/verifications", {
        subject,
        recipient: { email },
      });
      expect(first.status).toBe(201);
      const codeA = await smtp.codeFor(email);
      tally.phase = `switching to ${fault.name}`;
      smtp.refuseWith = fault.refusal ?? null;
      await fault.on();
      tally.phase = `SMTP ${fault.name}`;
      await sleep(2_500); // the load runs into the fault
      const failed = await issue(subject, email);
      expect(failed.status).toBe(502);
      expect(failed.label).toBe("502 DELIVERY_FAILED");
      expect(failed.body["error"]).toMatchObject({ message: expect.any(String) });
      // The withdrawn code (read by the SMTP server before it refused) does not verify.
      // (A 4xx is retried: the same code, read up to three times.)
      const withdrawn = [...new Set(smtp.refused.get(email) ?? [])];
      expect(withdrawn.length).toBe(fault.refusal ? 1 : 0);
      const path = `/api/v1/verifications/${first.body["id"]}`;
      for (const code of withdrawn) {
        const tried = await callApi(request, server.token, `${path}/check`, { code });
        expect(tried.label).not.toBe("200 verified");
      }
      // The previous code came back: still pending, and it verifies.
      expect((await callApi(request, server.token, path)).body["status"]).toBe("pending");
      const audit = await callApi(request, server.token, `/api/v1/audit?subject=${subject}`);
      const events = audit.body["events"] as Array<{ type: string; reason?: string }>;
      const failures = events.filter((e) => e.type === "delivery_failed").length;
      const revoked = events.filter((e) => e.type === "revoked" && e.reason === "undelivered");
      expect(failures).toBeGreaterThan(0);
      expect(revoked).toHaveLength(1);
      const restored = await callApi(request, server.token, `${path}/check`, { code: codeA });
      expect(restored.label).toBe("200 verified");
      probes.push(
        `SMTP ${fault.name}: issue answered 502 DELIVERY_FAILED after ${failures} delivery_failed event(s), code revoked (undelivered), ${withdrawn.length} withdrawn code(s) refused at check, the previous code verified`,
      );
      tally.phase = `leaving ${fault.name}`;
      smtp.refuseWith = null;
      await smtp.up();
    }
    tally.phase = "recovering";
    let probe = 0;
    const recoveredMs = await until(async () => {
      const email = `smtp-back-${probe++}@example.com`;
      const answer = await callApi(request, server.token, "/api/v1/verifications", {
        subject: `smtp-back-${probe}`,
        recipient: { email },
      });
      return answer.status === 201 && (await smtp.codeFor(email)).length === 6;
    }, "delivery after SMTP came back");
    tally.phase = "after";
    await sleep(2_000);
    const { iterations } = await load.stop();

    // Each fault phase: only 502 DELIVERY_FAILED. Before and after: codes sent and verified.
    for (const fault of FAULTS) {
      expect(Object.keys(tally.labels(`SMTP ${fault.name}`))).toEqual(["502 DELIVERY_FAILED"]);
    }
    for (const phase of ["before", "after"]) {
      expect(Object.keys(tally.labels(phase)).sort()).toEqual(["200 verified", "201"]);
    }
    expect(tally.count((l) => l === "timeout" || l === "network")).toBe(0);
    expect(tally.count((l) => /^5/.test(l) && l !== "502 DELIVERY_FAILED")).toBe(0);
    const duringFaults = FAULTS.reduce((n, f) => n + tally.count(() => true, `SMTP ${f.name}`), 0);

    recordFigures({
      title: "Fault: SMTP answering 4xx, 5xx, then down",
      lines: [
        `load: 3 workers, ${iterations} iterations (issue by e-mail, read the code at the SMTP server, check it): ${verifiedCodes} codes verified`,
        ...tally.lines(),
        ...probes,
        `during the faults: ${duringFaults} requests, all 502 DELIVERY_FAILED, 0 other 5xx, 0 hung`,
        `delivery resumed ${recoveredMs} ms after SMTP accepted again; withdrawn codes that verified: 0`,
      ],
      data: { iterations, verifiedCodes, requestsDuringFaults: duringFaults, recoveredMs },
    });
  });
});
