import { intOption, isOtpError } from "@otpkit/otp-core";
import { propertyValues, recordId } from "./crm-arguments.js";
import type { CrmClient } from "./crm-client.js";

/** Why a write left the queue without reaching HubSpot. */
export type CrmDeadLetterReason =
  /** HubSpot refused it (4xx other than 429: contact deleted, property missing, scope removed). */
  | "rejected"
  /** Still failing (429, 5xx, network) after `maxAttempts` background attempts. */
  | "failed"
  /** `maxContacts` contacts were already waiting. */
  | "queue_full"
  /** Enqueued after `close()`, or still failing when `close()` gave up on it. */
  | "closed"
  /** A malformed contact id or property value: it would fail every time. */
  | "invalid";

/**
 * A write the queue gave up on, for logging. `properties` holds the values: one of them may be
 * the plaintext code when property storage is on, so log `propertyNames`, never `properties`.
 */
export interface CrmDeadLetter {
  contactId: string;
  reason: CrmDeadLetterReason;
  /** The property names the write would have set (safe to log). */
  propertyNames: string[];
  /** The values (may include the code copy: do not log). */
  properties: Record<string, string>;
  /** Background attempts made. */
  attempts: number;
  /** The last error (an `OtpError` from the client; it never holds a token or a value). */
  error?: unknown;
}

/** Options for {@link createCrmWriteQueue}. */
export interface CrmWriteQueueOptions {
  /** The portal's CRM client (it rate limits and retries each write itself). */
  client: Pick<CrmClient, "updateContact">;
  /** Called once per write given up on; what it throws is ignored. */
  onDeadLetter?: (letter: CrmDeadLetter) => void;
  /** Contacts with writes waiting, at most; more are dead-lettered (`queue_full`). @default 10_000 */
  maxContacts?: number;
  /** Background attempts per write (each with the client's own retries). @default 6 */
  maxAttempts?: number;
  /** Wait before the second attempt, doubled each time (equal jitter). @default 30_000 */
  retryDelayMs?: number;
  /** Longest wait between two attempts. @default 900_000 (15 min) */
  maxRetryDelayMs?: number;
  /** Writes in flight at once (different contacts). @default 4 */
  concurrency?: number;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** Uniform in [0, 1), for the jitter. @default Math.random */
  random?: () => number;
  /** Runs `fn` after `ms`; returns a cancel function. @default an unref'd setTimeout */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

/**
 * CRM property writes in the background, so a CRM outage never delays or changes an OTP outcome.
 */
export interface CrmWriteQueue {
  readonly name: "hubspot-crm-writes";
  /**
   * Queues property values for a contact and returns at once; merges them into the contact's
   * waiting write (a later value wins per property), so a burst of events makes one PATCH.
   * Never throws: a write it cannot take goes to `onDeadLetter`.
   * @returns `true` when queued, `false` when dead-lettered right away.
   */
  enqueue(contactId: string, properties: Readonly<Record<string, string>>): boolean;
  /** Contacts with a write waiting or in flight. */
  readonly size: number;
  /**
   * Attempts every waiting write now (also those waiting for a retry) and resolves when none is
   * in flight. Writes that fail again stay queued. Never rejects.
   */
  flush(): Promise<void>;
  /** Flushes, dead-letters (`closed`) whatever still failed, and takes no more writes. */
  close(): Promise<void>;
}

interface Entry {
  contactId: string;
  properties: Record<string, string>;
  attempts: number;
  notBefore: number;
}

/**
 * A background queue of contact property writes for one portal, fed from the engine's event
 * sink (`enqueue(contactId, propertyUpdatesFor(event, ...))`).
 *
 * - Coalesced: one waiting write per contact; new values merge in (last write wins per property),
 *   and a contact never has two writes in flight, so values land in event order.
 * - Retried later: a write that still fails after the client's own retries waits
 *   `retryDelayMs` · 2ⁿ (with jitter, at least HubSpot's `Retry-After`), up to `maxAttempts`; a
 *   4xx refusal is not retried. Each give-up goes to `onDeadLetter`.
 * - Bounded: at most `maxContacts` waiting contacts and `concurrency` writes in flight.
 * - In memory: writes still waiting when the process dies are lost (the CRM lags; no OTP
 *   outcome depends on it). Call `close()` on shutdown.
 *
 * @param options The portal's `client`, `onDeadLetter`, and the bounds.
 * @returns A {@link CrmWriteQueue}.
 * @throws {OtpError} `CONFIG_INVALID` for a bad option (the queue's methods never throw).
 * @example
 * ```ts
 * const writes = createCrmWriteQueue({
 *   client: crm,
 *   onDeadLetter: (l) => log.warn("crm write dropped", l.contactId, l.reason, l.propertyNames),
 * });
 * const onEvent = (event: OtpEvent) => { writes.enqueue(contactIdOf(event), propertyUpdatesFor(event)); };
 * ```
 */
export function createCrmWriteQueue(options: CrmWriteQueueOptions): CrmWriteQueue {
  const client = options.client;
  const int = (field: keyof CrmWriteQueueOptions, fallback: number, min: number, max: number) =>
    intOption(field, options[field] ?? fallback, min, max, { source: "hubspot" });
  const maxContacts = int("maxContacts", 10_000, 1, 10_000_000);
  const maxAttempts = int("maxAttempts", 6, 1, 100);
  const retryDelayMs = int("retryDelayMs", 30_000, 0, 86_400_000);
  const maxRetryDelayMs = int("maxRetryDelayMs", 900_000, 0, 86_400_000);
  const concurrency = int("concurrency", 4, 1, 100);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? defaultSetTimer;

  // Every contact is in at most one of `ready`/`delayed`, or in flight (then newer values wait in
  // `following` until the write in flight settles).
  const ready = new Map<string, Entry>();
  const delayed = new Map<string, Entry>();
  const following = new Map<string, Record<string, string>>();
  const inFlight = new Map<string, Promise<void>>();
  let cancelTimer: (() => void) | undefined;
  let timerDue = Number.POSITIVE_INFINITY;
  let closed = false;
  let kicked = false;

  function deadLetter(entry: Entry, reason: CrmDeadLetterReason, error?: unknown): void {
    const letter: CrmDeadLetter = {
      contactId: entry.contactId,
      reason,
      propertyNames: Object.keys(entry.properties),
      properties: entry.properties,
      attempts: entry.attempts,
      ...(error === undefined ? {} : { error }),
    };
    try {
      options.onDeadLetter?.(letter);
    } catch {
      // A logging callback must not break the queue (nor reach the event sink).
    }
  }

  /**
   * Starts writes on the next turn of the event loop, not now: the engine emits an operation's
   * events one after the other (`failed`, then `locked`), and they should make one PATCH.
   */
  function kick(): void {
    if (kicked) return;
    kicked = true;
    setImmediate(() => {
      kicked = false;
      pump();
    });
  }

  function pump(): void {
    for (const [id, entry] of ready) {
      if (inFlight.size >= concurrency) break;
      ready.delete(id);
      inFlight.set(id, write(entry));
    }
    schedule();
  }

  /** One timer, for the earliest delayed entry. */
  function schedule(): void {
    let due = Number.POSITIVE_INFINITY;
    for (const entry of delayed.values()) due = Math.min(due, entry.notBefore);
    if (due === timerDue) return;
    cancelTimer?.();
    cancelTimer = undefined;
    timerDue = due;
    if (due === Number.POSITIVE_INFINITY) return;
    cancelTimer = setTimer(
      () => {
        cancelTimer = undefined;
        timerDue = Number.POSITIVE_INFINITY;
        promote((entry) => entry.notBefore <= now());
        pump();
      },
      Math.max(0, due - now()),
    );
  }

  function promote(isDue: (entry: Entry) => boolean): void {
    for (const [id, entry] of delayed) {
      if (!isDue(entry)) continue;
      delayed.delete(id);
      ready.set(id, entry);
    }
  }

  async function write(entry: Entry): Promise<void> {
    const id = entry.contactId;
    let failure: unknown;
    let failed = false;
    try {
      await client.updateContact(id, entry.properties);
    } catch (error) {
      failed = true;
      failure = error;
    }
    inFlight.delete(id);
    const newer = following.get(id);
    following.delete(id);
    if (failed) {
      entry.attempts += 1;
      // Unknown errors are retried too: bounded by maxAttempts.
      const retryable = isOtpError(failure) ? failure.retryable : true;
      if (retryable && entry.attempts < maxAttempts && !closed) {
        // Merge newer values over the failed ones: one write still carries everything, in order.
        entry.properties = { ...entry.properties, ...newer };
        entry.notBefore = now() + backoff(entry.attempts, failure);
        delayed.set(id, entry);
        pump();
        return;
      }
      deadLetter(entry, retryable ? (closed ? "closed" : "failed") : "rejected", failure);
    }
    if (newer !== undefined)
      ready.set(id, { contactId: id, properties: newer, attempts: 0, notBefore: 0 });
    pump();
  }

  function backoff(attempts: number, error: unknown): number {
    const step = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempts - 1));
    const wait = step / 2 + (random() * step) / 2;
    const retryAfter = isOtpError(error) ? error.details?.["retryAfterMs"] : undefined;
    return typeof retryAfter === "number" ? Math.max(wait, retryAfter) : wait;
  }

  async function flush(): Promise<void> {
    promote(() => true);
    pump();
    while (inFlight.size > 0) {
      await Promise.allSettled([...inFlight.values()]);
    }
  }

  return {
    name: "hubspot-crm-writes",
    get size() {
      const ids = new Set([...ready.keys(), ...delayed.keys(), ...inFlight.keys()]);
      return ids.size;
    },
    enqueue(contactId, properties) {
      let values: Record<string, string>;
      try {
        recordId("contactId", contactId);
        values = propertyValues("properties", properties);
      } catch (error) {
        const props =
          typeof properties === "object" && properties !== null ? { ...properties } : {};
        deadLetter(
          { contactId: String(contactId), properties: props, attempts: 0, notBefore: 0 },
          "invalid",
          error,
        );
        return false;
      }
      if (Object.keys(values).length === 0) return true;
      const entry: Entry = { contactId, properties: values, attempts: 0, notBefore: 0 };
      if (closed) {
        deadLetter(entry, "closed");
        return false;
      }
      if (inFlight.has(contactId)) {
        following.set(contactId, { ...following.get(contactId), ...values });
        return true;
      }
      const waiting = ready.get(contactId) ?? delayed.get(contactId);
      if (waiting !== undefined) {
        Object.assign(waiting.properties, values);
        return true;
      }
      if (ready.size + delayed.size + following.size >= maxContacts) {
        deadLetter(entry, "queue_full");
        return false;
      }
      ready.set(contactId, entry);
      kick();
      return true;
    },
    flush,
    async close() {
      closed = true;
      await flush();
      cancelTimer?.();
      cancelTimer = undefined;
      for (const entry of delayed.values()) deadLetter(entry, "closed");
      delayed.clear();
    },
  };
}

function defaultSetTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  // Background retries must not keep a process alive that is otherwise done.
  (timer as { unref?: () => void }).unref?.();
  return () => clearTimeout(timer);
}
