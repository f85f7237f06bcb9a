import type { OtpError } from "@otpkit/otp-core";
import type Database from "better-sqlite3";
import { isBusy } from "./sqlite-errors.js";

// Group commit: the compareAndSet calls of concurrently running requests share one transaction,
// so one WAL fsync acknowledges all of them. Internal: not re-exported.

/** One queued compareAndSet: its statement, and the caller waiting for its answer. */
interface Pending {
  /** Runs the op's one statement and says whether it wrote (its compare-and-set answer). */
  run: () => boolean;
  /** Whether the op can change the table (false only for "delete if absent", a read). */
  writes: boolean;
  resolve: (won: boolean) => void;
  reject: (error: OtpError) => void;
}

/** What {@link createGroupCommit} needs from the store. */
export interface GroupCommitOptions {
  db: Database.Database;
  /** At most this many ops per transaction, so a flush never stalls the event loop for long. */
  maxBatch: number;
  /** A driver error as the OtpError the caller gets (`toOtpError` for `compareAndSet`). */
  toError: (error: unknown) => OtpError;
  /** The error for an op whose connection was closed before it ran, or `null` while it is open. */
  closedError: () => OtpError | null;
}

/** The write queue of one store. */
export interface GroupCommit {
  /** Queues an op; resolves with its answer once the transaction holding it has committed. */
  submit(run: () => boolean, writes: boolean): Promise<boolean>;
  /** Runs everything queued now, synchronously (for `close()`): no promise is left pending. */
  drain(): void;
}

/**
 * The queue behind `compareAndSet`. Ops run in arrival order, in one `BEGIN IMMEDIATE … COMMIT`
 * per batch of at most `maxBatch`, each statement on the state its predecessors left (serial
 * execution: the same answers as one at a time), and every caller is answered only after COMMIT
 * returned (durable at `synchronous = FULL`). If the batch fails, nothing of it is committed and
 * no caller gets `true` for it: each gets the error, or, when one statement failed inside the
 * batch, the answer its own statement gives when run alone.
 *
 * Why `setImmediate` and not `queueMicrotask`: Node drains the microtask queue after every I/O
 * callback, so a microtask flush runs before the next request's socket callback and each batch
 * holds one request's write (measured with 50 HTTP clients: 1.0 op per batch). `setImmediate`
 * runs in the check phase, after the poll phase has run every I/O callback that was ready, so the
 * batch gathers the writes of all requests that arrived together (24 ops per batch in the same
 * measurement). It adds no timer delay: an idle loop reaches the check phase at once. While a
 * flush holds the loop, new requests pile up and form the next batch: the batch grows with load.
 */
export function createGroupCommit(options: GroupCommitOptions): GroupCommit {
  const { db, maxBatch, toError, closedError } = options;
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const rollback = db.prepare("ROLLBACK");
  let queue: Pending[] = [];
  let scheduled: ReturnType<typeof setImmediate> | undefined;
  /** Set while a transaction of ours could not be rolled back: the error that started it. */
  let stuck: { error: unknown } | undefined;

  function flush(): void {
    scheduled = undefined;
    runBatch(take());
    // Yield to I/O between batches: the stall per turn stays one batch long.
    if (queue.length > 0) scheduled = setImmediate(flush);
  }

  function take(): Pending[] {
    if (queue.length <= maxBatch) {
      const all = queue;
      queue = [];
      return all;
    }
    return queue.splice(0, maxBatch);
  }

  function runBatch(batch: Pending[]): void {
    const closed = closedError();
    if (closed !== null) {
      for (const op of batch) op.reject(closed);
      return;
    }
    // Never run statements inside a transaction of ours that failed: nothing would commit them.
    if (stuck !== undefined && !rolledBack(stuck.error)) {
      rejectAll(batch, stuck.error);
      return;
    }
    // Reads only ("delete if absent"): nothing to commit, so no write lock to wait for. Inside a
    // transaction the caller opened on its own connection: join it, as a single statement would
    // (BEGIN would fail there; the caller's COMMIT decides durability).
    if (!batch.some((op) => op.writes) || db.inTransaction) {
      runAlone(batch);
      return;
    }
    try {
      begin.run();
    } catch (error) {
      // Locked beyond the busy timeout, I/O error: each op alone would have met the same lock.
      rejectAll(batch, error);
      return;
    }
    const results: boolean[] = [];
    try {
      for (const op of batch) results.push(op.run());
    } catch (error) {
      // One statement failed: undo the batch. When that certainly left nothing committed, run
      // each op alone, so each caller gets the answer or error its own statement gives (every op
      // is an independent compare-and-set, and none of them happened yet). Not for a lock: each
      // op would wait out the busy timeout again.
      if (rolledBack(error) && !isBusy(error)) runAlone(batch);
      else rejectAll(batch, error);
      return;
    }
    try {
      commit.run();
    } catch (error) {
      // Whether the commit reached the disk is unknown: no op is run again (a re-run could answer
      // `false` for a write that did happen). Each caller gets STORE_UNAVAILABLE.
      rolledBack(error);
      rejectAll(batch, error);
      return;
    }
    for (let i = 0; i < batch.length; i++) batch[i]!.resolve(results[i]!);
  }

  /** Each op as its own statement (autocommit), in order. */
  function runAlone(batch: readonly Pending[]): void {
    for (const op of batch) {
      let won: boolean;
      try {
        won = op.run();
      } catch (error) {
        op.reject(toError(error));
        continue;
      }
      op.resolve(won);
    }
  }

  /**
   * Rolls back our open transaction; true when none is left open. Otherwise (a failed ROLLBACK:
   * rare, an I/O error) later batches try again before running anything.
   */
  function rolledBack(cause: unknown): boolean {
    try {
      if (db.inTransaction) rollback.run();
    } catch {
      // Judged by inTransaction below: the batch is rejected, never run again.
    }
    stuck = db.inTransaction ? { error: cause } : undefined;
    return stuck === undefined;
  }

  /** Every caller gets its own error object, all built from the one driver error. */
  function rejectAll(batch: readonly Pending[], error: unknown): void {
    for (const op of batch) op.reject(toError(error));
  }

  return {
    submit(run, writes) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ run, writes, resolve, reject });
        scheduled ??= setImmediate(flush);
      });
    },
    drain() {
      if (scheduled !== undefined) clearImmediate(scheduled);
      scheduled = undefined;
      while (queue.length > 0) runBatch(take());
    },
  };
}
