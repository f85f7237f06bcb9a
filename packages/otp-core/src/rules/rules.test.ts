import { describe, expect, it } from "vitest";
import { candidate, issued, MINUTE, noMatch, policy, t0 } from "../../test/rules-fixtures.js";
import type { SubjectRecord } from "../record.js";
import { EMPTY_RECORD } from "../record.js";
import {
  decideIssue,
  decideUndelivered,
  decideUnlock,
  decideVerify,
  lockDuration,
  recordTtl,
  statusOf,
} from "./index.js";

// The rules are pure: these tests need no store, no clock and no randomness.

describe("the rules as pure decisions", () => {
  it("issue places the code, counts the send and asks for a code message", () => {
    const d = decideIssue(
      null,
      {
        now: t0,
        candidate: candidate("c1"),
        to: { email: "a@x.test" },
        deliver: true,
        channel: "email",
      },
      policy,
    );
    expect(d.outcome).toEqual({
      status: "issued",
      codeId: "c1",
      expiresAt: t0 + 10 * MINUTE,
      attemptsAllowed: 3,
    });
    expect(d.next).toMatchObject({
      code: { id: "c1", used: 0, channel: "email" },
      sends: 1,
      lastSendAt: t0,
    });
    expect(d.events.map((e) => e.type)).toEqual(["issued"]);
    expect(d.messages).toEqual([
      { kind: "code", codeId: "c1", to: { email: "a@x.test" }, channels: undefined },
    ]);
  });

  it("malformed input decides nothing at all", () => {
    const record = issued();
    const d = decideVerify(record, { now: t0, code: "12345", matches: noMatch }, policy);
    expect(d).toEqual({
      next: undefined,
      outcome: { status: "malformed", expected: { length: 6, alphabet: "numeric" } },
      events: [],
      messages: [],
    });
  });

  it("a wrong guess is counted in the same next record that answers it", () => {
    const d = decideVerify(issued(), { now: t0 + 1, code: "000000", matches: noMatch }, policy);
    expect(d.outcome).toEqual({ status: "invalid", attemptsRemaining: 2 });
    expect(d.next).toMatchObject({
      code: { used: 1 },
      failures: 1,
      consecutive: 1,
      lastFailureAt: t0 + 1,
    });
  });

  it("the budget's last failure locks, the lock doubles each time up to the maximum", () => {
    let record: SubjectRecord = { ...issued(), failures: 4, failuresSince: t0, locks: 2 };
    const d = decideVerify(record, { now: t0 + 5, code: "000000", matches: noMatch }, policy);
    expect(d.outcome).toEqual({
      status: "locked",
      lockedUntil: t0 + 5 + 60 * MINUTE,
      retryAfterMs: 60 * MINUTE,
    });
    expect(d.next).toMatchObject({
      code: undefined,
      locks: 3,
      lock: { until: t0 + 5 + 60 * MINUTE },
    });
    expect(d.messages.map((m) => m.kind)).toEqual(["lockout"]);
    expect([0, 1, 2, 6, 7, 100].map((n) => lockDuration(n, policy) / MINUTE)).toEqual([
      15, 30, 60, 960, 1440, 1440,
    ]);
    record = d.next!;
    // After the lock, the next write notices the unlock and the budget starts afresh.
    const after = decideIssue(
      record,
      {
        now: t0 + 61 * MINUTE,
        candidate: candidate("c2"),
        to: { email: "a@x.test" },
        deliver: true,
      },
      policy,
    );
    expect(after.events.map((e) => e.type)).toEqual(["unlocked", "issued"]);
    // The code itself tells the person they can sign in again: no unlock notice before it.
    expect(after.messages.map((m) => m.kind)).toEqual(["code"]);
    const check = decideVerify(
      record,
      { now: t0 + 61 * MINUTE, code: "000000", matches: noMatch },
      policy,
    );
    expect(check.messages.map((m) => m.kind)).toEqual(["unlock"]);
    expect(after.next).toMatchObject({ failures: 0, locks: 3, lock: undefined });
  });

  it("the consecutive-failure cap locks with no end; only an operator's unlock clears it", () => {
    const record: SubjectRecord = { ...issued(), consecutive: 49 };
    const d = decideVerify(record, { now: t0, code: "000000", matches: noMatch }, policy);
    expect(d.outcome).toEqual({ status: "locked", lockedUntil: null, retryAfterMs: null });
    expect(d.events.at(-1)).toMatchObject({ type: "locked", reason: "consecutive" });
    const u = decideUnlock(d.next!, t0 + 365 * 24 * 60 * MINUTE, policy);
    expect(u.outcome).toBe(true);
    expect(u.next).toMatchObject({ lock: undefined, consecutive: 0, failures: 0, locks: 0 });
    expect(u.events).toEqual([{ type: "unlocked", reason: "operator" }]);
  });

  it("an undelivered code is withdrawn and gives back the previous one only if still usable", () => {
    const first = issued();
    const second = decideIssue(
      first,
      { now: t0 + MINUTE, candidate: candidate("c2"), to: { email: "a@x.test" }, deliver: true },
      policy,
    ).next!;
    expect(second.previous?.id).toBe("c1");
    const d = decideUndelivered(second, { now: t0 + MINUTE + 1, codeId: "c2" }, policy);
    expect(d.next).toMatchObject({
      code: { id: "c1" },
      previous: undefined,
      lastSendAt: undefined,
    });
    expect(d.events.map((e) => [e.type, e.reason])).toEqual([
      ["revoked", "undelivered"],
      ["issued", "restored"],
    ]);
    // Once the new code is no longer the active one, nothing is given back.
    expect(decideUndelivered(first, { now: t0, codeId: "c2" }, policy).next).toBeUndefined();
    // A spent previous code stays spent.
    const spent: SubjectRecord = { ...second, previous: { ...second.previous!, used: 3 } };
    expect(
      decideUndelivered(spent, { now: t0 + MINUTE + 1, codeId: "c2" }, policy).next?.code,
    ).toBeUndefined();
  });

  it("the record is kept exactly as long as something in it matters", () => {
    expect(recordTtl(EMPTY_RECORD, t0, policy)).toBe(0);
    const fresh = issued();
    // The code's life plus one more (to answer `expired`), the send window is shorter.
    expect(recordTtl(fresh, t0, policy)).toBe(60 * MINUTE);
    const capped: SubjectRecord = {
      ...EMPTY_RECORD,
      lock: { until: null },
      consecutive: 50,
      lastFailureAt: t0,
    };
    expect(recordTtl(capped, t0, policy)).toBeGreaterThan(365 * 24 * 60 * MINUTE);
  });

  it("status reads a lock that has ended as over, without deciding anything", () => {
    const record: SubjectRecord = {
      ...EMPTY_RECORD,
      lock: { until: t0 },
      failures: 5,
      failuresSince: t0 - 1,
    };
    expect(statusOf(record, t0, policy)).toMatchObject({
      locked: false,
      lockedUntil: null,
      failures: 0,
    });
    expect(statusOf(record, t0 - 1, policy)).toMatchObject({
      locked: true,
      lockedUntil: t0,
      failures: 5,
    });
  });
});
