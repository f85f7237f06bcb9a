import { describe, expect, it } from "vitest";
import { createPostgresStore, migrate } from "../src/index.js";
import { closedPort, lockRow, storeOnOwnPool, whileHeld } from "./sessions.js";
import { DATABASE_URL, newPool, rejection, useTestDatabase } from "./support.js";

// Outages against the real PostgreSQL: nothing listening, a backend terminated mid-statement, a
// statement past timeoutMs, a closed store. Each is STORE_UNAVAILABLE: the outcome is unknown.

const db = useTestDatabase("fault");
const MINUTE = 60_000;

describe("failures", () => {
  it("connection refused (a closed port) is STORE_UNAVAILABLE with the driver's cause", async () => {
    const url = new URL(DATABASE_URL);
    url.hostname = "127.0.0.1";
    url.port = String(await closedPort());
    const pool = newPool({ connectionString: url.href });
    try {
      const store = createPostgresStore({ pool, sweepIntervalMs: 0 });
      for (const call of [
        () => store.get("k"),
        () => store.compareAndSet("k", null, "v", MINUTE),
      ]) {
        const error = await rejection(call());
        expect(error.code).toBe("STORE_UNAVAILABLE");
        expect(error.retryable).toBe(true);
        expect(error.source).toBe("postgres");
        expect(error.details?.["reason"]).toBe("connection");
        expect(error.cause).toMatchObject({ code: "ECONNREFUSED" });
        expect(error.message).toMatch(/ECONNREFUSED|connect/);
      }
      const migrating = await rejection(migrate(pool));
      expect(migrating.code).toBe("STORE_UNAVAILABLE");
    } finally {
      await pool.end();
    }
  });

  it("a backend terminated mid-statement (pg_terminate_backend) is STORE_UNAVAILABLE, and the pool recovers", async () => {
    const { store, pool } = await storeOnOwnPool(db, "terminate");
    await store.compareAndSet("k", null, "v", MINUTE);
    const held = await whileHeld(db, pool, lockRow(store.tableName, "k"), () =>
      store.compareAndSet("k", "v", "w", MINUTE),
    );
    try {
      await db.pool.query("SELECT pg_terminate_backend($1)", [held.pid]);
      const error = await rejection(held.pending);
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect(error.retryable).toBe(true);
      expect(error.source).toBe("postgres");
      expect(error.details?.["reason"]).toBe("connection");
      expect(error.cause).toBeInstanceOf(Error);
    } finally {
      await held.end(false);
    }
    // The terminated statement did not commit, and a new connection serves the next call.
    expect(await store.get("k")).toBe("v");
    expect(await store.compareAndSet("k", "v", "w", MINUTE)).toBe(true);
  });

  it("a statement past timeoutMs is STORE_UNAVAILABLE with reason timeout (outcome unknown)", async () => {
    const { store, pool } = await storeOnOwnPool(db, "timeout", { timeoutMs: 300 });
    await store.compareAndSet("k", null, "v", MINUTE);
    const held = await whileHeld(db, pool, lockRow(store.tableName, "k"), () =>
      store.compareAndSet("k", "v", "w", MINUTE),
    );
    try {
      const error = await rejection(held.pending);
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect(error.retryable).toBe(true);
      expect(error.details?.["reason"]).toBe("timeout");
    } finally {
      await held.end(false);
    }
  });

  it("after close() every call is STORE_UNAVAILABLE (not retryable); the pool stays open", async () => {
    const store = await db.freshStore();
    await store.close();
    await store.close();
    const error = await rejection(store.get("k"));
    expect(error.code).toBe("STORE_UNAVAILABLE");
    expect(error.retryable).toBe(false);
    expect(error.details?.["reason"]).toBe("closed");
    expect((await db.pool.query("SELECT 1 AS one")).rows[0].one).toBe(1);
  });
});
