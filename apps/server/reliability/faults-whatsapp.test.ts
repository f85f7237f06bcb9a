// Fault: the fake Graph API failing and rate-limiting while a load issues codes to phone
// recipients that have an e-mail fallback, and checks them. Per phase, as packages/otp-core's
// "Delivery" and packages/delivery-whatsapp's errors table and "Pacing" document:
// - retryable errors (131016 overloaded, 130429 throughput): the engine retries, WhatsApp delivers;
// - a permanent error (131026 undeliverable): the engine falls back to e-mail;
// - a dropped connection: retryable, but the number's pacing slot stays taken (the message may be
//   out), so the retry is throttled locally for longer than the engine waits: e-mail;
// - 131056 (pair rate limit): the number backs off 4^X s; e-mail now, and later sends to that
//   number are refused locally (`PROVIDER_THROTTLED`, no request to Meta) until the wait is over.
// Every code sent verifies; every code that went nowhere was withdrawn; WhatsApp resumes after.
import type { FakeGraphApi, FakeGraphError } from "@otpkit/otp-testing/fake-graph-api";
import { startFakeGraphApi } from "@otpkit/otp-testing/fake-graph-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../test/support/runtime.js";
import { createTestServer } from "../test/support/runtime.js";
import type { Answer, Requester } from "./support/fault-load.js";
import { callApi, sleep, startLoad, Tally, until } from "./support/fault-load.js";
import type { FaultSmtp } from "./support/fault-smtp.js";
import { startFaultSmtp } from "./support/fault-smtp.js";
import { recordFigures } from "./support/figures.js";

let graph: FakeGraphApi;
let smtp: FaultSmtp;
let server: TestServer;

beforeAll(async () => {
  graph = await startFakeGraphApi();
  smtp = await startFaultSmtp();
  server = await createTestServer({
    SMTP_URL: smtp.url,
    SMTP_FROM: "otpkit <no-reply@example.com>",
    WHATSAPP_PHONE_NUMBER_ID: graph.phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: graph.accessToken,
    WHATSAPP_API_BASE_URL: graph.url,
    WHATSAPP_GRAPH_VERSION: graph.version,
    OTP_RESEND_COOLDOWN_SECONDS: "0",
    API_KEY_MAX_SENDS_PER_HOUR: "0", // the load sends more than a key's hour of codes
  });
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
  await smtp?.close();
});

const phoneOf = (n: number) => `+3460${String(n).padStart(7, "0")}`;
const RETRYABLE: FakeGraphError[] = [
  { code: 131016, httpStatus: 503 },
  { code: 130429, httpStatus: 429 },
];

/** The code in a Graph API send body (its body parameter). */
function codeIn(raw: string): string {
  const body = JSON.parse(raw) as {
    template: { components: Array<{ parameters: Array<{ text: string }> }> };
  };
  return body.template.components[0]!.parameters[0]!.text;
}

/** An audit entry, as `GET /api/v1/audit` lists them (newest first). */
interface AuditEvent {
  type: string;
  codeId?: string;
  channel?: string;
  error?: string;
  retryable?: boolean;
  reason?: string;
}

describe("fault: the Graph API failing and rate-limiting", () => {
  it("retries, falls back to e-mail, throttles locally after 131056, loses no code, resumes after", async () => {
    const tally = new Tally();
    const request: Requester = (p, init) => Promise.resolve(server.app.request(p, init));
    const call = (path: string, body?: unknown) => callApi(request, server.token, path, body);
    // A 201's label names the channel the code went out on: `201 whatsapp`, `201 email`.
    const issue = async (subject: string, recipient: Record<string, string>) => {
      const a = await call("/api/v1/verifications", { subject, recipient });
      return a.status === 201 ? { ...a, label: `201 ${a.body["channel"]}` } : a;
    };
    const codeOf = (answer: Answer, phone: string, email: string) =>
      answer.body["channel"] === "whatsapp"
        ? Promise.resolve(graph.accepted.find((m) => m.to === phone)?.code ?? "none")
        : smtp.codeFor(email);
    const subjects: string[] = [];
    const verified = new Set<string>(); // the codes the load checked with success
    let verifiedCodes = 0;

    const load = startLoad({
      workers: 3,
      maxIterations: 5_000,
      maxMs: 60_000,
      async iteration(_worker, n) {
        const [phone, email, subject] = [phoneOf(n), `wa-${n}@example.com`, `wa-load-${n}`];
        subjects.push(subject);
        const issued = await tally.track(() => issue(subject, { phone, email }));
        if (issued.status !== 201) return sleep(100);
        const code = await codeOf(issued, phone, email);
        const path = `/api/v1/verifications/${issued.body["id"]}/check`;
        expect((await tally.track(() => call(path, { code }))).label).toBe("200 verified");
        verified.add(code);
        verifiedCodes++;
        await sleep(50); // a bounded rate: each worker about 15 iterations a second
      },
    });

    /** Queues `push`'s failures, waits until the load met them, pauses; for `ms`. Returns the count. */
    const inject = async (phase: string, ms: number, gapMs: number, push: () => number) => {
      tally.phase = phase;
      const started = Date.now();
      const hit: number[] = []; // indexes in graph.requests of the requests that met a failure
      while (Date.now() - started < ms) {
        const mark = graph.requests.length;
        const k = push();
        await until(async () => graph.requests.length >= mark + k, `${phase} met`, 10_000);
        for (let i = 0; i < k; i++) hit.push(mark + i);
        await sleep(gapMs);
      }
      tally.phase = `leaving ${phase}`;
      return hit;
    };

    await sleep(2_000);
    // Two retryable failures at a time, then a pause longer than one message's tries (250 + 500
    // ms of backoff): no message meets three, so every one is retried onto WhatsApp.
    const retried = await inject("131016 + 130429", 4_000, 1_200, () => {
      for (const e of RETRYABLE) graph.failNext(e);
      return RETRYABLE.length;
    });
    const undeliverable = await inject("131026", 3_000, 300, () => {
      graph.failNext({ code: 131026, message: "(#131026) Message undeliverable" });
      return 1;
    });
    const dropped = await inject("dropped connection", 3_000, 300, () => {
      graph.dropNext();
      return 1;
    });
    const pairLimited = await inject("131056", 3_000, 300, () => {
      graph.failNext({ code: 131056, message: "(#131056) Pair rate limit hit" });
      return 1;
    });

    // The last number that met 131056 backs off 6 s (4^0 s, at least the 6 s pacing interval).
    const limited = JSON.parse(graph.requests[pairLimited.at(-1)!]!.raw) as { to: string };
    const sentBefore = graph.requests.length;
    const fallback = await issue("wa-probe-limited", {
      phone: limited.to,
      email: "wa-probe-limited@example.com",
    });
    expect(fallback.label).toBe("201 email"); // refused locally, not sent: e-mail
    const res = await server.api("/api/v1/verifications", {
      body: { subject: "wa-probe-limited-phone", recipient: { phone: limited.to } },
    });
    const phoneOnly = { status: res.status, body: (await res.json()) as Record<string, unknown> };
    expect(graph.requests.slice(sentBefore).filter((r) => r.raw.includes(limited.to))).toEqual([]);
    // Nothing went out and WhatsApp says when it may: 503 PROVIDER_THROTTLED, Retry-After 6 s.
    expect([phoneOnly.status, phoneOnly.body["error"]]).toEqual([
      503,
      expect.objectContaining({ code: "PROVIDER_THROTTLED" }),
    ]);
    expect(res.headers.get("retry-after")).toBe("6");
    server.clock.advance(6_000); // the wait is over (the load's numbers are fresh: unaffected)
    const afterWait = await issue("wa-probe-limited-phone", { phone: limited.to });
    expect(afterWait.label).toBe("201 whatsapp");

    tally.phase = "recovering";
    let probe = 0;
    const recoveredMs = await until(async () => {
      const n = 9_000_000 + probe++;
      const a = await issue(`wa-back-${n}`, { phone: phoneOf(n), email: `wa-back-${n}@x.test` });
      return a.label === "201 whatsapp";
    }, "WhatsApp delivery after the Graph API behaved again");
    tally.phase = "after";
    await sleep(2_000);
    const { iterations } = await load.stop();

    // What the clients saw: only 201s (WhatsApp or its e-mail fallback) and verified checks.
    const only = (phase: string, labels: string[]) =>
      expect(Object.keys(tally.labels(phase)).sort()).toEqual(labels);
    only("before", ["200 verified", "201 whatsapp"]);
    only("131016 + 130429", ["200 verified", "201 whatsapp"]);
    only("after", ["200 verified", "201 whatsapp"]);
    for (const phase of ["131026", "dropped connection", "131056"]) {
      only(phase, ["200 verified", "201 email", "201 whatsapp"]);
    }
    expect(tally.count((l) => !/^(201 (whatsapp|email)|200 verified)$/.test(l))).toBe(0);

    // The audit trail of every load subject: each code delivered once, or withdrawn.
    let retries = 0;
    const fellBack: Record<string, number> = {};
    for (const subject of subjects) {
      const audit = await call(`/api/v1/audit?subject=${subject}&limit=100`);
      const events = (audit.body["events"] as AuditEvent[]).slice().reverse();
      const issued = events.filter((e) => e.type === "issued");
      const delivered = events.filter((e) => e.type === "delivered");
      const failed = events.filter((e) => e.type === "delivery_failed");
      expect(issued).toHaveLength(1);
      expect(delivered).toHaveLength(1); // every load issue went out: nothing to withdraw
      expect(events.filter((e) => e.type === "revoked")).toEqual([]);
      if (delivered[0]!.channel === "whatsapp") {
        expect(failed.every((e) => e.channel === "whatsapp" && e.retryable)).toBe(true);
        retries += failed.length;
      } else {
        // Fallback: WhatsApp failed first (the last failure says why), then e-mail delivered.
        expect(delivered[0]!.channel).toBe("email");
        const why = failed.map((e) => `${e.error}${e.retryable ? "" : " (permanent)"}`).join(" → ");
        expect(failed.length).toBeGreaterThan(0);
        fellBack[why] = (fellBack[why] ?? 0) + 1;
      }
    }
    expect(retries).toBe(retried.length);
    expect(fellBack).toEqual({
      "RECIPIENT_INVALID (permanent)": undeliverable.length,
      "DELIVERY_FAILED → PROVIDER_THROTTLED": dropped.length,
      PROVIDER_THROTTLED: pairLimited.length,
    });
    const fallbacks = undeliverable.length + dropped.length + pairLimited.length;
    // A retry sends the same body (code, delivery id); a body Meta never took is a fallback's, and
    // its code is the one the person got by e-mail and verified.
    const accepted = new Set(graph.accepted.map((m) => m.raw));
    const failedCodes = graph.requests
      .filter((r) => !accepted.has(r.raw))
      .map((r) => codeIn(r.raw));
    expect(failedCodes).toHaveLength(fallbacks);
    expect(failedCodes.filter((c) => !verified.has(c))).toEqual([]);

    // The phone-only probe's throttled code never left: withdrawn; its next one went out.
    const probeAudit = await call("/api/v1/audit?subject=wa-probe-limited-phone");
    const trail = (probeAudit.body["events"] as AuditEvent[]).reverse().map((e) => {
      const why = e.error ?? e.reason;
      return `${e.type}${e.channel ? ` ${e.channel}` : ""}${why ? ` ${why}` : ""}`;
    });
    expect(trail).toEqual([
      "issued",
      "delivery_failed whatsapp PROVIDER_THROTTLED",
      "revoked undelivered",
      "issued",
      "delivered whatsapp",
    ]);
    expect(tally.count((l) => l === "timeout" || l === "network")).toBe(0);

    recordFigures({
      title: "Fault: the Graph API failing and rate-limiting",
      lines: [
        `load: 3 workers, ${iterations} iterations (issue to a phone with an e-mail fallback, read the code at the fake Graph API or the SMTP server, check it): ${verifiedCodes} codes verified`,
        ...tally.lines(),
        `131016 / 130429 (retryable): ${retried.length} failures, ${retries} retries by the engine, all then delivered on WhatsApp (201 whatsapp)`,
        `131026 (permanent): ${undeliverable.length} × delivery_failed on whatsapp, then delivered by e-mail (201 email)`,
        `dropped connection: ${dropped.length} × retried, refused locally by the number's pacing slot (kept: the message may be out), then e-mail (201 email)`,
        `131056 (pair rate limit): ${pairLimited.length} × e-mail; the number then refused locally (no request to Meta): with e-mail 201 email, phone only 503 PROVIDER_THROTTLED with Retry-After ${res.headers.get("retry-after")} s; after the wait 201 whatsapp`,
        `fallbacks to e-mail: ${fallbacks}; undelivered codes left active: 0 (the probe's withdrawn: revoked undelivered); codes lost: 0; the ${failedCodes.length} codes in Graph requests Meta never took all verified (e-mailed)`,
        `WhatsApp delivery resumed ${recoveredMs} ms after the fake behaved again; 0 other answers, 0 hung`,
      ],
      data: {
        iterations,
        verifiedCodes,
        retries,
        fallbacks,
        permanent: undeliverable.length,
        dropped: dropped.length,
        pairLimited: pairLimited.length,
        recoveredMs,
        lost: 0,
      },
    });
  });
});
