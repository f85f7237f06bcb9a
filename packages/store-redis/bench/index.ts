// pnpm bench: verify cycles per second through createOtp + the Redis store, next to the raw
// ceiling of the same Redis measured in the same run, and Redis memory per active code.
//
//   REDIS_URL=redis://127.0.0.1:6379 BENCH_SECONDS=2 BENCH_CODES=10000 pnpm bench
//
// A "verify cycle" is one issue (deliver: false) and one successful verify of that code, for a
// fresh subject: the whole life of a code. Its store round trips are counted (every primitive is
// one round trip), and the raw ceiling is that many bare GETs, or EVALSHAs of a trivial script,
// through the same client at the same concurrency. Figures, not assertions: nothing here fails on
// a slow machine.
import { randomUUID } from "node:crypto";
import { createOtp } from "@otpkit/otp-core";
import {
  BENCH_NAMING_KEY,
  BENCH_SECRET,
  benchOtp,
  formatNumber as fmt,
  measureRate,
  measureVerifyCycles,
  printTable,
  profileVerifyCycles,
} from "@otpkit/otp-testing/bench";
import { Redis } from "ioredis";
import { createRedisStore } from "../src/index.js";

const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const DURATION_MS = Number(process.env["BENCH_SECONDS"] ?? 2) * 1_000;
const CODES = Number(process.env["BENCH_CODES"] ?? 10_000);
const PREFIX = `otpkit-bench:${randomUUID().slice(0, 8)}:`;

const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
client.on("error", () => {
  // Reported by the first command below.
});

async function scanKeys(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1_000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  return keys;
}

async function deletePrefix(prefix: string): Promise<void> {
  const keys = await scanKeys(prefix);
  for (let i = 0; i < keys.length; i += 1_000) await client.del(...keys.slice(i, i + 1_000));
}

function usedMemory(info: string): number {
  return Number(/used_memory:(\d+)/.exec(info)?.[1]);
}

async function main(): Promise<void> {
  try {
    await client.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL}: start redis-server or set REDIS_URL`, {
      cause: error,
    });
  }
  const server = await client.info("server");
  const version = /redis_version:(\S+)/.exec(server)?.[1] ?? "?";
  console.log(
    `@otpkit/store-redis bench: ${REDIS_URL} (Redis ${version}), Node ${process.version}`,
  );
  console.log(
    `${DURATION_MS / 1_000} s per measurement; a cycle = issue(deliver: false) + verify(correct code)\n`,
  );

  const store = createRedisStore({ client, keyPrefix: `${PREFIX}cycles:` });

  // Calibrate: round trips per cycle (every primitive is one), counted on real cycles.
  const probe = await profileVerifyCycles(store);
  const roundTrips = probe.perCycle;
  console.log(
    `store round trips per cycle: ${fmt(roundTrips, 1)} (issue ${fmt(probe.perIssue, 1)}, verify ${fmt(probe.perVerify, 1)}; ${probe.breakdown})`,
  );

  const otp = benchOtp(store);
  const trivial = String(await client.script("LOAD", "return 1"));
  const getKey = `${PREFIX}raw:{bench}:k`;
  await client.set(getKey, "x".repeat(200), "PX", 600_000);

  const rows: string[][] = [];
  for (const concurrency of [1, 50]) {
    const measure = (task: () => Promise<unknown>) =>
      measureRate({ concurrency, durationMs: DURATION_MS, task });
    // Warm-up first (JIT, connections, script cache).
    await measureVerifyCycles({ otp, concurrency, durationMs: DURATION_MS });
    const cycles = await measureVerifyCycles({ otp, concurrency, durationMs: DURATION_MS });
    const gets = await measure(() => client.get(getKey));
    const evalshas = await measure(() => client.evalsha(trivial, 0));
    rows.push([
      String(concurrency),
      fmt(cycles),
      fmt(gets),
      `${fmt(cycles / gets, 3)}x`,
      fmt(gets / roundTrips),
      `${fmt((cycles / (gets / roundTrips)) * 100, 1)} %`,
      fmt(evalshas),
      fmt(evalshas / roundTrips),
      `${fmt((cycles / (evalshas / roundTrips)) * 100, 1)} %`,
    ]);
  }
  await deletePrefix(PREFIX);
  printTable(
    [
      "concurrency",
      "cycles/s",
      "bare GET/s",
      "cycles / bare GETs",
      "GET ceiling cycles/s",
      "cycles vs GET ceiling",
      "bare EVALSHA/s",
      "EVALSHA ceiling cycles/s",
      "cycles vs EVALSHA ceiling",
    ],
    rows,
  );

  // Memory per active code: N codes issued with the engine's default options (cooldown marker and
  // send counter included, as in production), measured two ways.
  const memoryPrefix = `${PREFIX}memory:`;
  const memoryOtp = createOtp({
    store: createRedisStore({ client, keyPrefix: memoryPrefix }),
    secrets: [BENCH_SECRET],
    namingKey: BENCH_NAMING_KEY,
    scheduleUnlocks: false,
  });
  const before = usedMemory(await client.info("memory"));
  for (let i = 0; i < CODES; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, CODES - i) }, (_, j) =>
        memoryOtp.issue({ subject: `memory-${i + j}@example.test`, deliver: false }),
      ),
    );
  }
  const after = usedMemory(await client.info("memory"));
  const keys = await scanKeys(memoryPrefix);
  const byKind = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < keys.length; i += 1_000) {
    const batch = keys.slice(i, i + 1_000);
    const pipeline = client.pipeline();
    for (const key of batch) pipeline.memory("USAGE", key, "SAMPLES", "0");
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([error, bytes], j) => {
      if (error) throw error;
      // `{digest}` is the subject's record; `{digest}:i:<op>:…` an idempotency record.
      const kind = batch[j]!.endsWith("}")
        ? "record"
        : `idempotency ${/\}:i:([a-z]+)/.exec(batch[j]!)?.[1] ?? "?"}`;
      const entry = byKind.get(kind) ?? { bytes: 0, count: 0 };
      entry.bytes += Number(bytes);
      entry.count += 1;
      byKind.set(kind, entry);
    });
  }
  const total = [...byKind.values()].reduce((sum, e) => sum + e.bytes, 0);
  const kinds = [...byKind.entries()].map(
    ([kind, e]) => `${kind} ${fmt(e.bytes / e.count)} B x ${fmt(e.count / CODES, 2)}`,
  );
  console.log(
    `\nRedis memory per active code (${fmt(CODES)} codes issued, default engine options):`,
  );
  console.log(
    `  MEMORY USAGE of their keys: ${fmt(total / CODES)} B/code, ${fmt(keys.length / CODES, 2)} keys/code (${kinds.join("; ")})`,
  );
  console.log(`  INFO memory used_memory delta: ${fmt((after - before) / CODES)} B/code`);
  await deletePrefix(PREFIX);
}

try {
  await main();
} finally {
  client.disconnect();
}
