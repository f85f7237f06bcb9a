import { describe, expect, it } from "vitest";
import type { QuotaRecord } from "../quota-record.js";
import { decodeQuota, encodeQuota } from "../quota-record.js";
import { decideQuota, decideQuotaRefund, quotaTtl } from "./index.js";

// The destination quota as pure decisions: no store, no clock, no randomness.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const limits = { maxPerHour: 3, maxPerDay: 5 };
const t0 = 1_800_000_000_000;
const input = (now: number) => ({ now, destination: "***78" });

/** Sends `n` codes at `now`, each decided on the record the previous one committed. */
function sendN(n: number, now: number, from: QuotaRecord | null = null): QuotaRecord | null {
  let r = from;
  for (let i = 0; i < n; i++) {
    const d = decideQuota(r, input(now), limits);
    expect(d.outcome.ok).toBe(true);
    r = d.next!;
  }
  return r;
}

describe("the destination quota", () => {
  it("counts each send in an hour window and a day window, from the first send in each", () => {
    const d = decideQuota(null, input(t0), limits);
    expect(d.outcome).toEqual({ ok: true, hourSince: t0, daySince: t0 });
    expect(d.next).toEqual({ hour: 1, hourSince: t0, day: 1, daySince: t0 });
    expect(d.events).toEqual([]);
    const second = decideQuota(d.next!, input(t0 + MINUTE), limits);
    expect(second.next).toEqual({ hour: 2, hourSince: t0, day: 2, daySince: t0 });
  });

  it("refuses past the hour's quota, records quota_exceeded once, and changes nothing", () => {
    const full = sendN(3, t0);
    const d = decideQuota(full, input(t0 + 10 * MINUTE), limits);
    expect(d.outcome).toEqual({ ok: false, window: "hour", retryAfterMs: 50 * MINUTE });
    expect(d.next).toBeUndefined();
    expect(d.events).toEqual([
      { type: "quota_exceeded", destination: "***78", reason: "destination_quota" },
    ]);
    // The hour window ends: the next send goes, counted in a new hour window, same day window.
    const later = decideQuota(full, input(t0 + HOUR), limits);
    expect(later.outcome).toEqual({ ok: true, hourSince: t0 + HOUR, daySince: t0 });
    expect(later.next).toEqual({ hour: 1, hourSince: t0 + HOUR, day: 4, daySince: t0 });
  });

  it("refuses past the day's quota until the day window ends, whatever the hour says", () => {
    let r = sendN(3, t0);
    r = sendN(2, t0 + HOUR, r);
    const d = decideQuota(r, input(t0 + 2 * HOUR), limits);
    expect(d.outcome).toEqual({ ok: false, window: "day", retryAfterMs: DAY - 2 * HOUR });
    expect(decideQuota(r, input(t0 + DAY), limits).outcome).toMatchObject({ ok: true });
  });

  it("when both windows are full, waits for the later end", () => {
    // The hour window started late in the day window: its end comes after the day's.
    let r = sendN(2, t0);
    r = sendN(3, t0 + DAY - 10 * MINUTE, { ...r!, hour: 0 });
    const d = decideQuota(r, input(t0 + DAY - 5 * MINUTE), limits);
    expect(d.outcome).toEqual({ ok: false, window: "hour", retryAfterMs: 55 * MINUTE });
  });

  it("gives back a send only in the windows it was counted in", () => {
    const r = sendN(2, t0)!;
    const refund = decideQuotaRefund(r, { hourSince: t0, daySince: t0 });
    expect(refund.next).toEqual({ hour: 1, hourSince: t0, day: 1, daySince: t0 });
    // The hour window started afresh since: only the day owes the send back.
    const renewed = { ...r, hour: 1, hourSince: t0 + HOUR };
    expect(decideQuotaRefund(renewed, { hourSince: t0, daySince: t0 }).next).toEqual({
      ...renewed,
      day: 1,
    });
    // Nothing to give back: nothing written.
    expect(decideQuotaRefund(null, { hourSince: t0, daySince: t0 }).next).toBeUndefined();
  });

  it("keeps the record until its last window ends", () => {
    const r = sendN(1, t0)!;
    expect(quotaTtl(r, t0 + HOUR)).toBe(DAY - HOUR);
    expect(quotaTtl(r, t0 + DAY)).toBe(0);
    expect(quotaTtl({ hour: 0, hourSince: 0, day: 0, daySince: 0 }, t0)).toBe(0);
  });

  it("stores the record compactly and refuses anything it did not write", () => {
    const r: QuotaRecord = { hour: 2, hourSince: t0, day: 7, daySince: t0 - HOUR };
    expect(decodeQuota(encodeQuota(r), "memory")).toEqual(r);
    for (const raw of [
      "",
      "{}",
      "[2,0,0,0,0]",
      '["d1",1,2,3]',
      '["d1",-1,0,0,0]',
      '["d1","1",0,0,0]',
    ]) {
      expect(() => decodeQuota(raw, "memory"), raw).toThrow(
        expect.objectContaining({ code: "STORE_DATA_INVALID" }),
      );
    }
  });
});
