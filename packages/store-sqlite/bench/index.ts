// pnpm bench: verify cycles per second through createOtp + the SQLite store, next to the raw
// ceiling of the same file measured in the same run with bare prepared statements.
//
//   BENCH_SECONDS=5 BENCH_DIR=/var/tmp pnpm bench
//
// A "verify cycle" is one issue (deliver: false) and one successful verify of that code, for a
// fresh subject. The store calls of 200 real cycles are recorded; the raw ceiling is that exact
// sequence replayed as bare prepared statements (SELECT / UPSERT / DELETE by primary key) on a
// fresh file with the same WAL mode and `synchronous` setting. Figures, not assertions.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Otp, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import Database from "better-sqlite3";
import { createSqliteStore } from "../src/index.js";

const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 5);
const ROUNDS = 5;
const SECRET = { id: "bench", key: "bench-secret-0123456789abcdefghijklmnop" };
const dir = mkdtempSync(join(process.env["BENCH_DIR"] ?? tmpdir(), "otpkit-sqlite-bench-"));

interface Call {
  op: "get" | "set" | "setIfAbsent" | "consume" | "increment" | "delete";
  key: string;
  value?: string;
  ttl?: number;
}

/** Records every primitive call, to replay the same work with bare statements. */
function recording(store: OtpStore): { store: OtpStore; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    store: {
      name: store.name,
      get(key) {
        calls.push({ op: "get", key });
        return store.get(key);
      },
      set(key, value, ttl) {
        calls.push({ op: "set", key, value, ttl });
        return store.set(key, value, ttl);
      },
      setIfAbsent(key, value, ttl) {
        calls.push({ op: "setIfAbsent", key, value, ttl });
        return store.setIfAbsent(key, value, ttl);
      },
      consume(key, expected) {
        calls.push({ op: "consume", key });
        return store.consume(key, expected);
      },
      increment(key, ttl) {
        calls.push({ op: "increment", key, ttl });
        return store.increment(key, ttl);
      },
      delete(key) {
        calls.push({ op: "delete", key });
        return store.delete(key);
      },
    },
  };
}

function engine(store: OtpStore): Otp {
  // Cooldown and send cap out of the way: every cycle uses a fresh subject anyway.
  return createOtp({
    store,
    secrets: [SECRET],
    scheduleUnlocks: false,
    resend: { cooldownMs: 0, maxSends: 1_000 },
  });
}

async function cycle(otp: Otp): Promise<void> {
  const subject = `bench-${randomUUID()}`;
  const issued = await otp.issue({ subject, deliver: false });
  if (issued.status !== "issued" || issued.code === undefined)
    throw new Error(`issue: ${issued.status}`);
  const verified = await otp.verify({ subject, code: issued.code });
  if (verified.status !== "verified") throw new Error(`verify: ${verified.status}`);
}

/** Runs `task` from `concurrency` workers for `seconds`; returns completed tasks per second. */
async function rate(
  concurrency: number,
  seconds: number,
  task: () => Promise<unknown>,
): Promise<number> {
  const deadline = performance.now() + seconds * 1_000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await task();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1_000);
}

/**
 * The raw ceiling: the recorded calls of `cycles` cycles replayed, in order, as bare prepared
 * statements (no engine, no store wrapper, no error mapping) on a file with the same connection
 * settings. Same values and order, keys suffixed per round, so the same rows are inserted, updated
 * and deleted and the same writes are no-ops. `run(round)` returns cycles per second; round 0 is
 * a warm-up that grows the file and its WAL as the engine's file already is.
 */
function replayer(
  trace: Call[],
  cycles: number,
  synchronous: "full" | "normal",
): {
  run(round: number): number;
  close(): void;
} {
  const db = new Database(join(dir, `raw-${synchronous}.db`));
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  db.exec(
    "CREATE TABLE t (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID",
  );
  const statements = {
    get: db.prepare("SELECT value FROM t WHERE key = ? AND expires_at > ?"),
    upsert: db.prepare(
      "INSERT INTO t VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
    ),
    insert: db.prepare("INSERT INTO t VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING"),
    increment: db.prepare(
      "INSERT INTO t VALUES (?, '1', ?) ON CONFLICT (key) DO UPDATE SET value = value + 1",
    ),
    delete: db.prepare("DELETE FROM t WHERE key = ?"),
  };
  const run = (round: number): number => {
    const suffix = `#${round}`;
    const started = performance.now();
    for (const call of trace) {
      const now = Date.now();
      const key = call.key + suffix;
      switch (call.op) {
        case "get":
          statements.get.get(key, now);
          break;
        case "set":
          statements.upsert.run(key, call.value!, now + call.ttl!);
          break;
        case "setIfAbsent":
          statements.insert.run(key, call.value!, now + call.ttl!);
          break;
        case "increment":
          statements.increment.run(key, now + call.ttl!);
          break;
        case "consume":
        case "delete":
          statements.delete.run(key);
          break;
      }
    }
    return cycles / ((performance.now() - started) / 1_000);
  };
  return { run, close: () => db.close() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const version = new Database(":memory:").prepare("SELECT sqlite_version()").pluck().get();
  console.log(
    `@otpkit/store-sqlite bench: SQLite ${String(version)} (better-sqlite3), Node ${process.version}`,
  );
  console.log(`files in ${dir}; a cycle = issue(deliver: false) + verify(correct code)`);
  console.log(
    `${ROUNDS} rounds of [bare replay, engine at concurrency 1, engine at concurrency 50] per setting, medians shown\n`,
  );

  // Record the store calls of real cycles once; the replay re-runs exactly this work.
  const probeStore = createSqliteStore({ path: join(dir, "probe.db") });
  const probe = recording(probeStore);
  const probeOtp = engine(probe.store);
  const probeCycles = 200;
  for (let i = 0; i < probeCycles; i++) await cycle(probeOtp);
  await probeStore.close();
  const counts = new Map<string, number>();
  for (const call of probe.calls) counts.set(call.op, (counts.get(call.op) ?? 0) + 1);
  const breakdown = [...counts.entries()].map(([op, n]) => `${op} ${fmt(n / probeCycles, 1)}`);
  console.log(
    `statements per cycle: ${fmt(probe.calls.length / probeCycles, 1)} (${breakdown.join(", ")})`,
  );

  const rows: string[][] = [];
  for (const synchronous of ["full", "normal"] as const) {
    const store = createSqliteStore({ path: join(dir, `cycles-${synchronous}.db`), synchronous });
    const otp = engine(store);
    await rate(1, 0.3, () => cycle(otp)); // warm-up
    const raw = replayer(probe.calls, probeCycles, synchronous);
    raw.run(0); // warm-up
    const ceiling: number[] = [];
    const byConcurrency = new Map<number, number[]>([
      [1, []],
      [50, []],
    ]);
    // Interleaved rounds: a slow moment of the disk (fsync latency varies a lot on shared
    // machines) hits the ceiling and the engine alike instead of skewing one of them.
    for (let round = 0; round < ROUNDS; round++) {
      ceiling.push(raw.run(round + 1));
      for (const [concurrency, samples] of byConcurrency) {
        samples.push(await rate(concurrency, SECONDS / ROUNDS, () => cycle(otp)));
      }
    }
    await store.close();
    raw.close();
    const bare = median(ceiling);
    for (const [concurrency, samples] of byConcurrency) {
      const cycles = median(samples);
      rows.push([
        synchronous === "full" ? "full (default)" : "normal",
        String(concurrency),
        fmt(cycles),
        fmt(bare),
        `${fmt((cycles / bare) * 100, 1)} %`,
      ]);
    }
  }
  printTable(
    [
      "synchronous",
      "concurrency",
      "cycles/s",
      "bare-statement ceiling cycles/s",
      "cycles vs ceiling",
    ],
    rows,
  );
  console.log(
    "\nbetter-sqlite3 is synchronous: concurrency 50 interleaves 50 async callers on one connection",
  );
  console.log("(it measures the engine's overhead under contention, not parallel SQLite writers).");
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  console.log(`\n${line(head)}`);
  for (const row of rows) console.log(line(row));
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
