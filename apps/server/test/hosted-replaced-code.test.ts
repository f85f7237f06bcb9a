// Issue 13, finding 5: the person types the code they received FIRST after a newer one replaced
// it (a fresh code after a wrong guess, or "Send a new code"): the page says the code was
// replaced and points at the newest, and nothing is spent — no attempt, no new code.
import { afterEach, describe, expect, it } from "vitest";
import { enter, open, resend, submit, VERIFIED, verification } from "./support/hosted-page.js";
import { emails, lastEmailCode, wrongCode } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await createTestServer(env);
  servers.push(server);
  return server;
}

const REPLACED = "That code was replaced: use the newest code we sent to a***@example.com.";

/** What the engine counts for the subject of `verification()`: the active code and the budget. */
async function counted(s: TestServer) {
  const status = await s.rt.otp.lookup({ subject: `key:${s.keyId}:user-1`, purpose: "login" });
  return {
    codeId: status.active?.codeId,
    attemptsUsed: status.active?.attemptsUsed,
    failures: status.failures,
    consecutiveFailures: status.consecutiveFailures,
  };
}

describe("the hosted page, when the person types the code a newer one replaced", () => {
  it("retry on failure: wrong code → fresh code → the OLD code is answered 'replaced', nothing spent or sent", async () => {
    const s = await start({ OTP_RETRY_ON_FAILURE: "true" });
    const { id, code: first } = await verification(s);
    const session = (await open(s, id)).session;
    s.clock.advance(40_000); // past the resend cooldown: a wrong code brings a fresh one
    const wrong = await enter(s, id, wrongCode(s.rt, first), session);
    expect(wrong.html).toContain("That code is not right. We sent a new code to a***@example.com.");
    const fresh = await lastEmailCode(s.rt, "ana@example.com");
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(2);
    const before = await counted(s);
    expect(before).toMatchObject({ attemptsUsed: 0, failures: 1, consecutiveFailures: 1 });

    // The fresh e-mail has not arrived yet: the person types the first code. Past the cooldown
    // again, so a wrong guess WOULD send yet another code.
    s.clock.advance(40_000);
    const old = await enter(s, id, first, session);
    expect(old.res.status).toBe(200);
    expect(old.html).toContain(REPLACED);
    expect(old.html).toContain('aria-invalid="true"');
    expect(old.html).toContain('name="code"'); // the form again, for the newest code
    expect(old.html).not.toContain("That code is not right");
    // No attempt spent, no new code sent.
    expect(await counted(s)).toEqual(before);
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(2);
    const view = await s.api(`/api/v1/verifications/${id}`);
    expect(await view.json()).toMatchObject({ status: "pending", attemptsRemaining: 3 });

    // The newest code still verifies.
    expect((await enter(s, id, fresh, session)).html).toContain(VERIFIED);
  });

  it("Send a new code: the first code is answered 'replaced' in the page's language, nothing spent", async () => {
    const s = await start();
    const { id, code: first } = await verification(s);
    const { session } = await open(s, id);
    s.clock.advance(30_000);
    expect((await resend(s, id, session)).res.status).toBe(200);
    const second = await lastEmailCode(s.rt, "ana@example.com");
    const before = await counted(s);

    const old = await enter(s, id, first, session);
    expect(old.html).toContain(REPLACED);
    const es = await submit(
      s,
      id,
      { csrf: session.csrf, code: first },
      { cookie: session.cookie, headers: { "accept-language": "es" } },
    );
    expect(await es.text()).toContain(
      "Ese código fue reemplazado: usa el código más reciente que enviamos a a***@example.com.",
    );
    expect(await counted(s)).toEqual(before);
    expect(await emails(s.rt, "ana@example.com")).toHaveLength(2);
    expect((await enter(s, id, second, session)).html).toContain(VERIFIED);
  });

  it("the API's check answers replaced with the attempts left, and counts nothing", async () => {
    const s = await start();
    const { id, code: first } = await verification(s);
    const { session } = await open(s, id);
    s.clock.advance(30_000);
    await resend(s, id, session);
    const before = await counted(s);
    const res = await s.api(`/api/v1/verifications/${id}/check`, { body: { code: first } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "replaced", attemptsRemaining: 3 });
    expect(await counted(s)).toEqual(before);
    const metrics = await s.rt.metrics.registry.getSingleMetricAsString(
      "otpkit_verify_outcomes_total",
    );
    expect(metrics).toContain('otpkit_verify_outcomes_total{outcome="replaced",via="api"} 1');
  });
});
