import { describe, expect, it } from "vitest";
import { expireRow, storeOnOwnPool, whileHeld } from "./sessions.js";
import { quoted, useTestDatabase } from "./support.js";

const db = useTestDatabase("readcommitted");
const MINUTE = 60_000;

describe("READ COMMITTED: a compare that waited for another writer's lock re-checks its result", () => {
  // Each case holds a write in another session's open transaction, starts the store's statement
  // (which must wait for it), then commits or rolls back the other session. The store's answer
  // must be judged against what was COMMITTED when it got the lock, not what it first saw: this is
  // the atomicity the races in the conformance suite rely on, shown step by step.
  it("replace-if-equal loses when the writer it waited for committed another value", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-replace");
    await store.compareAndSet("k", null, "v", MINUTE);
    const held = await whileHeld(
      db,
      pool,
      (other) => other.query(`UPDATE ${quoted(store.tableName)} SET value = 'x' WHERE key = 'k'`),
      () => store.compareAndSet("k", "v", "w", MINUTE),
    );
    await held.end(true);
    expect(await held.pending).toBe(false);
    expect(await store.get("k")).toBe("x");
  });

  it("replace-if-equal wins when the writer it waited for rolled back", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-rollback");
    await store.compareAndSet("k", null, "v", MINUTE);
    const held = await whileHeld(
      db,
      pool,
      (other) => other.query(`UPDATE ${quoted(store.tableName)} SET value = 'x' WHERE key = 'k'`),
      () => store.compareAndSet("k", "v", "w", MINUTE),
    );
    await held.end(false);
    expect(await held.pending).toBe(true);
    expect(await store.get("k")).toBe("w");
  });

  it("replace-if-equal and delete-if-equal lose when the row they waited for was deleted", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-deleted");
    for (const call of [
      () => store.compareAndSet("k", "v", "w", MINUTE),
      () => store.compareAndSet("k", "v", null, 0),
    ]) {
      await store.compareAndSet("k", null, "v", MINUTE);
      const held = await whileHeld(
        db,
        pool,
        (other) => other.query(`DELETE FROM ${quoted(store.tableName)} WHERE key = 'k'`),
        call,
      );
      await held.end(true);
      expect(await held.pending).toBe(false);
      expect(await store.get("k")).toBeNull();
    }
  });

  it("delete-if-equal loses when the writer it waited for committed another value", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-delete");
    await store.compareAndSet("k", null, "v", MINUTE);
    const held = await whileHeld(
      db,
      pool,
      (other) => other.query(`UPDATE ${quoted(store.tableName)} SET value = 'x' WHERE key = 'k'`),
      () => store.compareAndSet("k", "v", null, 0),
    );
    await held.end(true);
    expect(await held.pending).toBe(false);
    expect(await store.get("k")).toBe("x");
  });

  it("create-if-absent loses to an INSERT of the same key that was not committed when it started", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-insert");
    const held = await whileHeld(
      db,
      pool,
      (other) =>
        other.query(
          `INSERT INTO ${quoted(store.tableName)} VALUES ('k', 'x', (extract(epoch from clock_timestamp()) * 1000)::bigint + 60000)`,
        ),
      () => store.compareAndSet("k", null, "w", MINUTE),
    );
    await held.end(true);
    expect(await held.pending).toBe(false);
    expect(await store.get("k")).toBe("x");
  });

  it("create-if-absent over an expired row loses when the writer it waited for revived the row", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-revive");
    await store.compareAndSet("k", null, "old", MINUTE);
    await expireRow(db, store.tableName, "k");
    const held = await whileHeld(
      db,
      pool,
      (other) =>
        other.query(
          `UPDATE ${quoted(store.tableName)} SET value = 'x', expires_at = (extract(epoch from clock_timestamp()) * 1000)::bigint + 60000 WHERE key = 'k'`,
        ),
      () => store.compareAndSet("k", null, "w", MINUTE),
    );
    await held.end(true);
    expect(await held.pending).toBe(false);
    expect(await store.get("k")).toBe("x");
  });

  it("create-if-absent over an expired row wins when the row it waited for was swept", async () => {
    const { store, pool } = await storeOnOwnPool(db, "rc-swept");
    await store.compareAndSet("k", null, "old", MINUTE);
    await expireRow(db, store.tableName, "k");
    const held = await whileHeld(
      db,
      pool,
      (other) => other.query(`DELETE FROM ${quoted(store.tableName)} WHERE key = 'k'`),
      () => store.compareAndSet("k", null, "w", MINUTE),
    );
    await held.end(true);
    expect(await held.pending).toBe(true);
    expect(await store.get("k")).toBe("w");
  });

  it("under a REPEATABLE READ default, a compare that lost to a writer resolves false, not an error", async () => {
    // PostgreSQL aborts such a write with 40001 instead of re-checking it: nothing was written and
    // another writer won, so the store answers a lost compare and the engine re-reads.
    const { store, pool } = await storeOnOwnPool(db, "rc-repeatable", {
      isolation: "repeatable\\ read",
    });
    const { rows } = await pool.query("SHOW transaction_isolation");
    expect(rows[0].transaction_isolation).toBe("repeatable read");
    await store.compareAndSet("k", null, "v", MINUTE);
    for (const call of [
      () => store.compareAndSet("k", "v", "w", MINUTE),
      () => store.compareAndSet("k", "v", null, 0),
    ]) {
      const held = await whileHeld(
        db,
        pool,
        // The other writer leaves the value as it was: only the row version changes.
        (other) => other.query(`UPDATE ${quoted(store.tableName)} SET value = 'v' WHERE key = 'k'`),
        call,
      );
      await held.end(true);
      expect(await held.pending).toBe(false);
      expect(await store.get("k")).toBe("v");
    }
    expect(await store.compareAndSet("k", "v", "w", MINUTE), "without a concurrent writer").toBe(
      true,
    );
  });
});
