import { shortDigest } from "./crypto.js";

/**
 * @internal The key layout, in one place. Every key of one (subject, purpose) starts with the
 * subject digest in braces: a Redis Cluster hash tag, so all of them live in one slot.
 */
export interface SubjectKeys {
  readonly code: string;
  readonly delivery: string;
  attempts(codeId: string): string;
  readonly failures: string;
  readonly lock: string;
  readonly cooldown: string;
  sends(bucket: number): string;
  idempotency(operation: string, key: string): string;
}

/** @internal */
export function keysFor(sid: string): SubjectKeys {
  const tag = `{${sid}}`;
  return {
    /** The active code record (JSON). Replaced by a resend, consumed by a success. */
    code: `${tag}:code`,
    /** Which channel delivered the active code, and where (JSON). */
    delivery: `${tag}:dlv`,
    /** Wrong guesses against one code: the per-code attempt counter. */
    attempts: (codeId: string) => `${tag}:att:${codeId}`,
    /** Failed attempts of the subject across codes: the budget that survives resends. */
    failures: `${tag}:fail`,
    /** The lock record (JSON with `until`); outlives the lock so the unlock can be noticed once. */
    lock: `${tag}:lock`,
    /** Resend cooldown marker, holding the time it ends. */
    cooldown: `${tag}:cool`,
    /** Sends in one fixed window. */
    sends: (bucket: number) => `${tag}:sends:${bucket}`,
    /** An idempotency record (JSON). */
    idempotency: (operation: string, key: string) => `${tag}:idem:${operation}:${shortDigest(key)}`,
  };
}
