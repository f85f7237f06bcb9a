import type { AlphabetName } from "./alphabet.js";
import type { Recipient } from "./channel.js";
import type { CodePolicy } from "./policy.js";

/** Who and what a code is for. */
export interface SubjectRef {
  /** Your stable id for the person (user id, contact id, e-mail). 1..256 characters. */
  subject: string;
  /** What the code is for; each purpose has its own code and budget. @default "login" */
  purpose?: string;
}

/** Arguments of {@link Otp.issue}. */
export interface IssueRequest extends SubjectRef {
  /** Where to send it. Required unless `deliver` is false. */
  recipient?: Recipient;
  /** Deliver through the channels (default), or return the code to you (`false`). @default true */
  deliver?: boolean;
  /**
   * Also return the code when it is delivered — only for a caller that must keep a copy because
   * its user explicitly asked for one (the HubSpot app's "store the code in a contact property").
   * Never stored with an idempotency record: a replay returns it only in `encrypted` storage.
   * @default false
   */
  returnCode?: boolean;
  /**
   * The channels to use, in order (`["email"]`); no other is tried, so a named channel that
   * cannot reach the recipient answers `NO_CHANNEL` and one that fails ends in `DELIVERY_FAILED`
   * rather than a message on a channel nobody asked for. Name several to fall back between them.
   * @default every configured channel: phone channels first, then e-mail
   */
  channels?: readonly string[];
  /**
   * The same key with the same request returns the same outcome instead of a second code
   * (HubSpot retries requests). Scoped to (subject, purpose, "issue"); a different request under
   * a used key is `IDEMPOTENCY_CONFLICT`, never the first request's answer.
   */
  idempotencyKey?: string;
}

/** Why a subject cannot get a code or check one right now. */
export interface LockedResult {
  status: "locked";
  /** When the lock ends (epoch ms); `null`: it lasts until an operator calls `unlock`. */
  lockedUntil: number | null;
  /** `lockedUntil - now`; `null` with `lockedUntil`. */
  retryAfterMs: number | null;
  replayed?: boolean;
}

/** The outcome of {@link Otp.issue}. */
export type IssueResult =
  | {
      status: "issued";
      codeId: string;
      expiresAt: number;
      attemptsAllowed: number;
      /** The channel that delivered it, when delivered (`"test"` for a test recipient). */
      channel?: string;
      /** Masked destination (`***78`), when delivered. */
      destination?: string;
      /** The code, only for `deliver: false` or `returnCode: true` (on a replay: only in `encrypted` storage). */
      code?: string;
      /** True when this is the stored outcome of an earlier call with the same idempotency key. */
      replayed?: boolean;
    }
  | {
      status: "throttled";
      /**
       * `cooldown` and `max_sends`: this subject's resend throttle. `destination_quota`: the
       * e-mail address or phone number got its quota of codes (over every subject and purpose:
       * `destinationQuota`); nothing was sent and this subject's throttle is untouched.
       */
      reason: "cooldown" | "max_sends" | "destination_quota";
      retryAfterMs: number;
      replayed?: boolean;
    }
  | LockedResult;

/** Arguments of {@link Otp.verify}. */
export interface VerifyRequest extends SubjectRef {
  /** What the person typed; normalised (spaces, dashes, case) before comparing. */
  code: string;
  /**
   * The same key with the same request (code id and code) returns the same outcome: a retried
   * request is not a second guess. Scoped to (subject, purpose, "verify"); the same key with a
   * different code or code id is `IDEMPOTENCY_CONFLICT`, never the stored answer.
   */
  idempotencyKey?: string;
  /**
   * The code this check is meant for (from `issue`). When another code has replaced it, the
   * answer is `not_found` and nothing is counted: a stale form can never spend a newer code.
   */
  codeId?: string;
}

/**
 * The outcome of {@link Otp.verify}. `not_found` is the same whether the subject never existed,
 * never had a code, or used it already: it reveals nothing a caller did not send.
 */
export type VerifyResult =
  | ((
      | { status: "verified"; codeId: string }
      | {
          status: "invalid";
          /** Guesses left before the code ends (or the subject locks, whichever is first). */
          attemptsRemaining: number;
          /** With `retryOnFailure`: whether a fresh code went out. */
          resent?: boolean;
          /** The fresh code's id, when one went out (pass it as `codeId` from now on). */
          codeId?: string;
        }
      | {
          /**
           * The input is the code that the active one replaced (a resend, or a fresh code after
           * a wrong guess with `retryOnFailure`), typed before the code's own expiry: the person
           * holds an older message. It spends nothing (no attempt, no new code) and verifies
           * nothing: ask for the newest code. Only the most recent replaced code is recognised;
           * an older one, or one past its expiry, is a wrong code (`invalid`).
           */
          status: "replaced";
          /** The active code's id (pass it as `codeId`). */
          codeId: string;
          /** Guesses left on the active code, unchanged by this check. */
          attemptsRemaining: number;
        }
      | { status: "expired" }
      | { status: "exhausted" }
      | {
          /**
           * The input can never be right (wrong length, symbols outside the alphabet, empty). It
           * spends nothing: such input gives a brute-forcer nothing.
           */
          status: "malformed";
          /** What a valid code looks like. */
          expected: { length: number; alphabet: AlphabetName };
        }
      | { status: "not_found" }
    ) & { replayed?: boolean })
  | LockedResult;

/** What {@link Otp.lookup} reports. */
export interface OtpStatus {
  /** The active code, if any. */
  active: {
    codeId: string;
    issuedAt: number;
    expiresAt: number;
    attemptsUsed: number;
    /** Wrong guesses left: the lower of the code's attempts and the subject's budget. */
    attemptsRemaining: number;
    maxAttempts: number;
    /** Channel that delivered it. */
    channel?: string;
    /** Masked destination (the reference shown to agents). */
    destination?: string;
    /** The code itself: only with `reveal: true` and `storage: "encrypted"`. */
    code?: string;
    /** Issued to a test recipient. */
    test?: boolean;
  } | null;
  /**
   * The most recent code, also after it ended by itself, so a caller holding its `codeId` can
   * tell why it no longer works. `null` once it was verified or revoked (or the record is gone).
   */
  latest: {
    codeId: string;
    expiresAt: number;
    /** `active` also while the subject is locked (`locked` says so). */
    state: "active" | "expired" | "exhausted";
  } | null;
  /** True while the subject is locked. */
  locked: boolean;
  /** When the lock ends; `null` when not locked, or locked until an operator unlocks. */
  lockedUntil: number | null;
  /** Failed attempts counted against the budget in its current window. */
  failures: number;
  /** The budget. */
  maxFailures: number;
  /** Failed attempts since the last success (only a success or an operator unlock clears them). */
  consecutiveFailures: number;
  /** At this many, the subject stays locked until an operator unlocks it. */
  maxConsecutiveFailures: number;
  /** When the next code may be sent (cooldown or window cap); `null` when it may be sent now. */
  nextSendAt: number | null;
}

/** The engine. */
export interface Otp {
  /** The validated code policy (alphabet, length, bits, inputMode). */
  readonly policy: CodePolicy;
  /** Creates a code (replacing the active one), stores its MAC, and delivers it. */
  issue(request: IssueRequest): Promise<IssueResult>;
  /** Checks a code. Expected outcomes are values; only operational failures throw. */
  verify(request: VerifyRequest): Promise<VerifyResult>;
  /**
   * The active code, lock and budget of a subject, for dashboards and the CRM card. Read-only:
   * it never writes, never ends a lock, never sends.
   */
  lookup(request: SubjectRef & { reveal?: boolean }): Promise<OtpStatus>;
  /** Ends the active code. Returns false when there was none (or `codeId` names another). */
  revoke(request: SubjectRef & { reason?: string; codeId?: string }): Promise<boolean>;
  /**
   * An operator's unlock: ends a lock (also one at the consecutive-failure cap), clears the
   * budget and the consecutive failures, records `unlocked` (reason `operator`) and sends the
   * unlock notice. Returns false when the subject was not locked (its counters are still cleared).
   */
  unlock(request: SubjectRef): Promise<boolean>;
  /** Stops unlock timers. Stores and channels belong to the caller and stay open. */
  close(): Promise<void>;
}
