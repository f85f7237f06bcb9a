import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open, submit, verification } from "../test/support/hosted-page.js";
import type { TestServer } from "../test/support/runtime.js";
import { createTestServer } from "../test/support/runtime.js";
import { recordFigures } from "./support/figures.js";
import { FUZZ_SEED } from "./support/fuzz-harness.js";

// Brute force from many parallel clients against one subject, through the API and through the
// hosted page (each client its own browser session and address), on Redis: the subject ends
// locked within its budget (the failures counted never exceed OTP_LOCKOUT_MAX_FAILURES, over all
// clients together), the right code typed after the lock does not verify, and the audit log holds
// one `failed` event per evaluated guess and nothing more: each `invalid` answer is one, the
// guess that locked is one (its answer is `locked`), every other `locked` answer and every
// malformed guess evaluated nothing.

const CLIENTS = 50;
const GUESSES_EACH = 4;
const MAX_FAILURES = 8;
let s: TestServer;

beforeAll(async () => {
  s = await createTestServer({
    REDIS_URL: "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `brute-${randomUUID().slice(0, 8)}:`,
    OTP_MAX_ATTEMPTS: "20", // more than the budget: the lock, not the code's own attempts, ends it
    OTP_LOCKOUT_MAX_FAILURES: String(MAX_FAILURES),
    TRUST_PROXY: "1",
  });
});
afterAll(() => s?.close());

/** Each client's guesses: wrong 6-digit codes (never the right one), some malformed ones. */
function guesses(right: string, salt: number): string[][] {
  const guess = fc.oneof(
    { weight: 9, arbitrary: fc.stringMatching(/^\d{6}$/).filter((g) => g !== right) },
    { weight: 1, arbitrary: fc.constantFrom("12ab56", "1234567", "12-34-5x", "     ") },
  );
  const all = fc.sample(guess, { seed: FUZZ_SEED + salt, numRuns: CLIENTS * GUESSES_EACH });
  return Array.from({ length: CLIENTS }, (_, i) =>
    all.slice(i * GUESSES_EACH, (i + 1) * GUESSES_EACH),
  );
}

type Outcome = "invalid" | "locked" | "malformed" | "other";

/** The subject's audit trail, by event type. */
async function trail(subject: string): Promise<Record<string, number>> {
  const res = await s.api(`/api/v1/audit?subject=${subject}&limit=500`);
  const { events } = (await res.json()) as { events: Array<{ type: string }> };
  const byType: Record<string, number> = {};
  for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return byType;
}

/** The engine's own count of `invalid` outcomes through `via` (the verify-outcome metric). */
async function engineInvalid(via: "api" | "hosted"): Promise<number> {
  const metric = s.rt.metrics.registry.getSingleMetric("otpkit_verify_outcomes_total");
  const { values } = await metric!.get();
  return (
    values.find((v) => v.labels["outcome"] === "invalid" && v.labels["via"] === via)?.value ?? 0
  );
}

/**
 * The accounting every run must satisfy; returns its figures. The API answers the engine's
 * outcome itself; the hosted page shows the state after the check, so a guess evaluated
 * `invalid` while a concurrent guess locked the subject shows the lock: there the engine's
 * count of `invalid` outcomes is what the audit log must match, and the page's `invalid`
 * answers can only be fewer.
 */
async function account(
  subject: string,
  via: "api" | "hosted",
  answers: Outcome[],
  afterLock: Outcome,
) {
  const n = (o: Outcome) => answers.filter((a) => a === o).length;
  const events = await trail(subject);
  const failed = events["failed"] ?? 0;
  const locks = events["locked"] ?? 0;
  const evaluatedInvalid = await engineInvalid(via);
  expect(n("other"), `unexpected answers: ${JSON.stringify(answers)}`).toBe(0);
  expect(locks, "one lock").toBe(1);
  expect(failed, "the budget, exactly: every guess past it answered locked").toBe(MAX_FAILURES);
  // Every invalid outcome is a failed event; the guess that locked is the one more.
  expect(failed).toBe(evaluatedInvalid + locks);
  if (via === "api") expect(n("invalid")).toBe(evaluatedInvalid);
  else expect(n("invalid")).toBeLessThanOrEqual(evaluatedInvalid);
  expect(n("locked")).toBeGreaterThanOrEqual(1);
  expect(events["verified"] ?? 0).toBe(0);
  expect(afterLock, "the right code after the lock").toBe("locked");
  return {
    guesses: answers.length,
    invalid: n("invalid"),
    locked: n("locked"),
    malformed: n("malformed"),
    evaluatedInvalid,
    failedEvents: failed,
    lockedEvents: locks,
  };
}

const figures: Record<string, Awaited<ReturnType<typeof account>>> = {};

describe(`brute force: ${CLIENTS} parallel clients against one subject`, () => {
  it("through the API: locked within the budget, the audit log counts every evaluated guess", async () => {
    const { id, code } = await verification(s, {}, "victim-api");
    const check = async (guess: string): Promise<Outcome> => {
      const res = await s.api(`/api/v1/verifications/${id}/check`, { body: { code: guess } });
      expect(res.status, await res.clone().text()).toBe(200);
      const { status } = (await res.json()) as { status: string };
      return status === "invalid" || status === "locked" || status === "malformed"
        ? status
        : "other";
    };
    const answers = (
      await Promise.all(
        guesses(code, 1).map(async (mine) => {
          const seen: Outcome[] = [];
          for (const g of mine) seen.push(await check(g));
          return seen;
        }),
      )
    ).flat();
    figures["API"] = await account("victim-api", "api", answers, await check(code));
  });

  it("through the hosted page: each client its own session and address, the same accounting", async () => {
    const { id, code } = await verification(s, {}, "victim-page");
    const classify = (status: number, html: string): Outcome => {
      if (status !== 200) return "other";
      if (html.includes("That code is not right.")) return "invalid";
      if (html.includes("Too many failed attempts.")) return "locked";
      if (html.includes('name="code"')) return "malformed"; // the form again, nothing counted
      return "other";
    };
    // Every browser (the 50 attackers and the person who holds the right code) has the page
    // open before the attack: a locked page offers no form to post.
    const browsers = await Promise.all(
      Array.from({ length: CLIENTS + 1 }, async (_, i) => {
        const address = `198.51.${Math.floor(i / 200)}.${(i % 200) + 1}`;
        const headers = { "x-forwarded-for": `${address}, ${address}` };
        return { headers, session: (await open(s, id, headers)).session };
      }),
    );
    const client = async (mine: string[], i: number) => {
      const { session, headers } = browsers[i]!;
      const seen: Outcome[] = [];
      for (const g of mine) {
        const fields = { csrf: session.csrf, code: g };
        const res = await submit(s, id, fields, { cookie: session.cookie, headers });
        seen.push(classify(res.status, await res.text()));
      }
      return seen;
    };
    const answers = (await Promise.all(guesses(code, 2).map(client))).flat();
    const last = await client([code], CLIENTS);
    figures["hosted page"] = await account("victim-page", "hosted", answers, last[0]!);
  });

  it("records the accounting", () => {
    const lines = Object.entries(figures).map(
      ([where, f]) =>
        `${where}: ${CLIENTS} clients, ${f.guesses} guesses → ${f.invalid} invalid + ${f.locked} locked + ${f.malformed} malformed answers; engine: ${f.evaluatedInvalid} invalid outcomes; audit: ${f.failedEvents} failed (= ${f.evaluatedInvalid} invalid + the 1 that locked; budget ${MAX_FAILURES}), ${f.lockedEvents} locked, 0 verified; the right code after the lock: locked`,
    );
    expect(lines).toHaveLength(2);
    recordFigures({
      title: "Hostile input: brute force",
      lines: [`seed ${FUZZ_SEED}; Redis store; OTP_LOCKOUT_MAX_FAILURES=${MAX_FAILURES}`, ...lines],
      data: Object.fromEntries(
        Object.entries(figures).flatMap(([where, f]) =>
          Object.entries(f).map(([k, v]) => [`${where.replace(/\s+/g, "_")}.${k}`, v]),
        ),
      ),
    });
  });
});
