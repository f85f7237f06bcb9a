import { describe, expect, it } from "vitest";
import { candidate, issued, MINUTE, policy, t0 } from "../../test/rules-fixtures.js";
import type { CodeState, ReplacedCode, SubjectRecord } from "../record.js";
import type { Policy } from "./index.js";
import { decideIssue, decideRevoke, decideUndelivered, decideVerify, recordTtl } from "./index.js";

// The replaced-code rule: typing the code a newer one replaced answers `replaced` and spends
// nothing, while that code would still have been valid.

const retrying: Policy = { ...policy, retryOnFailure: true, cooldownMs: 0 };
const to = { email: "a@x.test" };

/** The person types code `id` (the shell's MAC comparison, reduced to "is it this code?"). */
function typing(id: string) {
  const seen: string[] = [];
  const matches = (state: CodeState | ReplacedCode) => {
    seen.push(state.id);
    return state.id === id;
  };
  return { matches, seen };
}

/** A wrong guess at `now` under retry-on-failure: code `fresh` replaces the active one. */
function wrongThenFresh(record: SubjectRecord, now: number, fresh: string): SubjectRecord {
  const d = decideVerify(
    record,
    { now, code: "000000", matches: typing("none").matches, retry: candidate(fresh) },
    retrying,
  );
  expect(d.outcome).toMatchObject({ status: "invalid", resent: true, codeId: fresh });
  return d.next!;
}

/** A resend (issue with a live code) at `now`. */
function resend(record: SubjectRecord, now: number, id: string, deliver = true): SubjectRecord {
  return decideIssue(record, { now, candidate: candidate(id), to, deliver }, policy).next!;
}

const check = (record: SubjectRecord, now: number, id: string, p = policy, codeId?: string) =>
  decideVerify(record, { now, code: "123456", matches: typing(id).matches, codeId }, p);

describe("the replaced-code rule", () => {
  it("after retry-on-failure, typing the first code answers replaced and changes nothing", () => {
    const second = wrongThenFresh(issued(retrying), t0 + MINUTE, "c2");
    expect(second.replaced).toEqual({
      id: "c1",
      keyId: "k",
      mac: "mac-c1",
      expiresAt: t0 + 10 * MINUTE,
    });
    const d = check(second, t0 + 2 * MINUTE, "c1", retrying);
    // The fresh code's id and its attempts (3 of its own, 4 of the budget after one failure).
    expect(d.outcome).toEqual({ status: "replaced", codeId: "c2", attemptsRemaining: 3 });
    // No write (no failure, no consecutive count), no event, no message (no new code).
    expect(d.next).toBeUndefined();
    expect(d.events).toEqual([]);
    expect(d.messages).toEqual([]);
    // The fresh code still verifies, and success forgets the replaced one.
    const ok = check(second, t0 + 3 * MINUTE, "c2", retrying);
    expect(ok.outcome).toEqual({ status: "verified", codeId: "c2" });
    expect(ok.next?.replaced).toBeUndefined();
  });

  it("after a resend too, however the new code reaches the person", () => {
    for (const deliver of [true, false]) {
      const second = resend(issued(), t0 + MINUTE, "c2", deliver);
      expect(second.replaced?.id).toBe("c1");
      // `previous` (the restore) exists only for a delivery; the replaced code in both cases.
      expect(second.previous?.id).toBe(deliver ? "c1" : undefined);
      expect(check(second, t0 + 2 * MINUTE, "c1").outcome).toEqual({
        status: "replaced",
        codeId: "c2",
        attemptsRemaining: 3,
      });
    }
  });

  it("survives wrong guesses at the new code, which still count; reports their effect", () => {
    const second = resend(issued(), t0 + MINUTE, "c2");
    const wrong = check(second, t0 + 2 * MINUTE, "none");
    expect(wrong.outcome).toEqual({ status: "invalid", attemptsRemaining: 2 });
    // The restore role ends at the first guess; recognising the replaced code does not.
    expect(wrong.next).toMatchObject({ previous: undefined, replaced: { id: "c1" } });
    expect(check(wrong.next!, t0 + 3 * MINUTE, "c1").outcome).toEqual({
      status: "replaced",
      codeId: "c2",
      attemptsRemaining: 2,
    });
  });

  it("is the new code's answer when both are the same code (the active code is compared first)", () => {
    const second = resend(issued(), t0 + MINUTE, "c2");
    const both = (s: CodeState | ReplacedCode) => s.id === "c1" || s.id === "c2";
    const d = decideVerify(second, { now: t0 + 2 * MINUTE, code: "123456", matches: both }, policy);
    expect(d.outcome).toEqual({ status: "verified", codeId: "c2" });
  });

  it("past the replaced code's own expiry, typing it is just a wrong code", () => {
    // c1 expires at t0 + 10 min; c2, sent at t0 + 5 min, at t0 + 15 min.
    const second = resend(issued(), t0 + 5 * MINUTE, "c2");
    const late = typing("c1");
    const d = decideVerify(
      second,
      { now: t0 + 10 * MINUTE, code: "123456", matches: late.matches },
      policy,
    );
    expect(d.outcome).toEqual({ status: "invalid", attemptsRemaining: 2 });
    // Its MAC is not even computed, and the write forgets it.
    expect(late.seen).toEqual(["c2"]);
    expect(d.next?.replaced).toBeUndefined();
    expect(d.events.map((e) => e.type)).toEqual(["failed"]);
  });

  it("keeps only the most recent replaced code", () => {
    const third = resend(resend(issued(), t0 + MINUTE, "c2"), t0 + 2 * MINUTE, "c3");
    expect(third.replaced?.id).toBe("c2");
    expect(check(third, t0 + 3 * MINUTE, "c1").outcome).toMatchObject({ status: "invalid" });
    expect(check(third, t0 + 3 * MINUTE, "c2").outcome).toMatchObject({ status: "replaced" });
  });

  it("keeps nothing of a code that could no longer be used when it was replaced", () => {
    const later = resend(issued(), t0 + 10 * MINUTE, "c2");
    expect(later.replaced).toBeUndefined();
    const exhausted: SubjectRecord = {
      ...issued(),
      code: { ...issued().code!, ended: "exhausted" },
    };
    expect(resend(exhausted, t0 + MINUTE, "c2").replaced).toBeUndefined();
  });

  it("ends with the active code: revoke, lock, undelivered; a stale codeId stays not_found", () => {
    const second = resend(issued(), t0 + MINUTE, "c2");
    expect(decideRevoke(second, { reason: "cancelled" }).next?.replaced).toBeUndefined();
    const undelivered = decideUndelivered(second, { now: t0 + MINUTE, codeId: "c2" }, policy);
    expect(undelivered.next).toMatchObject({ code: { id: "c1" }, replaced: undefined });
    const locking: Policy = { ...policy, lockout: { ...policy.lockout, maxFailures: 1 } };
    const locked = decideVerify(
      second,
      { now: t0 + 2 * MINUTE, code: "000000", matches: typing("none").matches },
      locking,
    );
    expect(locked.outcome).toMatchObject({ status: "locked" });
    expect(locked.next?.replaced).toBeUndefined();
    // A check for the replaced code by its own id is for a code that is no longer active.
    expect(check(second, t0 + 2 * MINUTE, "c1", policy, "c1").outcome).toEqual({
      status: "not_found",
    });
  });

  it("is kept by the store until it expires, even if the TTL was shortened since it was issued", () => {
    const long: Policy = { ...policy, ttlMs: 60 * MINUTE };
    const short: Policy = { ...policy, ttlMs: MINUTE };
    const second = decideIssue(
      issued(long),
      { now: t0 + MINUTE, candidate: candidate("c2"), to, deliver: true },
      short,
    ).next!;
    expect(second.replaced?.expiresAt).toBe(t0 + 60 * MINUTE);
    // The active code alone would keep the record 2 minutes (its life and one more).
    expect(recordTtl(second, t0 + MINUTE, short)).toBe(59 * MINUTE);
  });
});
