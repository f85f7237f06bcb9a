// Shared by the rules' tests (src/rules/rules.test.ts, replaced.test.ts): a policy, a start time
// and candidates. The rules are pure, so their tests need no store, clock or randomness.
import { createCodePolicy } from "../src/policy.js";
import type { SubjectRecord } from "../src/record.js";
import type { Candidate, Policy } from "../src/rules/index.js";
import { decideIssue } from "../src/rules/index.js";

/** One minute, ms. */
export const MINUTE = 60_000;

/** The defaults, spelled out: 10-minute codes, 3 attempts, 5 failures an hour, 30 s cooldown. */
export const policy: Policy = {
  ttlMs: 10 * MINUTE,
  maxAttempts: 3,
  lockout: {
    maxFailures: 5,
    windowMs: 60 * MINUTE,
    durationMs: 15 * MINUTE,
    maxDurationMs: 24 * 60 * MINUTE,
    maxConsecutiveFailures: 50,
    rememberMs: 30 * 24 * 60 * MINUTE,
  },
  cooldownMs: 30_000,
  maxSends: 5,
  sendWindowMs: 60 * MINUTE,
  retryOnFailure: false,
  notifyLockout: true,
  code: createCodePolicy(),
};

/** The tests' first instant. */
export const t0 = 1_000_000_000_000;

/** A candidate code `id` whose MAC is `mac-<id>`. */
export const candidate = (id: string): Candidate => ({
  id,
  keyId: "k",
  mac: `mac-${id}`,
  test: false,
});

/** The shell compares MACs; with this the input is never the code. */
export const noMatch = (): boolean => false;

/** Code `c1`, issued at `t0` by e-mail (under `p`). */
export function issued(p: Policy = policy): SubjectRecord {
  const d = decideIssue(
    null,
    {
      now: t0,
      candidate: candidate("c1"),
      to: { email: "a@x.test" },
      deliver: true,
      channel: "email",
    },
    p,
  );
  return d.next!;
}
