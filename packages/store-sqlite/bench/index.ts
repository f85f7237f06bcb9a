// pnpm bench: verify cycles per second through createOtp + the SQLite store, next to the raw
// ceiling of the same file measured in the same run with bare prepared statements.
//
//   BENCH_SECONDS=5 BENCH_DIR=/var/tmp pnpm bench
//
// A "verify cycle" is one issue (deliver: false) and one successful verify of that code, for a
// fresh subject. The store calls of 200 real cycles are recorded; the raw ceiling is that exact
// sequence replayed as bare prepared statements (SELECT / INSERT / UPDATE / DELETE by primary
// key) on a fresh file with the same WAL mode and `synchronous` setting, one commit per write.
// Group commit is measured against itself turned down in the same run: `maxBatch: 1` gives every
// write its own transaction, as the store did before group commit. Figures, not assertions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoreCall } from "@otpkit/otp-testing/bench";
import {
  benchOtp,
  formatNumber as fmt,
  measureVerifyCycles,
  median,
  printTable,
  profileVerifyCycles,
} from "@otpkit/otp-testing/bench";
import Database from "better-sqlite3";
import { createSqliteStore } from "../src/index.js";

const DURATION_MS = Number(process.env["BENCH_SECONDS"] ?? 5) * 1_000;
const ROUNDS = 5;
const dir = mkdtempSync(join(process.env["BENCH_DIR"] ?? tmpdir(), "otpkit-sqlite-bench-"));

/**
 * The raw ceiling: the recorded calls of `cycles` cycles replayed, in order, as bare prepared
 * statements (no engine, no store wrapper, no error mapping) on a file with the same connection
 * settings. Same values and order, keys suffixed per round, so the same rows are inserted, updated
 * and deleted and the same writes are no-ops. `run(round)` returns cycles per second; round 0 is
 * a warm-up that grows the file and its WAL as the engine's file already is.
 */
function replayer(
  trace: readonly StoreCall[],
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
    create: db.prepare("INSERT INTO t VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING"),
    replace: db.prepare("UPDATE t SET value = ?, expires_at = ? WHERE key = ? AND value = ?"),
    delete: db.prepare("DELETE FROM t WHERE key = ? AND value = ?"),
    exists: db.prepare("SELECT 1 FROM t WHERE key = ? AND expires_at > ?"),
  };
  const run = (round: number): number => {
    const suffix = `#${round}`;
    const started = performance.now();
    for (const call of trace) {
      const now = Date.now();
      const key = call.key + suffix;
      if (call.op === "get") statements.get.get(key, now);
      else if (call.expected === null && call.next === null) statements.exists.get(key, now);
      else if (call.expected === null) statements.create.run(key, call.next, now + call.ttl);
      else if (call.next === null) statements.delete.run(key, call.expected);
      else statements.replace.run(call.next, now + call.ttl, key, call.expected);
    }
    return cycles / ((performance.now() - started) / 1_000);
  };
  return { run, close: () => db.close() };
}

async function main(): Promise<void> {
  const version = new Database(":memory:").prepare("SELECT sqlite_version()").pluck().get();
  console.log(
    `@otpkit/store-sqlite bench: SQLite ${String(version)} (better-sqlite3), Node ${process.version}`,
  );
  console.log(`files in ${dir}; a cycle = issue(deliver: false) + verify(correct code)`);
  console.log(
    `${ROUNDS} interleaved rounds of [bare replay, each engine row] per setting, medians shown\n`,
  );

  // Record the store calls of real cycles once; the replay re-runs exactly this work.
  const probeStore = createSqliteStore({ path: join(dir, "probe.db") });
  const probe = await profileVerifyCycles(probeStore);
  await probeStore.close();
  console.log(
    `statements per cycle: ${fmt(probe.perCycle, 1)} (issue ${fmt(probe.perIssue, 1)}, verify ${fmt(probe.perVerify, 1)}; ${probe.breakdown})`,
  );
  console.log(`writes per cycle (fsyncs at synchronous=full): ${fmt(probe.writesPerCycle, 1)}`);

  const rows: string[][] = [];
  for (const synchronous of ["full", "normal"] as const) {
    // Each engine row: a store of its own (maxBatch) and a concurrency.
    const engines = [
      { maxBatch: 256, concurrency: 1 },
      { maxBatch: 256, concurrency: 50 },
      { maxBatch: 1, concurrency: 50 },
    ].map(({ maxBatch, concurrency }) => {
      const path = join(dir, `cycles-${synchronous}-${maxBatch}-${concurrency}.db`);
      const store = createSqliteStore({ path, synchronous, maxBatch });
      return { maxBatch, concurrency, store, otp: benchOtp(store), samples: [] as number[] };
    });
    for (const { otp } of engines)
      await measureVerifyCycles({ otp, concurrency: 1, durationMs: 300 }); // warm-up
    const raw = replayer(probe.calls, probe.cycles, synchronous);
    raw.run(0); // warm-up
    const ceiling: number[] = [];
    // Interleaved rounds: a slow moment of the disk (fsync latency varies a lot on shared
    // machines) hits the ceiling and the engine alike instead of skewing one of them.
    for (let round = 0; round < ROUNDS; round++) {
      ceiling.push(raw.run(round + 1));
      for (const { otp, concurrency, samples } of engines) {
        samples.push(
          await measureVerifyCycles({ otp, concurrency, durationMs: DURATION_MS / ROUNDS }),
        );
      }
    }
    for (const { store } of engines) await store.close();
    raw.close();
    const bare = median(ceiling);
    for (const { maxBatch, concurrency, samples } of engines) {
      const cycles = median(samples);
      rows.push([
        synchronous === "full" ? "full (default)" : "normal",
        maxBatch === 1 ? "1 (no group commit)" : `${maxBatch} (default)`,
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
      "maxBatch",
      "concurrency",
      "cycles/s",
      "bare-statement ceiling cycles/s",
      "cycles vs ceiling",
    ],
    rows,
  );
  console.log(
    "\nbetter-sqlite3 is synchronous: concurrency 50 interleaves 50 async callers on one connection.",
  );
  console.log(
    "With group commit their writes share one transaction (one fsync at full) per event-loop turn,",
  );
  console.log(
    "so the rate can pass the ceiling, which replays the same statements with one commit each.",
  );
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
