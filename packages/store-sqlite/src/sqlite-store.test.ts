import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OtpError } from "@otpkit/otp-core";
import { isOtpError } from "@otpkit/otp-core";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../test/support.js";
import type { SqliteStore } from "./sqlite-store.js";
import { createSqliteStore } from "./sqlite-store.js";

// Unit tests of the SQLite specifics (schema, expiry on read, sweeping, locking, error mapping)
// on real files; the shared contract is checked by test/conformance.test.ts.

let dir: string;
let cleanup: () => Promise<void>;
const toClose: Array<{ close(): unknown }> = [];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});

afterEach(async () => {
  for (const item of toClose.splice(0).reverse()) await item.close();
  await cleanup();
});

function open(options: Parameters<typeof createSqliteStore>[0] = {}): SqliteStore {
  const store = createSqliteStore({ path: join(dir, "otp.db"), ...options });
  toClose.push(store);
  return store;
}

function raw(file = join(dir, "otp.db")): Database.Database {
  const db = new Database(file);
  toClose.push(db);
  return db;
}

function clock(start = 1_700_000_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

function thrown(fn: () => unknown): OtpError {
  try {
    fn();
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected a throw");
}

async function rejection(promise: Promise<unknown>): Promise<OtpError> {
  try {
    await promise;
  } catch (error) {
    if (isOtpError(error)) return error;
    throw error;
  }
  throw new Error("expected the promise to reject");
}

describe("createSqliteStore options", () => {
  it("is named sqlite", () => {
    expect(open().name).toBe("sqlite");
  });

  it.each([
    [{}, "path"],
    [undefined, "path"],
    [{ path: "" }, "path"],
    [{ path: 42 }, "path"],
    [{ database: {} }, "database"],
    [{ tableName: "otp-store" }, "tableName"],
    [{ tableName: 'x"; DROP TABLE y; --' }, "tableName"],
    [{ busyTimeoutMs: -1 }, "busyTimeoutMs"],
    [{ sweepIntervalMs: 1.5 }, "sweepIntervalMs"],
    [{ sweepBatchSize: 0 }, "sweepBatchSize"],
    [{ synchronous: "off" }, "synchronous"],
  ])("rejects %j with CONFIG_INVALID on %s", (options, field) => {
    const error = thrown(() => createSqliteStore(options as never));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe(field);
    expect(error.source).toBe("sqlite");
    // otp-core's one message format for bad options.
    expect(error.message).toMatch(new RegExp(`^"${field}" expected .+, got `));
  });

  it("rejects both path and database", () => {
    const db = raw();
    const error = thrown(() => createSqliteStore({ path: join(dir, "a.db"), database: db }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toContain("exactly one of `path` and `database`");
  });

  it("rejects a closed or read-only database", () => {
    const closed = new Database(join(dir, "c.db"));
    closed.close();
    expect(thrown(() => createSqliteStore({ database: closed })).field).toBe("database");
    raw(join(dir, "ro.db")).exec("CREATE TABLE t (x)");
    const readonly = new Database(join(dir, "ro.db"), { readonly: true });
    toClose.push(readonly);
    const error = thrown(() => createSqliteStore({ database: readonly }));
    expect(error.field).toBe("database");
    expect(error.message).toContain("readonly");
  });
});

describe("schema and connection", () => {
  it("creates the table (WITHOUT ROWID) and the expires_at index on first open, in WAL mode", () => {
    open();
    const db = raw();
    const table = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'otp_store'")
      .pluck()
      .get() as string;
    expect(table).toMatch(/key TEXT PRIMARY KEY NOT NULL/);
    expect(table).toMatch(/value TEXT NOT NULL/);
    expect(table).toMatch(/expires_at INTEGER NOT NULL/);
    expect(table).toMatch(/WITHOUT ROWID/);
    const index = db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'otp_store_expires_at'",
      )
      .pluck()
      .get();
    expect(index).toContain("(expires_at)");
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("opening the same file again reuses the schema and the data", async () => {
    const first = open();
    await first.compareAndSet("{a}", null, "v", 60_000);
    const second = open();
    expect(await second.get("{a}")).toBe("v");
    expect(await second.compareAndSet("{a}", "v", "w", 60_000)).toBe(true);
    expect(await first.get("{a}")).toBe("w");
  });

  it("opens a file written under the old contract as is (same table), ignoring its old keys", async () => {
    const db = raw();
    db.exec(
      `CREATE TABLE otp_store (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL,
       expires_at INTEGER NOT NULL) WITHOUT ROWID`,
    );
    db.prepare("INSERT INTO otp_store VALUES (?, ?, ?)").run("{old}:fail", "3", Date.now() + 1);
    const store = open();
    expect(await store.compareAndSet("{new}", null, "record", 60_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.sweep()).toBe(1); // the old row expired and was swept like any other
    expect(await store.get("{new}")).toBe("record");
  });

  it("uses the table named by tableName and leaves other tables alone", async () => {
    const db = raw();
    db.exec("CREATE TABLE otp_store (id INTEGER PRIMARY KEY, other TEXT)");
    const error = thrown(() => open());
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("tableName");
    expect(error.message).toContain("without key, value, expires_at");
    const store = open({ tableName: "otp_codes" });
    await store.compareAndSet("{a}", null, "v", 60_000);
    expect(db.prepare("SELECT value FROM otp_codes").pluck().get()).toBe("v");
  });

  it("works on a caller-owned connection without changing its settings or closing it", async () => {
    const db = new Database(join(dir, "mine.db"));
    toClose.push(db);
    const modeBefore = db.pragma("journal_mode", { simple: true });
    const store = createSqliteStore({ database: db });
    await store.compareAndSet("{a}", null, "v", 60_000);
    expect(await store.compareAndSet("{a}", "v", null, 0)).toBe(true);
    await store.close();
    expect(db.open).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe(modeBefore);
    expect(db.prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
  });

  it("close() closes a connection the store opened; later calls throw STORE_UNAVAILABLE", async () => {
    const store = open();
    await store.compareAndSet("{a}", null, "v", 60_000);
    await store.close();
    await store.close(); // idempotent
    for (const call of [store.get("{a}"), store.compareAndSet("{a}", "v", null, 0)]) {
      const error = await rejection(call);
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect(error.retryable).toBe(false);
      expect(error.message).toContain("the store is closed");
    }
  });

  it(":memory: works for tests", async () => {
    const store = createSqliteStore({ path: ":memory:" });
    toClose.push(store);
    expect(await store.compareAndSet("{a}", null, "v", 1_000)).toBe(true);
    expect(await store.get("{a}")).toBe("v");
  });

  it("has exactly the new contract plus sweep", () => {
    expect(Object.keys(open()).sort()).toEqual(["close", "compareAndSet", "get", "name", "sweep"]);
  });
});

describe("compareAndSet, statement by statement", () => {
  const expiresAt = (key: string): unknown =>
    raw().prepare("SELECT expires_at FROM otp_store WHERE key = ?").pluck().get(key);

  it("create: writes an absent key with its expiry, refuses a live one and leaves it", async () => {
    const c = clock();
    const store = open({ now: c.now });
    expect(await store.compareAndSet("{a}", null, "first", 60_000)).toBe(true);
    expect(expiresAt("{a}")).toBe(c.now() + 60_000);
    expect(await store.compareAndSet("{a}", null, "second", 600_000)).toBe(false);
    expect(await store.get("{a}")).toBe("first");
    expect(expiresAt("{a}")).toBe(c.now() + 60_000);
  });

  it("replace: writes only over the expected live value, with the new expiry", async () => {
    const c = clock();
    const store = open({ now: c.now });
    await store.compareAndSet("{a}", null, "right", 60_000);
    for (const wrong of ["wrong", "Right", "righ", "right ", ""]) {
      expect(await store.compareAndSet("{a}", wrong, "x", 600_000), wrong).toBe(false);
    }
    expect(expiresAt("{a}")).toBe(c.now() + 60_000);
    c.advance(1_000);
    // The new TTL is the caller's decision, shorter or longer than the old one.
    expect(await store.compareAndSet("{a}", "right", "next", 5_000)).toBe(true);
    expect(await store.get("{a}")).toBe("next");
    expect(expiresAt("{a}")).toBe(c.now() + 5_000);
  });

  it("replace or delete of an absent key: false, nothing created", async () => {
    const store = open();
    expect(await store.compareAndSet("{a}", "v", "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", "v", null, 0)).toBe(false);
    expect(raw().prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
  });

  it("delete: removes only the expected live value; its TTL argument is ignored", async () => {
    const store = open();
    await store.compareAndSet("{a}", null, "v", 60_000);
    expect(await store.compareAndSet("{a}", "other", null, 0)).toBe(false);
    expect(await store.compareAndSet("{a}", null, null, 0)).toBe(false); // present is not absent
    expect(await store.get("{a}")).toBe("v");
    expect(await store.compareAndSet("{a}", "v", null, Number.NaN)).toBe(true);
    expect(raw().prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
  });

  it("expected null and next null on an absent key: true, nothing written", async () => {
    const store = open();
    expect(await store.compareAndSet("{a}", null, null, 0)).toBe(true);
    expect(raw().prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
  });

  it('tells "absent" from the empty string, both ways', async () => {
    const store = open();
    expect(await store.compareAndSet("{a}", "", "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", null, "", 60_000)).toBe(true);
    expect(await store.get("{a}")).toBe("");
    expect(await store.compareAndSet("{a}", null, "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", null, null, 0)).toBe(false);
    expect(await store.compareAndSet("{a}", "", "x", 60_000)).toBe(true);
    expect(await store.get("{a}")).toBe("x");
  });

  it("an expired row counts as absent in every statement, without waiting for a sweep", async () => {
    const c = clock();
    const store = open({ now: c.now, sweepIntervalMs: 0 });
    await store.compareAndSet("{a}", null, "old", 1_000);
    c.advance(999);
    expect(await store.get("{a}")).toBe("old");
    c.advance(1);
    expect(await store.get("{a}")).toBeNull();
    expect(await store.compareAndSet("{a}", "old", "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", "old", null, 0)).toBe(false);
    expect(await store.compareAndSet("{a}", null, null, 0)).toBe(true);
    expect(await store.compareAndSet("{a}", null, "new", 5_000)).toBe(true);
    expect(await store.get("{a}")).toBe("new");
    expect(expiresAt("{a}")).toBe(c.now() + 5_000);
  });

  it("compares and returns values byte for byte (unicode normal forms, newlines, 64 KiB)", async () => {
    const store = open();
    const composed = "caf\u00e9";
    await store.compareAndSet("{a}", null, composed, 60_000);
    expect(await store.compareAndSet("{a}", composed.normalize("NFD"), "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", composed, "line1\nline2\r\n\t😀", 60_000)).toBe(true);
    expect(await store.get("{a}")).toBe("line1\nline2\r\n\t😀");
    const big = "x".repeat(65_536);
    expect(await store.compareAndSet("{a}", "line1\nline2\r\n\t😀", big, 60_000)).toBe(true);
    expect(await store.get("{a}")).toBe(big);
  });

  it("rounds a fractional TTL up and rejects a write with a TTL <= 0 or not finite", async () => {
    const c = clock();
    const store = open({ now: c.now });
    await store.compareAndSet("{a}", null, "v", 1500.2);
    expect(expiresAt("{a}")).toBe(c.now() + 1501);
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejection(store.compareAndSet("{b}", null, "v", ttl));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.field).toBe("ttlMs");
      expect(error.message).toMatch(/^"ttlMs" expected a number > 0, got /);
    }
    expect(await store.get("{b}")).toBeNull();
  });
});

describe("sweeping", () => {
  it("sweep() deletes at most the batch of expired rows, oldest first, and never a live one", async () => {
    const c = clock();
    const store = open({ now: c.now, sweepIntervalMs: 0, sweepBatchSize: 10 });
    for (let i = 0; i < 25; i++) await store.compareAndSet(`{e}:${i}`, null, "v", 1_000 + i);
    await store.compareAndSet("{live}", null, "v", 60_000);
    c.advance(2_000);
    const count = () => raw().prepare("SELECT count(*) FROM otp_store").pluck().get();
    expect(store.sweep()).toBe(10);
    expect(count()).toBe(16);
    expect(store.sweep(100)).toBe(15);
    expect(store.sweep()).toBe(0);
    expect(await store.get("{live}")).toBe("v");
    expect(thrown(() => store.sweep(0)).code).toBe("INVALID_ARGUMENT");
  });

  it("sweeps in the background on an unref'd timer", async () => {
    const store = open({ sweepIntervalMs: 20 });
    for (let i = 0; i < 5; i++) await store.compareAndSet(`{e}:${i}`, null, "v", 1);
    const db = raw();
    const deadline = Date.now() + 5_000;
    while (
      Date.now() < deadline &&
      db.prepare("SELECT count(*) FROM otp_store").pluck().get() !== 0
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(db.prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
  });
});

describe("foreign data and errors", () => {
  it("a BLOB written by something else is STORE_DATA_INVALID on get, never equal, and left alone", async () => {
    const store = open();
    raw()
      .prepare("INSERT INTO otp_store VALUES (?, ?, ?)")
      .run("{a}", Buffer.from("v"), Date.now() + 60_000);
    const error = await rejection(store.get("{a}"));
    expect(error.code).toBe("STORE_DATA_INVALID");
    expect(error.source).toBe("sqlite");
    expect(await store.compareAndSet("{a}", "v", "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", null, "x", 60_000)).toBe(false);
    expect(await store.compareAndSet("{a}", "v", null, 0)).toBe(false);
    expect(raw().prepare("SELECT typeof(value) FROM otp_store").pluck().get()).toBe("blob");
  });

  it("SQLITE_BUSY beyond busyTimeoutMs becomes STORE_UNAVAILABLE, and the store works once the lock is gone", async () => {
    const store = open({ busyTimeoutMs: 100 });
    await store.compareAndSet("{a}", null, "v", 60_000);
    const other = raw();
    other.exec("BEGIN IMMEDIATE"); // another connection holds the write lock
    for (const call of [
      () => store.compareAndSet("{b}", null, "v", 60_000),
      () => store.compareAndSet("{a}", "v", "w", 60_000),
      () => store.compareAndSet("{a}", "v", null, 0),
    ]) {
      const started = performance.now();
      const error = await rejection(call());
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect(error.retryable).toBe(true);
      expect(error.details?.["reason"]).toBe("busy");
      expect(error.message).toContain("busyTimeoutMs (100 ms)");
      expect((error.cause as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    }
    // WAL: a reader is not blocked by the writer.
    expect(await store.get("{a}")).toBe("v");
    expect(await store.compareAndSet("{a}", null, null, 0)).toBe(false);
    other.exec("ROLLBACK");
    expect(await store.compareAndSet("{a}", "v", "w", 60_000)).toBe(true);
  });

  it("a file that is not a database gives CONFIG_INVALID naming the path", () => {
    const file = join(dir, "garbage.db");
    writeFileSync(
      file,
      "this is not an SQLite file, just some text that is long enough".repeat(20),
    );
    const error = thrown(() => createSqliteStore({ path: file }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("path");
    expect(error.message).toContain(file);
  });
});
