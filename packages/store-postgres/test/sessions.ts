import { createServer } from "node:net";
import type pg from "pg";
import type { PostgresStore } from "../src/index.js";
import { createPostgresStore } from "../src/index.js";
import type { TestDatabase } from "./support.js";
import { quoted } from "./support.js";

// Helpers for tests that look at rows directly or hold locks in a second session.

/** Milliseconds until the row's expiry, by the database clock; null when there is no row. */
export async function remainingMs(
  db: TestDatabase,
  tableName: string,
  key: string,
): Promise<number | null> {
  const { rows } = await db.pool.query<{ left: string }>(
    `SELECT expires_at - (extract(epoch from clock_timestamp()) * 1000)::bigint AS left
     FROM ${quoted(tableName)} WHERE key = $1`,
    [key],
  );
  return rows[0] === undefined ? null : Number(rows[0].left);
}

/** Moves a row's expiry `ms` into the past (negative: the future), by the database clock. */
export async function expireRow(
  db: TestDatabase,
  tableName: string,
  key: string,
  ms = 1,
): Promise<void> {
  await db.pool.query(
    `UPDATE ${quoted(tableName)} SET expires_at = (extract(epoch from clock_timestamp()) * 1000)::bigint - $2
     WHERE key = $1`,
    [key, ms],
  );
}

/** A store on its own pool, whose backends pg_stat_activity can tell apart by application_name. */
export async function storeOnOwnPool(
  db: TestDatabase,
  label: string,
  options: { timeoutMs?: number; isolation?: string } = {},
): Promise<{ store: PostgresStore; pool: pg.Pool }> {
  const { isolation, ...storeOptions } = options;
  const pool = db.newPool({
    application_name: `otpkit-${label}-${db.schema}`,
    // A session default, as a database or role default would set it (ALTER ROLE … SET).
    ...(isolation ? { options: `-c default_transaction_isolation=${isolation}` } : {}),
  });
  const store = createPostgresStore({
    pool,
    tableName: await db.freshTable(),
    sweepIntervalMs: 0,
    ...storeOptions,
  });
  return { store, pool };
}

/**
 * Runs `hold` in an open transaction of another session (taking row locks), starts `call` on the
 * store (which then waits for those locks) and resolves once PostgreSQL shows the store's backend
 * waiting for a lock, with that backend's pid. `end` commits or rolls back the other session.
 */
export async function whileHeld(
  db: TestDatabase,
  storePool: pg.Pool,
  hold: (other: pg.PoolClient) => Promise<unknown>,
  call: () => Promise<unknown>,
): Promise<{ pid: number; pending: Promise<unknown>; end(commit: boolean): Promise<void> }> {
  const other = await db.pool.connect();
  await other.query("BEGIN");
  await hold(other);
  const pending = call();
  pending.catch(() => undefined);
  const end = async (commit: boolean) => {
    await other.query(commit ? "COMMIT" : "ROLLBACK");
    other.release();
  };
  const appName = (storePool.options as { application_name?: string }).application_name;
  for (let i = 0; i < 1_000; i++) {
    const { rows } = await db.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE application_name = $1 AND wait_event_type = 'Lock' AND state = 'active'`,
      [appName],
    );
    if (rows[0] !== undefined) return { pid: rows[0].pid, pending, end };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await end(false);
  throw new Error("the store's statement never waited for the other session's lock");
}

/** Locks `key`'s row in `other`'s transaction without changing it. */
export const lockRow = (tableName: string, key: string) => (other: pg.PoolClient) =>
  other.query(`SELECT 1 FROM ${quoted(tableName)} WHERE key = $1 FOR UPDATE`, [key]);

/** A TCP port on loopback where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
