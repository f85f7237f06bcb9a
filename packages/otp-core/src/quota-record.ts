import { OtpError } from "./errors.js";

/**
 * What the send quota knows about one destination (a normalised e-mail address or phone number),
 * over every subject and purpose: the codes sent in the current hour window and in the current
 * day window, each window starting at the first send in it. Its own record under its own key:
 * a subject's record cannot hold it, since many subjects may send to one destination.
 */
export interface QuotaRecord {
  /** Codes sent in the hour window that started at `hourSince`. */
  readonly hour: number;
  readonly hourSince: number;
  /** Codes sent in the day window that started at `daySince`. */
  readonly day: number;
  readonly daySince: number;
}

// The stored form: a positional JSON array behind a tag. The tag is a string, so a destination's
// record can never be read as a subject's (whose first field is the number 2) nor the reverse.
const TAG = "d1";

/** @internal The stored form of a quota record. */
export function encodeQuota(r: QuotaRecord): string {
  return JSON.stringify([TAG, r.hour, r.hourSince, r.day, r.daySince]);
}

/**
 * @internal Parses a stored quota record. Anything otp-core did not write is
 * `STORE_DATA_INVALID`: a misread count would let sends through, so it is never guessed at.
 */
export function decodeQuota(raw: string, store: string): QuotaRecord {
  let a: unknown;
  try {
    a = JSON.parse(raw);
  } catch (cause) {
    throw invalid(store, cause);
  }
  if (!Array.isArray(a) || a.length !== 5 || a[0] !== TAG) throw invalid(store);
  const [, hour, hourSince, day, daySince] = a as unknown[];
  for (const n of [hour, hourSince, day, daySince]) {
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw invalid(store);
  }
  return {
    hour: hour as number,
    hourSince: hourSince as number,
    day: day as number,
    daySince: daySince as number,
  };
}

function invalid(store: string, cause?: unknown): OtpError {
  return new OtpError(
    "STORE_DATA_INVALID",
    `Store "${store}" returned a send-quota record otp-core did not write`,
    { cause, source: store },
  );
}
