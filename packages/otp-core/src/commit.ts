import { isOtpError, OtpError } from "./errors.js";
import type { RandomSource } from "./random.js";
import type { SubjectRecord } from "./record.js";
import { decodeRecord, encodeRecord } from "./record-codec.js";
import type { Decision } from "./rules/index.js";
import type { OtpStore } from "./store.js";

/** How often one call re-reads and decides again after losing a compare-and-set. */
const MAX_TRIES = 32;
/** The longest pause between two tries, ms (jittered below it). */
const MAX_PAUSE_MS = 64;

/** @internal How one kind of record is stored: its stored form, and how long to keep it. */
export interface RecordCodec<R> {
  encode(record: R): string;
  /** Throws `STORE_DATA_INVALID` for anything otp-core did not write. */
  decode(raw: string, store: string): R;
  /** How long the store keeps it, ms (0: delete it). */
  ttl(record: R, now: number): number;
}

/** @internal What the shell needs to commit decisions to a store. */
export interface Committer {
  readonly store: OtpStore;
  /** Reads the record (`null` for a subject never seen, or whose record expired). */
  read(key: string): Promise<SubjectRecord | null>;
  /**
   * Reads, decides, and commits the decision's next record with one compare-and-set. On a lost
   * race it reads and decides again — bounded, with jitter — and if contention does not clear,
   * throws `STORE_CONTENTION` (retryable): never an answer that was not committed.
   */
  commit<O>(
    key: string,
    decide: (record: SubjectRecord | null, now: number) => Decision<O>,
  ): Promise<Decision<O>>;
  /**
   * The same read, decide, compare-and-set loop for a record of another kind (a destination's
   * send quota), with its own stored form and lifetime.
   */
  commitWith<R, O>(
    key: string,
    codec: RecordCodec<R>,
    decide: (record: R | null, now: number) => Decision<O, R>,
  ): Promise<Decision<O, R>>;
  /** Every store call goes through here: foreign errors become `STORE_UNAVAILABLE`. */
  call<T>(op: () => Promise<T>): Promise<T>;
}

/**
 * @internal
 * @param ttl How long the store must keep a record (0: delete it); the rules' `recordTtl`.
 */
export function createCommitter(
  store: OtpStore,
  now: () => number,
  random: RandomSource,
  sleep: (ms: number) => Promise<void>,
  ttl: (record: SubjectRecord, now: number) => number,
): Committer {
  function unavailable(error: unknown): unknown {
    if (isOtpError(error)) return error;
    return new OtpError("STORE_UNAVAILABLE", `Store "${store.name}" failed`, {
      cause: error,
      source: store.name,
    });
  }

  async function call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw unavailable(error);
    }
  }

  const subjects: RecordCodec<SubjectRecord> = {
    encode: encodeRecord,
    decode: decodeRecord,
    ttl,
  };

  return {
    store,
    call,
    async read(key) {
      const raw = await call(() => store.get(key));
      return raw === null ? null : decodeRecord(raw, store.name);
    },
    commit(key, decide) {
      return commitWith(key, subjects, decide);
    },
    commitWith,
  };

  // The two store calls here are awaited in place, not through `call`: a promise and a closure
  // fewer per round trip, on the path every issue and verify takes.
  async function commitWith<R, O>(
    key: string,
    codec: RecordCodec<R>,
    decide: (record: R | null, now: number) => Decision<O, R>,
  ): Promise<Decision<O, R>> {
    for (let attempt = 1; ; attempt++) {
      let raw: string | null;
      try {
        raw = await store.get(key);
      } catch (error) {
        throw unavailable(error);
      }
      const record = raw === null ? null : codec.decode(raw, store.name);
      const t = now();
      const decision = decide(record, t);
      if (decision.next === undefined) return decision;
      const ms = codec.ttl(decision.next, t);
      const next = ms > 0 ? codec.encode(decision.next) : null;
      if (raw === next) return decision;
      let won: boolean;
      try {
        won = await store.compareAndSet(key, raw, next, ms);
      } catch (error) {
        throw unavailable(error);
      }
      if (won) return decision;
      if (attempt >= MAX_TRIES) {
        throw new OtpError(
          "STORE_CONTENTION",
          `Gave up after ${MAX_TRIES} conflicting writes to one record`,
          { source: store.name },
        );
      }
      // Someone else changed the record between our read and our write: decide again on what
      // they wrote. A short random pause spreads out callers that keep colliding.
      if (attempt > 1) await sleep(jitter(attempt, random));
    }
  }
}

function jitter(attempt: number, random: RandomSource): number {
  const byte = random(new Uint8Array(1))[0]!;
  return Math.floor(((byte + 1) / 256) * Math.min(MAX_PAUSE_MS, 2 ** attempt));
}
