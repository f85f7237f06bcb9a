import { join } from "node:path";
import type { OtpStore } from "@otpkit/otp-core";
import { createMemoryStore } from "@otpkit/otp-core";
import { otpErrorOf } from "@otpkit/otp-testing";
import type Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { SqliteStoreOptions } from "../src/index.js";
import { createSqliteStore } from "../src/index.js";
import { useTempDir } from "./support.js";
import { openCounted, walCommits } from "./wal-commits.js";

// Group commit on real files: concurrent compareAndSet calls share one transaction (counted as
// commit frames in the WAL, from outside the store), answer exactly as one at a time would, and
// a failed transaction answers every caller with an error and commits nothing.
const dir = useTempDir();
const toClose: Array<{ close(): unknown }> = [];

afterEach(async () => {
  for (const item of toClose.splice(0).reverse()) await item.close();
});

const TTL = 600_000;

/** A store on a caller-owned connection to a fresh file whose WAL commits can be counted. */
function counted(label: string, options: Partial<SqliteStoreOptions> = {}) {
  const file = dir.freshDatabase(label);
  const db = openCounted(file);
  toClose.push(db);
  const store = createSqliteStore({ database: db, sweepIntervalMs: 0, ...options });
  toClose.push(store);
  const before = walCommits(file); // the schema's own commits
  return { db, file, store, commits: () => walCommits(file) - before };
}

type Op = readonly [key: string, expected: string | null, next: string | null];

/**
 * `n` compare-and-sets on 10 keys whose answers depend on their order: creates, replaces and
 * deletes that expect either the key's value at that point of the sequence or a stale one, and
 * "delete if absent" checks.
 */
function workload(n: number): Op[] {
  let seed = 7;
  const pick = (k: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor(seed / 2 ** 16) % k; // the LCG's high bits: its low bits cycle
  };
  const current = new Map<string, string>(); // what the sequence wrote so far, as planned
  return Array.from({ length: n }, (_, i): Op => {
    const key = `{k}:${pick(10)}`;
    const expected = pick(3) === 0 ? `v${pick(i + 1)}` : (current.get(key) ?? null);
    const kind = pick(4);
    const op: Op =
      kind === 0
        ? [key, null, `v${i}`]
        : kind === 1
          ? [key, expected, `v${i}`]
          : kind === 2
            ? [key, expected, null]
            : [key, null, null];
    if ((current.get(key) ?? null) === op[1]) {
      if (op[2] === null) current.delete(key);
      else current.set(key, op[2]);
    }
    return op;
  });
}

const call = (store: OtpStore, [key, expected, next]: Op) =>
  store.compareAndSet(key, expected, next, TTL);

async function oneAtATime(store: OtpStore, ops: readonly Op[]): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const op of ops) results.push(await call(store, op));
  return results;
}

/** Each call's answer, or its error's code and message. */
async function outcomes(calls: ReadonlyArray<Promise<boolean>>): Promise<unknown[]> {
  const settled = await Promise.allSettled(calls);
  return Promise.all(
    settled.map(async (outcome) => {
      if (outcome.status === "fulfilled") return outcome.value;
      const { code, message } = await otpErrorOf(Promise.reject(outcome.reason));
      return { code, message };
    }),
  );
}

function rows(db: Database.Database): unknown[] {
  return db.prepare("SELECT key, value FROM otp_store ORDER BY key").all();
}

describe("group commit", () => {
  it("200 concurrent compareAndSets commit once, answering exactly as one at a time", async () => {
    const ops = workload(200);
    const batched = counted("batched");
    let seenAtFirstAnswer: { commits: number; rows: unknown[] } | undefined;
    const pending = ops.map((op) =>
      call(batched.store, op).then((won) => {
        // The first caller to hear back: the whole transaction is already in the WAL.
        seenAtFirstAnswer ??= { commits: batched.commits(), rows: rows(batched.db) };
        return won;
      }),
    );
    const results = await Promise.all(pending);

    const serial = counted("serial");
    const reference = await oneAtATime(serial.store, ops);
    expect(results).toEqual(reference);
    expect(results).toEqual(await oneAtATime(createMemoryStore(), ops));
    expect(rows(batched.db)).toEqual(rows(serial.db));
    // Not a trivial workload: some writes won, some lost, some wrote nothing.
    // Every op but "delete if absent" (null, null) writes when it wins.
    const writesThatWon = ops.filter(
      ([, expected, next], i) => reference[i] && (expected !== null || next !== null),
    ).length;
    expect(writesThatWon).toBeGreaterThan(20);
    expect(reference.filter((won) => !won).length).toBeGreaterThan(20);

    expect(batched.commits()).toBe(1);
    // One at a time, every write that changed something is its own commit (its own fsync).
    expect(serial.commits()).toBe(writesThatWon);
    expect(seenAtFirstAnswer).toEqual({ commits: 1, rows: rows(batched.db) });
  });

  it("maxBatch bounds a transaction, and the event loop runs between batches", async () => {
    const { store, commits } = counted("bounded", { maxBatch: 16 });
    let answered = 0;
    const pending = Array.from({ length: 200 }, (_, i) =>
      store.compareAndSet(`{b}:${i}`, null, "v", TTL).then((won) => {
        answered++;
        return won;
      }),
    );
    // Queued after the first flush: it runs once the first batch is answered, before the next.
    const betweenBatches = new Promise<number>((resolve) => setImmediate(() => resolve(answered)));
    expect(await betweenBatches).toBe(16);
    expect(await Promise.all(pending)).toEqual(Array(200).fill(true));
    expect(commits()).toBe(Math.ceil(200 / 16));
  });

  it("a get while writes are queued reads the committed state, never a pending write", async () => {
    const store = createSqliteStore({ path: join(dir.path, "read.db") });
    toClose.push(store);
    const write = store.compareAndSet("{r}", null, "v", TTL);
    expect(await store.get("{r}")).toBeNull();
    expect(await write).toBe(true);
    expect(await store.get("{r}")).toBe("v");
  });

  it("rejects a maxBatch that is not an integer 1..65536 with CONFIG_INVALID naming it", async () => {
    for (const maxBatch of [0, 1.5, 65_537, "8"]) {
      const error = await otpErrorOf(() =>
        createSqliteStore({ path: ":memory:", maxBatch: maxBatch as number }),
      );
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.field).toBe("maxBatch");
      expect(error.message).toMatch(/^"maxBatch" expected integer 1\.\.65536, got /);
    }
  });
});

describe("a failed transaction", () => {
  it("locked beyond the busy timeout: every caller gets STORE_UNAVAILABLE, nothing is written", async () => {
    const path = join(dir.path, "locked.db");
    const store = createSqliteStore({ path, busyTimeoutMs: 100 });
    toClose.push(store);
    const other = openCounted(path);
    toClose.push(other);
    other.exec("BEGIN IMMEDIATE"); // another connection holds the write lock
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.compareAndSet(`{l}:${i}`, null, "v", TTL)),
    );
    for (const outcome of settled) {
      expect(outcome.status).toBe("rejected");
      const error = await otpErrorOf(Promise.reject((outcome as PromiseRejectedResult).reason));
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect(error.details?.["reason"]).toBe("busy");
      expect(error.retryable).toBe(true);
    }
    other.exec("ROLLBACK");
    expect(other.prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
    expect(await store.compareAndSet("{l}:0", null, "v", TTL)).toBe(true);
  });

  it("failing at COMMIT: no caller hears true, not even for a statement that ran, nothing is written", async () => {
    // A deferred foreign key is checked at COMMIT: every statement of the batch succeeds, then
    // the COMMIT fails because of one of them.
    const file = dir.freshDatabase("deferred");
    const db = openCounted(file);
    toClose.push(db);
    db.pragma("foreign_keys = ON");
    db.exec(`CREATE TABLE allowed (key TEXT PRIMARY KEY);
      INSERT INTO allowed VALUES ('{a}'), ('{b}');
      CREATE TABLE otp_store (
        key TEXT PRIMARY KEY NOT NULL REFERENCES allowed (key) DEFERRABLE INITIALLY DEFERRED,
        value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID`);
    const store = createSqliteStore({ database: db });
    toClose.push(store);
    const batch = ["{a}", "{x}", "{b}"].map((key) => store.compareAndSet(key, null, "v", TTL));
    for (const call of batch) {
      const error = await otpErrorOf(call);
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect((error.cause as { code?: string }).code).toBe("SQLITE_CONSTRAINT_FOREIGNKEY");
    }
    expect(db.inTransaction).toBe(false);
    expect(rows(db)).toEqual([]);
    expect(await store.compareAndSet("{a}", null, "v", TTL)).toBe(true);
  });

  it("one statement failing inside the batch: each op runs alone and gets its own answer", async () => {
    const ops: Op[] = [
      ["{a}", null, "v"],
      ["{a}", "v", "w"],
      ["{poison}", null, "v"],
      ["{b}", null, "v"],
      ["{a}", "v", null], // lost: {a} holds "w" by then
    ];
    const poisoned = (label: string) => {
      const { db, store } = counted(label);
      db.exec(`CREATE TRIGGER poison BEFORE INSERT ON otp_store WHEN NEW.key = '{poison}'
        BEGIN SELECT RAISE(ABORT, 'poisoned key'); END`);
      return { db, store };
    };
    const batched = poisoned("poison-batched");
    const answers = await outcomes(ops.map((op) => call(batched.store, op)));
    expect(answers).toEqual([
      true,
      true,
      { code: "STORE_UNAVAILABLE", message: expect.stringContaining("poisoned key") },
      true,
      false,
    ]);
    // The same answers and errors, and the same rows, as one at a time.
    const serial = poisoned("poison-serial");
    const serialAnswers: unknown[] = [];
    for (const op of ops) serialAnswers.push(...(await outcomes([call(serial.store, op)])));
    expect(answers).toEqual(serialAnswers);
    expect(rows(batched.db)).toEqual([
      { key: "{a}", value: "w" },
      { key: "{b}", value: "v" },
    ]);
    expect(rows(serial.db)).toEqual(rows(batched.db));
  });
});

describe("close() and the connection", () => {
  it("close() runs and answers the writes still queued; later calls are refused", async () => {
    const path = join(dir.path, "close.db");
    const store = createSqliteStore({ path });
    const pending = Array.from({ length: 30 }, (_, i) =>
      store.compareAndSet(`{c}:${i}`, null, "v", TTL),
    );
    await store.close();
    expect(await Promise.all(pending)).toEqual(Array(30).fill(true));
    expect((await otpErrorOf(store.compareAndSet("{c}:0", "v", null, 0))).details).toMatchObject({
      reason: "closed",
    });
    const reopened = createSqliteStore({ path });
    toClose.push(reopened);
    expect(await reopened.get("{c}:29")).toBe("v");
  });

  it("a caller-owned connection closed by its owner rejects the queued writes as closed", async () => {
    const { db, store } = counted("owner-closed");
    const pending = [
      store.compareAndSet("{o}", null, "v", TTL),
      store.compareAndSet("{o}", null, null, 0),
    ];
    db.close();
    for (const call of pending) {
      const error = await otpErrorOf(call);
      expect(error.code).toBe("STORE_UNAVAILABLE");
      expect(error.details?.["reason"]).toBe("closed");
    }
  });

  it("inside a transaction the owner opened, writes join it, as single statements did", async () => {
    const { db, file, store } = counted("owner-transaction");
    db.exec("BEGIN");
    expect(await store.compareAndSet("{t}", null, "v", TTL)).toBe(true);
    expect(await store.get("{t}")).toBe("v");
    const other = openCounted(file);
    toClose.push(other);
    expect(other.prepare("SELECT count(*) FROM otp_store").pluck().get()).toBe(0);
    db.exec("ROLLBACK");
    expect(await store.get("{t}")).toBeNull();
  });
});
