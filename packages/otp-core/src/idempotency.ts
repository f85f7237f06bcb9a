import { astring } from "./assert.js";
import type { Committer } from "./commit.js";
import type { Namer } from "./crypto.js";
import type { SubjectContext } from "./effects.js";
import { OtpError } from "./errors.js";

/** A claim expires by itself if the process dies mid-operation, so the key is not stuck. */
const CLAIM_MS = 2 * 60_000;

interface IdempotencyRecord<T> {
  /** `p`ending or `d`one. */
  s: "p" | "d";
  /** The request's fingerprint: what the key was first used for. */
  f: string;
  r?: T;
}

/** @internal Runs an operation at most once per idempotency key, for the same request only. */
export interface Idempotency {
  /**
   * The first call with a key runs `run`; a later call with the same key and the same
   * `fingerprint` gets the stored outcome (`replayed: true`). The same key with another
   * fingerprint is `IDEMPOTENCY_CONFLICT` (not retryable): a reused key must never answer for a
   * different request — a stored `verified` replayed for a wrong code was exactly that bug.
   */
  once<T extends { replayed?: boolean }>(
    ctx: SubjectContext,
    operation: "issue" | "verify",
    key: string | undefined,
    fingerprint: () => string,
    run: () => Promise<T>,
    strip?: (result: T) => T,
  ): Promise<T>;
}

/** @internal */
export function createIdempotency(committer: Committer, namer: Namer, ttlMs: number): Idempotency {
  const { call } = committer;
  return {
    async once(ctx, operation, key, fingerprint, run, strip = (r) => r) {
      if (key === undefined) return run();
      const store = committer.store;
      const idemKey = `${ctx.key}:i:${operation}:${namer.digest(astring("idempotencyKey", key))}`;
      // Keyed with the naming key: the stored fingerprint says nothing about the code sent.
      const f = namer.digest(fingerprint());
      const pending = JSON.stringify({ s: "p", f } satisfies IdempotencyRecord<never>);
      for (let tries = 0; tries < 3; tries++) {
        if (await call(() => store.compareAndSet(idemKey, null, pending, CLAIM_MS))) {
          try {
            const result = await run();
            const done: IdempotencyRecord<typeof result> = { s: "d", f, r: strip(result) };
            await call(() => store.compareAndSet(idemKey, pending, JSON.stringify(done), ttlMs));
            return result;
          } catch (error) {
            await store.compareAndSet(idemKey, pending, null, 1).catch(() => undefined);
            throw error;
          }
        }
        const raw = await call(() => store.get(idemKey));
        if (raw === null) continue; // expired between our two calls: claim it again
        const previous = parse<Awaited<ReturnType<typeof run>>>(raw);
        if (previous?.f !== f) {
          throw new OtpError(
            "IDEMPOTENCY_CONFLICT",
            `This idempotency key was used for a different ${operation} request: use a new key for a new request`,
            { retryable: false },
          );
        }
        if (previous.s === "d" && previous.r !== undefined)
          return { ...previous.r, replayed: true };
        throw new OtpError(
          "IDEMPOTENCY_CONFLICT",
          "A request with this idempotency key is still in progress",
          { retryable: true },
        );
      }
      throw new OtpError("IDEMPOTENCY_CONFLICT", "This idempotency key keeps changing", {
        retryable: true,
      });
    },
  };
}

function parse<T>(raw: string): IdempotencyRecord<T> | null {
  try {
    const value = JSON.parse(raw) as IdempotencyRecord<T>;
    return typeof value === "object" && value !== null && typeof value.f === "string"
      ? value
      : null;
  } catch {
    return null;
  }
}
