import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Schema } from "./schema.js";
import { isDatabaseFailure } from "./write-failure.js";

/**
 * One kind of write the group commit runs many of at once: `run` gets the items of one flush
 * (in the order they were queued) and returns one result per item, in the same order. It runs
 * inside the flush's transaction and must use only the `db` it is given (on SQLite the app
 * database's one connection is held by the flush: `app.db` would wait for it forever). It may
 * run twice for an item (again alone, when its batch failed): it must only touch the database.
 */
export interface WriteKind<I, R> {
  /** For error messages. */
  readonly name: string;
  run(db: Kysely<Schema>, items: readonly I[]): Promise<R[]>;
}

/** The hot path's writes, committed together (see {@link createGroupCommit}). */
export interface GroupCommit {
  /**
   * Queues one write; resolves with its result once the transaction holding it has committed
   * (SQLite: synced to disk), rejects with its error when it was not made.
   *
   * @throws {Error} (rejects) The write's own error, the database's, or "closed" after `close()`.
   */
  write<I, R>(kind: WriteKind<I, R>, item: I): Promise<R>;
  /** Stops taking writes, then commits every queued one; resolves when nothing is left. */
  close(): Promise<void>;
}

/** Options of {@link createGroupCommit}. */
export interface GroupCommitOptions {
  /**
   * The statement that opens a transaction: `begin immediate` on SQLite (takes the write lock
   * first, so another process's lock is waited for by busy_timeout), `begin` on PostgreSQL.
   */
  begin: string;
  /** The most writes in one transaction. @default 256 */
  maxBatch?: number;
}

interface Pending {
  kind: WriteKind<unknown, unknown>;
  item: unknown;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: many requests' writes in one transaction, so the commit's cost (one fsync on
 * SQLite, one round trip on PostgreSQL) is paid once per batch, not once per write. Writes queue;
 * when nothing is being committed, a flush starts at once (`setImmediate`: after the I/O of this
 * turn of the event loop, never after a timer, so a lone write waits for nothing); while one
 * commit is in flight the next batch gathers. A flush runs up to `maxBatch` writes in ONE
 * transaction, each kind's writes together (one multi-row INSERT, one UPDATE … RETURNING), and
 * answers every caller only after COMMIT. When the batch fails because of one of its writes,
 * each write runs again alone in its own transaction: only the bad one fails, and nothing that
 * was answered as written is lost. When the database itself fails, every caller gets its error.
 *
 * Kinds run in the order their first write was queued; the writes of one flush come from
 * callers that do not wait for each other (a caller's next write is queued after its first
 * resolved, so it lands in a later flush).
 *
 * @example
 * const writes = createGroupCommit(db, { begin: "begin immediate" });
 * await writes.write(auditRows, row); // committed when this resolves
 */
export function createGroupCommit(db: Kysely<Schema>, options: GroupCommitOptions): GroupCommit {
  const maxBatch = options.maxBatch ?? 256;
  const queue: Pending[] = [];
  let flushing: Promise<void> | null = null;
  let scheduled: NodeJS.Immediate | null = null;
  let closed = false;

  function schedule(): void {
    if (scheduled !== null || flushing !== null || queue.length === 0) return;
    scheduled = setImmediate(flush);
  }

  function flush(): void {
    scheduled = null;
    const batch = queue.splice(0, maxBatch);
    flushing = commit(batch).finally(() => {
      flushing = null;
      schedule();
    });
  }

  async function transaction<T>(work: (trx: Kysely<Schema>) => Promise<T>): Promise<T> {
    return db.connection().execute(async (conn) => {
      await sql.raw(options.begin).execute(conn);
      try {
        const result = await work(conn);
        await sql.raw("commit").execute(conn);
        return result;
      } catch (error) {
        await sql
          .raw("rollback")
          .execute(conn)
          .catch(() => undefined);
        throw error;
      }
    });
  }

  async function commit(batch: Pending[]): Promise<void> {
    try {
      const results = await transaction((trx) => runBatch(trx, batch));
      for (const [i, p] of batch.entries()) p.resolve(results[i]);
    } catch (error) {
      if (batch.length === 1 || isDatabaseFailure(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
      // One bad write spoiled the batch (rolled back): each runs again alone.
      for (const p of batch) {
        try {
          const [result] = await transaction((trx) => p.kind.run(trx, [p.item]));
          p.resolve(result);
        } catch (alone) {
          p.reject(alone);
        }
      }
    }
  }

  return {
    write<I, R>(kind: WriteKind<I, R>, item: I): Promise<R> {
      if (closed) {
        return Promise.reject(
          new Error(
            `The app database is closed: the ${kind.name} write was not made (the server is shutting down).`,
          ),
        );
      }
      return new Promise<R>((resolve, reject) => {
        queue.push({
          kind: kind as WriteKind<unknown, unknown>,
          item,
          resolve: resolve as (result: unknown) => void,
          reject,
        });
        schedule();
      });
    },
    async close() {
      closed = true;
      for (;;) {
        if (flushing !== null) {
          await flushing;
          continue;
        }
        if (queue.length === 0) return;
        if (scheduled !== null) clearImmediate(scheduled);
        flush();
      }
    },
  };
}

/** Runs a batch, each kind's writes together; returns the results in the batch's order. */
async function runBatch(trx: Kysely<Schema>, batch: readonly Pending[]): Promise<unknown[]> {
  const groups = new Map<WriteKind<unknown, unknown>, number[]>();
  batch.forEach((p, i) => {
    const group = groups.get(p.kind);
    if (group) group.push(i);
    else groups.set(p.kind, [i]);
  });
  const results = new Array<unknown>(batch.length);
  for (const [kind, indexes] of groups) {
    const out = await kind.run(
      trx,
      indexes.map((i) => batch[i]!.item),
    );
    if (out.length !== indexes.length) {
      throw new Error(
        `The ${kind.name} writes returned ${out.length} results for ${indexes.length} writes.`,
      );
    }
    indexes.forEach((i, j) => {
      results[i] = out[j];
    });
  }
  return results;
}
