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
    expect(error.message).toMatch(/^\[otp-store-sqlite\] /);
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
    await first.set("{a}:k", "v", 60_000);
    const second = open();
    expect(await second.get("{a}:k")).toBe("v");
  });

  it("uses the table named by tableName and leaves other tables alone", async () => {
    const db = raw();
    db.exec("CREATE TABLE otp_store (id INTEGER PRIMARY KEY, other TEXT)");
    const error = thrown(() => open());
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.field).toBe("tableName");
    expect(error.message).toContain("without key, value, expires_at");
    const store = open({ tableName: "otp_codes" });
    await store.set("{a}:k", "v", 60_000);
    expect(db.prepare("SELECT value FROM otp_codes").pluck().get()).toBe("v");
  });

  it("works on a caller-owned connection without changing its settings or closing it", async () => {
    const db = new Database(join(dir, "mine.db"));
    toClose.push(db);
    const modeBefore = db.pragma("journal_mode", { simple: true });
    const store = createSqliteStore({ database: db });
    await store.set("{a}:k", "v", 60_000);
    expect(await store.consume("{a}:k")).toBe("v");
    await store.close();
    expect(db.open).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe(modeBefore);
    expect(db.prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
  });

  it("close() closes a connection the store opened; later calls throw STORE_UNAVAILABLE", async () => {
    const store = open();
    await store.set("{a}:k", "v", 60_000);
    await store.close();
    await store.close(); // idempotent
    const error = await rejection(store.get("{a}:k"));
    expect(error.code).toBe("STORE_UNAVAILABLE");
    expect(error.message).toContain("the store is closed");
  });

  it(":memory: works for tests", async () => {
    const store = createSqliteStore({ path: ":memory:" });
    toClose.push(store);
    expect(await store.increment("{a}:n", 1_000)).toBe(1);
  });
});

describe("expiry", () => {
  it("checks expires_at on every read, without waiting for a sweep", async () => {
    const c = clock();
    const store = open({ now: c.now, sweepIntervalMs: 0 });
    await store.set("{a}:code", "v", 1_000);
    await store.increment("{a}:n", 1_000);
    c.advance(999);
    expect(await store.get("{a}:code")).toBe("v");
    c.advance(1);
    expect(await store.get("{a}:code")).toBeNull();
    expect(await store.consume("{a}:code")).toBeNull();
    expect(await store.consume("{a}:code", "v")).toBeNull();
    expect(await store.setIfAbsent("{a}:code", "w", 1_000)).toBe(true);
    expect(await store.increment("{a}:n", 5_000)).toBe(1);
    // The expired counter was restarted with the new expiry, not the old one.
    c.advance(4_999);
    expect(await store.increment("{a}:n", 5_000)).toBe(2);
  });

  it("keeps the increment expiry fixed at creation", async () => {
    const c = clock();
    const store = open({ now: c.now });
    expect(await store.increment("{a}:n", 1_000)).toBe(1);
    c.advance(900);
    expect(await store.increment("{a}:n", 60_000)).toBe(2);
    c.advance(100);
    expect(await store.increment("{a}:n", 60_000)).toBe(1);
  });

  it("sweep() deletes at most the batch of expired rows, oldest first, and never a live one", async () => {
    const c = clock();
    const store = open({ now: c.now, sweepIntervalMs: 0, sweepBatchSize: 10 });
    for (let i = 0; i < 25; i++) await store.set(`{e}:${i}`, "v", 1_000 + i);
    await store.set("{live}:k", "v", 60_000);
    c.advance(2_000);
    const count = () => raw().prepare("SELECT count(*) FROM otp_store").pluck().get();
    expect(store.sweep()).toBe(10);
    expect(count()).toBe(16);
    expect(store.sweep(100)).toBe(15);
    expect(store.sweep()).toBe(0);
    expect(await store.get("{live}:k")).toBe("v");
  });

  it("sweeps in the background on an unref'd timer", async () => {
    const store = open({ sweepIntervalMs: 20 });
    for (let i = 0; i < 5; i++) await store.set(`{e}:${i}`, "v", 1);
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
  it("reports a non-counter value as STORE_DATA_INVALID and leaves it and its expiry alone", async () => {
    const store = open();
    for (const value of ["abc", "", "12x", "-3", "1.5", "9".repeat(20)]) {
      await store.set("{a}:n", value, 60_000);
      const before = raw().prepare("SELECT value, expires_at FROM otp_store").get();
      const error = await rejection(store.increment("{a}:n", 60_000));
      expect(error.code, JSON.stringify(value)).toBe("STORE_DATA_INVALID");
      expect(error.source).toBe("sqlite");
      expect(raw().prepare("SELECT value, expires_at FROM otp_store").get()).toEqual(before);
    }
  });

  it("counts on from a counter written as text by otpkit", async () => {
    const store = open();
    await store.set("{a}:n", "41", 60_000);
    expect(await store.increment("{a}:n", 60_000)).toBe(42);
    expect(await store.get("{a}:n")).toBe("42");
  });

  it("SQLITE_BUSY beyond busyTimeoutMs becomes STORE_UNAVAILABLE, and the store works once the lock is gone", async () => {
    const store = open({ busyTimeoutMs: 100 });
    await store.set("{a}:k", "v", 60_000);
    const other = raw();
    other.exec("BEGIN IMMEDIATE"); // another connection holds the write lock
    const started = performance.now();
    const error = await rejection(store.increment("{a}:n", 60_000));
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(error.code).toBe("STORE_UNAVAILABLE");
    expect(error.retryable).toBe(true);
    expect(error.details?.["reason"]).toBe("busy");
    expect(error.message).toContain("busyTimeoutMs (100 ms)");
    expect((error.cause as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    // WAL: a reader is not blocked by the writer.
    expect(await store.get("{a}:k")).toBe("v");
    other.exec("ROLLBACK");
    expect(await store.increment("{a}:n", 60_000)).toBe(1);
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

  it("rejects a TTL <= 0 with INVALID_ARGUMENT", async () => {
    const store = open();
    for (const ttl of [0, -1, Number.NaN]) {
      const error = await rejection(store.set("{a}:k", "v", ttl));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.field).toBe("ttlMs");
    }
  });
});
