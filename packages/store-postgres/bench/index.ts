// pnpm bench: verify cycles per second through createOtp + the PostgreSQL store, next to bare
// `SELECT 1` round trips through the same pool, measured in the same run.
//
//   BENCH_SECONDS=6 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench
//
// A "verify cycle" is one issue (deliver: false) and one successful verify of that code, for a
// fresh subject. The baseline is the cheapest thing the pool can do: one `SELECT 1` per task, at
// the same concurrency, on the same connections. Its ratio to the cycle rate says how many bare
// round trips a cycle costs in time (its statements write and commit; `SELECT 1` does neither).
// Figures, not assertions. The bench's table lives in a schema of its own, dropped at the end.
import { randomBytes, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import {
  benchOtp,
  formatNumber as fmt,
  measureRate,
  measureVerifyCycles,
  median,
  printTable,
  profileVerifyCycles,
} from "@otpkit/otp-testing/bench";
import pg from "pg";
import { createPostgresStore, migrate } from "../src/index.js";

const DURATION_MS = Number(process.env["BENCH_SECONDS"] ?? 6) * 1_000;
const DATABASE_URL = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";
const POOL_SIZE = Number(process.env["BENCH_POOL_SIZE"] ?? 10);
const ROUNDS = 3;
const PG_VERSION = (createRequire(import.meta.url)("pg/package.json") as { version: string })
  .version;
const CONCURRENCIES = [1, 50] as const;

async function main(pool: pg.Pool, schema: string): Promise<void> {
  const { rows } = await pool.query<{ version: string; sync: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync",
  );
  console.log(
    `@otpkit/store-postgres bench: PostgreSQL ${rows[0]?.version} (synchronous_commit=${rows[0]?.sync}), pg ${PG_VERSION}, Node ${process.version}`,
  );
  console.log(
    `pool of ${POOL_SIZE} connections; a cycle = issue(deliver: false) + verify(correct code)`,
  );
  console.log(
    `${ROUNDS} interleaved rounds of [SELECT 1, bare commits, engine] per concurrency, medians shown\n`,
  );

  const tableName = `${schema}.otp_store`;
  await migrate(pool, { tableName });
  const store = createPostgresStore({ pool, tableName });

  // Statements per cycle: each is one round trip and, for a write, one commit.
  const probe = await profileVerifyCycles(store);
  console.log(
    `statements per cycle: ${fmt(probe.perCycle, 1)} (issue ${fmt(probe.perIssue, 1)}, verify ${fmt(probe.perVerify, 1)}; ${probe.breakdown}); writes (commits) per cycle: ${fmt(probe.writesPerCycle, 1)}`,
  );

  // The write floor: one-row autocommit INSERTs, each a WAL flush, on a table of the same shape.
  const commitTable = `"${schema}"."bare_commits"`;
  await migrate(pool, { tableName: `${schema}.bare_commits` });

  const otp = benchOtp(store);
  await measureVerifyCycles({ otp, concurrency: 1, durationMs: 500 }); // warm-up
  const rowsOut: string[][] = [];
  for (const concurrency of CONCURRENCIES) {
    const bare: number[] = [];
    const commits: number[] = [];
    const cycles: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(
        await measureRate({
          concurrency,
          durationMs: DURATION_MS / ROUNDS / 2,
          task: () => pool.query("SELECT 1"),
        }),
      );
      commits.push(
        await measureRate({
          concurrency,
          durationMs: DURATION_MS / ROUNDS / 4,
          task: () => pool.query(`INSERT INTO ${commitTable} VALUES ($1, 'v', 0)`, [randomUUID()]),
        }),
      );
      cycles.push(
        await measureVerifyCycles({ otp, concurrency, durationMs: DURATION_MS / ROUNDS / 2 }),
      );
    }
    const c = median(cycles);
    const b = median(bare);
    const w = median(commits);
    rowsOut.push([
      String(concurrency),
      fmt(c),
      fmt(b),
      `${fmt(c / b, 3)}x`,
      fmt(w),
      `${fmt(((c * probe.writesPerCycle) / w) * 100, 0)} %`,
    ]);
  }
  await otp.close();
  await store.close();
  printTable(
    [
      "concurrency",
      "cycles/s",
      "bare SELECT 1/s",
      "cycles vs SELECT 1",
      "bare commits/s",
      "cycle writes vs bare commits",
    ],
    rowsOut,
  );
  console.log(
    "\nA cycle's writes are commits (a WAL flush each at synchronous_commit=on); SELECT 1 neither",
  );
  console.log(
    "writes nor commits. 'bare commits/s' is one-row INSERTs through the same pool: the disk's",
  );
  console.log("floor; the last column is how much of it the cycle's writes reach.");
}

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: POOL_SIZE });
pool.on("error", () => undefined); // an idle connection lost mid-bench is replaced on demand
const schema = `otpkit_bench_${randomBytes(4).toString("hex")}`;
await pool.query(`CREATE SCHEMA "${schema}"`);
try {
  await main(pool, schema);
} finally {
  await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
  await pool.end();
}
