import type { Recipient } from "./channel.js";
import type { SealedText } from "./crypto.js";

/**
 * One code, as its subject's record holds it. Never the code itself: a truncated keyed MAC (and,
 * in `encrypted` storage, an AES-GCM sealed copy).
 */
export interface CodeState {
  readonly id: string;
  /** Id of the secret that keyed `mac` (and sealed `sealed`). */
  readonly keyId: string;
  /** base64url of the first 16 bytes of HMAC-SHA-256(secret, subject, code id, code). */
  readonly mac: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** Wrong guesses spent on this code. */
  readonly used: number;
  /** Wrong guesses it survives (the policy's `maxAttempts` when it was issued). */
  readonly max: number;
  /** The channel it went out on (the first of the plan until a fallback says otherwise). */
  readonly channel?: string;
  readonly sealed?: SealedText;
  /** Issued to a test recipient: fixed code, no delivery, events marked `test`. */
  readonly test?: boolean;
  /** Set once the code ended by itself; kept so a late check answers `expired` / `exhausted`. */
  readonly ended?: "expired" | "exhausted";
}

/**
 * What the record keeps of a code that a newer one replaced, to recognise it when the person
 * types it (the rule in `rules/replaced.ts`): enough to compute its MAC again, and its expiry.
 * Never the code itself, nor its attempts: it can no longer be spent.
 */
export interface ReplacedCode {
  readonly id: string;
  /** Id of the secret that keyed `mac`. */
  readonly keyId: string;
  /** As {@link CodeState.mac}. */
  readonly mac: string;
  /** The replaced code's own expiry: after it, typing it is just a wrong code. */
  readonly expiresAt: number;
}

/**
 * Everything the rules know about one (subject, purpose), in one record that one compare-and-set
 * changes: the active code, the code it replaced (while that one could still be given back, and
 * while it would still have been valid), the failure budget, the consecutive failures since the
 * last success, the lock, the resend throttle.
 */
export interface SubjectRecord {
  readonly code?: CodeState;
  /** The live code the active one replaced: restored if the new one cannot be delivered. */
  readonly previous?: CodeState;
  /**
   * The live code the active one replaced (a resend, or a fresh code after a wrong guess), until
   * its own expiry: typing it answers `replaced` and spends nothing. Apart from `previous`, which
   * holds the whole code for a restore and is dropped at the first guess or delivery outcome;
   * this outlives both, holds only what a MAC check needs, and ends with the active code.
   */
  readonly replaced?: ReplacedCode;
  /** Where the last code went, for retry, lockout and unlock messages. */
  readonly to?: Recipient;
  /** The preferred channel order of the last issue. */
  readonly channels?: readonly string[];
  /** The last code was a test recipient's: its lock and unlock events are marked, no notices. */
  readonly test?: boolean;
  /** Failed attempts in the budget window that started at `failuresSince`. */
  readonly failures: number;
  readonly failuresSince: number;
  /** Failed attempts since the last success, across windows and locks (NIST 800-63B-4 §3.2.2). */
  readonly consecutive: number;
  /** When the last failure was counted (the consecutive count is forgotten `rememberMs` after). */
  readonly lastFailureAt: number;
  /** Locks since the last success: each one lasts twice the one before. */
  readonly locks: number;
  /**
   * The lock: `until` (epoch ms), or `null` until an operator unlocks. A lock whose `until` has
   * passed is over; it stays here until its unlock is noticed (event, notice), then goes.
   */
  readonly lock?: { readonly until: number | null };
  /** When the last code was sent (the cooldown runs from here). */
  readonly lastSendAt?: number;
  /** Sends in the window that started at `sendsSince`. */
  readonly sends: number;
  readonly sendsSince: number;
}

/** A record with nothing in it: the state of a subject never seen. */
export const EMPTY_RECORD: SubjectRecord = Object.freeze(
  makeRecord({
    failures: 0,
    failuresSince: 0,
    consecutive: 0,
    lastFailureAt: 0,
    locks: 0,
    sends: 0,
    sendsSince: 0,
  }),
);

/**
 * @internal A record with every field present (absent ones `undefined`), always in the same
 * order; so are the code states in it (`decodeCode`, the rules' `placeCode`). Why: the rules
 * derive records with `{ ...record, field }`; on V8 (Node 20) a spread that adds a field the
 * source lacks costs microseconds (measured 2-10 µs: more than a whole rule), while one that
 * only replaces fields is a plain copy (50 ns). Records built so only ever have fields replaced.
 */
export function makeRecord(r: SubjectRecord): SubjectRecord {
  return {
    code: r.code,
    previous: r.previous,
    replaced: r.replaced,
    to: r.to,
    channels: r.channels,
    test: r.test,
    failures: r.failures,
    failuresSince: r.failuresSince,
    consecutive: r.consecutive,
    lastFailureAt: r.lastFailureAt,
    locks: r.locks,
    lock: r.lock,
    lastSendAt: r.lastSendAt,
    sends: r.sends,
    sendsSince: r.sendsSince,
  };
}
