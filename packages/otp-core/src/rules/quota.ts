import type { QuotaRecord } from "../quota-record.js";
import type { Decision } from "./types.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The send quota per destination, validated: codes per hour window and per day window. */
export interface QuotaLimits {
  readonly maxPerHour: number;
  readonly maxPerDay: number;
}

/** What {@link decideQuota} needs besides the record. */
export interface QuotaInput {
  readonly now: number;
  /** The destination, masked (`***78`, `j***@example.com`), for the `quota_exceeded` event. */
  readonly destination: string;
}

/** The quota's answer: counted (with the windows it was counted in, to give it back), or not. */
export type QuotaOutcome =
  | { readonly ok: true; readonly hourSince: number; readonly daySince: number }
  | { readonly ok: false; readonly window: "hour" | "day"; readonly retryAfterMs: number };

/** A destination never sent to. */
const EMPTY: QuotaRecord = { hour: 0, hourSince: 0, day: 0, daySince: 0 };

/**
 * The send quota of one destination (an e-mail address or a phone number), over every subject
 * and purpose: at most `maxPerHour` codes in an hour window and `maxPerDay` in a day window, each
 * window starting at the first send in it (as the resend throttle's). Within the quota the send
 * is counted in both windows; past it nothing is counted, `quota_exceeded` is recorded, and the
 * answer says when the next send can go (the later end of the windows that are full).
 *
 * Why per destination and not only per subject: the subject is whatever the caller says, so a
 * leaked API key can send one number a code from ever-new subjects. Each message costs money
 * (SMS and WhatsApp pumping) and reaches a person (message bombing).
 */
export function decideQuota(
  stored: QuotaRecord | null,
  input: QuotaInput,
  limits: QuotaLimits,
): Decision<QuotaOutcome, QuotaRecord> {
  const { now } = input;
  const r = stored ?? EMPTY;
  const hourOver = r.hour === 0 || r.hourSince + HOUR <= now;
  const dayOver = r.day === 0 || r.daySince + DAY <= now;
  const hour = hourOver ? 0 : r.hour;
  const hourSince = hourOver ? now : r.hourSince;
  const day = dayOver ? 0 : r.day;
  const daySince = dayOver ? now : r.daySince;
  const hourFull = hour >= limits.maxPerHour;
  const dayFull = day >= limits.maxPerDay;
  if (hourFull || dayFull) {
    const hourEnd = hourFull ? hourSince + HOUR : 0;
    const dayEnd = dayFull ? daySince + DAY : 0;
    return {
      next: undefined,
      outcome: {
        ok: false,
        window: dayEnd >= hourEnd ? "day" : "hour",
        retryAfterMs: Math.max(hourEnd, dayEnd) - now,
      },
      events: [
        { type: "quota_exceeded", destination: input.destination, reason: "destination_quota" },
      ],
      messages: [],
    };
  }
  return {
    next: { hour: hour + 1, hourSince, day: day + 1, daySince },
    outcome: { ok: true, hourSince, daySince },
    events: [],
    messages: [],
  };
}

/**
 * Gives back a send counted by {@link decideQuota} that did not happen after all (the subject's
 * own throttle or lock refused it, or another destination of the same request was over its
 * quota). Only in the windows it was counted in: a window that has started afresh since owes
 * nothing back.
 */
export function decideQuotaRefund(
  stored: QuotaRecord | null,
  taken: { readonly hourSince: number; readonly daySince: number },
): Decision<void, QuotaRecord> {
  const r = stored ?? EMPTY;
  const hour = r.hour > 0 && r.hourSince === taken.hourSince ? r.hour - 1 : r.hour;
  const day = r.day > 0 && r.daySince === taken.daySince ? r.day - 1 : r.day;
  const changed = hour !== r.hour || day !== r.day;
  return {
    next: changed ? { ...r, hour, day } : undefined,
    outcome: undefined,
    events: [],
    messages: [],
  };
}

/**
 * How long the store must keep a quota record: until its last window ends (0: nothing is
 * counted any more, delete it).
 */
export function quotaTtl(r: QuotaRecord, now: number): number {
  const hourEnd = r.hour > 0 ? r.hourSince + HOUR : 0;
  const dayEnd = r.day > 0 ? r.daySince + DAY : 0;
  return Math.max(0, Math.ceil(Math.max(hourEnd, dayEnd) - now));
}
