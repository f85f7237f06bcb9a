import type { OtpStore } from "@otpkit/otp-core";
import { OtpError } from "@otpkit/otp-core";

/** What one conversation's record holds. Never the code: otp-core keeps only its MAC. */
export type SessionRecord =
  | {
      v: 1;
      kind: "pending";
      /** The otp-core subject; `null` for an identifier no record matched (nothing was sent). */
      subject: string | null;
      codeId: string | null;
      codeExpiresAt: number;
      /** For an unmatched identifier only: wrong answers so far, and how many are allowed. */
      failures: number;
      attemptsAllowed: number;
      locale: string;
    }
  | {
      v: 1;
      kind: "authenticated";
      subject: string;
      locale: string;
      authenticatedAt: number;
      lastActivityAt: number;
      /** `authenticatedAt + absoluteMs`: nothing extends a session past it. */
      absoluteExpiresAt: number;
    };

/** Reads and writes conversation records with the store's two primitives. */
export interface SessionStore {
  read(key: string): Promise<{ raw: string | null; record: SessionRecord | null }>;
  /**
   * Applies `change` to the current record and writes the result with compare-and-set, retrying
   * when another process wrote in between. `change` returns the next record (`null`: delete) and
   * its time to live, or `undefined` to leave the record alone.
   */
  update<T>(
    key: string,
    change: (
      current: SessionRecord | null,
    ) => { next: SessionRecord | null; ttlMs: number; result: T } | { result: T; keep: true },
  ): Promise<T>;
}

const MAX_TRIES = 5;

function decode(raw: string | null): SessionRecord | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as SessionRecord;
    return value && value.v === 1 ? value : null;
  } catch {
    // A record this version cannot read is treated as absent: it can only lead to a fresh start.
    return null;
  }
}

/**
 * The session records of one store.
 *
 * @param store The `OtpStore` (the same one as the codes, so sessions hold across processes).
 * @returns A {@link SessionStore}.
 * @throws {OtpError} `STORE_CONTENTION` (retryable) from `update` after 5 lost races.
 * @example
 * ```ts
 * const sessions = createSessionStore(createMemoryStore());
 * await sessions.update("k", () => ({ next: null, ttlMs: 1, result: true }));
 * ```
 */
export function createSessionStore(store: OtpStore): SessionStore {
  return {
    async read(key) {
      const raw = await store.get(key);
      return { raw, record: decode(raw) };
    },
    async update(key, change) {
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        const raw = await store.get(key);
        const outcome = change(decode(raw));
        if ("keep" in outcome) return outcome.result;
        const next = outcome.next === null ? null : JSON.stringify(outcome.next);
        if (raw === null && next === null) return outcome.result;
        if (await store.compareAndSet(key, raw, next, Math.max(1, Math.ceil(outcome.ttlMs)))) {
          return outcome.result;
        }
      }
      throw new OtpError(
        "STORE_CONTENTION",
        `[conversation-auth] the conversation record changed ${MAX_TRIES} times while being updated`,
        { source: "conversation-auth", retryable: true },
      );
    },
  };
}
