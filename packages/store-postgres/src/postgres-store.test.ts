import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { expireRow, remainingMs } from "../test/sessions.js";
import { quoted, rejection, thrown, useTestDatabase } from "../test/support.js";
import {
  createPostgresStore,
  migrate,
  postgresStoreMigration,
  postgresStoreSweepSql,
} from "./index.js";

// The PostgreSQL specifics against the real database: option checks, the statements (expiry by
// the database clock, lost compares, arguments), sweeping. Elsewhere: the migration
// (migrate.test.ts), READ COMMITTED step by step (test/read-committed.test.ts), failures
// (test/fault.test.ts), the shared contract and its races across two pools
// (test/conformance.test.ts).

const db = useTestDatabase("unit");
const MINUTE = 60_000;

describe("createPostgresStore options", () => {
  it("is named postgres and has exactly the contract, plus sweep and tableName", () => {
    const store = createPostgresStore({ pool: db.pool, sweepIntervalMs: 0 });
    expect(store.name).toBe("postgres");
    expect(store.tableName).toBe("otp_store");
    expect(Object.keys(store).sort()).toEqual([
      "close",
      "compareAndSet",
      "get",
      "name",
      "sweep",
      "tableName",
    ]);
  });

  it("refuses a missing or wrong pool with CONFIG_INVALID naming it", () => {
    for (const pool of [undefined, null, {}, "postgres://x", { query: () => undefined }]) {
      const error = thrown(() => createPostgresStore({ pool } as never));
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.field).toBe("pool");
      expect(error.source).toBe("postgres");
    }
    expect(thrown(() => createPostgresStore(undefined as never)).field).toBe("pool");
  });

  it("refuses a tableName that is not a plain SQL identifier (never interpolated)", () => {
    const bad = [
      "",
      "otp store",
      'otp"; DROP TABLE users; --',
      "otp;drop",
      "1otp",
      "a.b.c",
      ".otp",
      "otp.",
      "t".repeat(53),
      `${"s".repeat(64)}.otp`,
      42,
    ];
    for (const tableName of bad) {
      const error = thrown(() => createPostgresStore({ pool: db.pool, tableName } as never));
      expect(error.code, String(tableName)).toBe("CONFIG_INVALID");
      expect(error.field).toBe("tableName");
      expect(thrown(() => postgresStoreMigration(tableName as never)).field).toBe("tableName");
    }
    for (const tableName of ["otp_store", "_x", "t".repeat(52), `${"s".repeat(63)}.Otp_1`]) {
      expect(createPostgresStore({ pool: db.pool, tableName, sweepIntervalMs: 0 }).tableName).toBe(
        tableName,
      );
    }
  });

  it("checks every number option with the one message format", () => {
    const cases: Array<[string, unknown]> = [
      ["timeoutMs", -1],
      ["timeoutMs", 1.5],
      ["timeoutMs", "5000"],
      ["sweepIntervalMs", -1],
      ["sweepIntervalMs", 86_400_001],
      ["sweepBatchSize", 0],
      ["sweepBatchSize", Number.NaN],
    ];
    for (const [field, value] of cases) {
      const error = thrown(() => createPostgresStore({ pool: db.pool, [field]: value }));
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.field).toBe(field);
      expect(error.message).toMatch(
        new RegExp(`^"${field}" expected integer \\d+\\.\\.\\d+, got `),
      );
    }
  });
});

describe("compareAndSet statements", () => {
  it("expected null with next null: true when absent or expired, false when live, writes nothing", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    expect(await store.compareAndSet("k", null, null, 0)).toBe(true);
    await store.compareAndSet("k", null, "v", MINUTE);
    expect(await store.compareAndSet("k", null, null, 0)).toBe(false);
    expect(await store.get("k")).toBe("v");
    await expireRow(db, store.tableName, "k");
    expect(await store.compareAndSet("k", null, null, 0)).toBe(true);
  });

  it("expiry is judged by the database clock: a row past expires_at is absent at once", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    await store.compareAndSet("k", null, "old", MINUTE);
    await expireRow(db, store.tableName, "k", 1);
    expect(await store.get("k")).toBeNull();
    expect(await store.compareAndSet("k", "old", "x", MINUTE), "replace of an expired row").toBe(
      false,
    );
    expect(await store.compareAndSet("k", "old", null, 0), "delete of an expired row").toBe(false);
    expect(await store.compareAndSet("k", null, "new", MINUTE), "create over it").toBe(true);
    expect(await store.get("k")).toBe("new");
    // Still live 1 s before its expiry.
    await expireRow(db, store.tableName, "k", -1_000);
    expect(await store.get("k")).toBe("new");
  });

  it("expires_at is the database's now + ttlMs, rounded up to whole ms, on every write", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    await store.compareAndSet("k", null, "v1", 10_000.2);
    const created = await remainingMs(db, store.tableName, "k");
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(10_001);
    await store.compareAndSet("k", "v1", "v2", 40 * 24 * 3_600_000);
    const replaced = await remainingMs(db, store.tableName, "k");
    expect(replaced).toBeGreaterThan(39 * 24 * 3_600_000);
    expect(replaced).toBeLessThanOrEqual(40 * 24 * 3_600_000);
  });

  it("a lost compare leaves the row and its expiry exactly as they were", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    await store.compareAndSet("k", null, "v", MINUTE);
    const before = await db.pool.query(`SELECT * FROM ${quoted(store.tableName)}`);
    expect(await store.compareAndSet("k", null, "x", 5 * MINUTE)).toBe(false);
    expect(await store.compareAndSet("k", "w", "x", 5 * MINUTE)).toBe(false);
    expect(await store.compareAndSet("k", "w", null, 0)).toBe(false);
    const after = await db.pool.query(`SELECT * FROM ${quoted(store.tableName)}`);
    expect(after.rows).toEqual(before.rows);
  });

  it("refuses a write TTL that is not a positive number with INVALID_ARGUMENT", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, "60000"]) {
      const error = await rejection(store.compareAndSet("k", null, "v", ttl as number));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.field).toBe("ttlMs");
    }
    await store.compareAndSet("k", null, "v", MINUTE);
    expect(await store.compareAndSet("k", "v", null, 0), "a delete ignores ttlMs").toBe(true);
  });

  it("a value PostgreSQL text cannot hold (U+0000) is INVALID_ARGUMENT, not a lost write", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    const error = await rejection(store.compareAndSet("k", null, "a\u0000b", MINUTE));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.source).toBe("postgres");
    expect(await store.get("k")).toBeNull();
  });

  it("an error never carries a stored value (PostgreSQL's detail holds the failing row)", async () => {
    const tableName = `${db.schema}.checked`;
    await migrate(db.pool, { tableName });
    await db.pool.query(
      `ALTER TABLE ${quoted(tableName)} ADD CONSTRAINT short_values CHECK (length(value) < 10)`,
    );
    const store = createPostgresStore({ pool: db.pool, tableName, sweepIntervalMs: 0 });
    const secret = "sealed-code-4f1c9e";
    const error = await rejection(store.compareAndSet("k", null, secret, MINUTE));
    expect(error.code).toBe("STORE_UNAVAILABLE");
    expect(error.cause).toMatchObject({ code: "23514" });
    expect(inspect(error, { depth: 10 })).not.toContain(secret);
    expect(JSON.stringify(error.details)).not.toContain(secret);
  });
});

describe("sweep", () => {
  it("deletes expired rows only, in batches of `limit`, oldest first", async () => {
    const store = await db.freshStore({ sweepIntervalMs: 0 });
    for (let i = 0; i < 5; i++) {
      await store.compareAndSet(`old-${i}`, null, "v", MINUTE);
      await expireRow(db, store.tableName, `old-${i}`, 1_000 * (i + 1));
    }
    await store.compareAndSet("live", null, "v", MINUTE);
    expect(await store.sweep(3)).toBe(3);
    const { rows } = await db.pool.query(`SELECT key FROM ${quoted(store.tableName)} ORDER BY key`);
    expect(rows.map((row) => row.key)).toEqual(["live", "old-0", "old-1"]);
    expect(await store.sweep()).toBe(2);
    expect(await store.sweep()).toBe(0);
    expect(await store.get("live")).toBe("v");
    for (const limit of [0, -1, 1.5, 1_000_001]) {
      expect((await rejection(store.sweep(limit))).code).toBe("INVALID_ARGUMENT");
    }
  });

  it("the timer sweeps in the background until close()", async () => {
    const tableName = await db.freshTable();
    const store = createPostgresStore({ pool: db.pool, tableName, sweepIntervalMs: 20 });
    try {
      await store.compareAndSet("old", null, "v", MINUTE);
      await store.compareAndSet("live", null, "v", MINUTE);
      await expireRow(db, tableName, "old");
      for (let i = 0; i < 500 && (await remainingMs(db, tableName, "old")) !== null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await remainingMs(db, tableName, "old"), "the expired row was swept").toBeNull();
      expect(await store.get("live")).toBe("v");
    } finally {
      await store.close();
    }
  });

  it("finds expired rows through the expires_at index (an index condition, not a filter)", async () => {
    const tableName = await db.freshTable();
    const client = await db.pool.connect();
    try {
      await client.query("SET enable_seqscan = off");
      const { rows } = await client.query(`EXPLAIN ${postgresStoreSweepSql(tableName, 100)}`);
      const plan = rows.map((row) => row["QUERY PLAN"] as string).join("\n");
      expect(plan).toContain("_expires_at");
      expect(plan).toMatch(/Index Cond: \(expires_at <= /);
    } finally {
      client.release();
    }
  });
});
