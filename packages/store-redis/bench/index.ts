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
import type { Otp, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";
import { Redis } from "ioredis";
import { createRedisStore } from "../src/index.js";

const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 2);
const CODES = Number(process.env["BENCH_CODES"] ?? 10_000);
const SECRET = { id: "bench", key: "bench-secret-0123456789abcdefghijklmnop" };
const PREFIX = `otpkit-bench:${randomUUID().slice(0, 8)}:`;

const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
client.on("error", () => {
  // Reported by the first command below.
});

/** Counts every primitive call, to know how many round trips one cycle costs. */
function counting(store: OtpStore): { store: OtpStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const count = (name: string): void => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
  };
  return {
    calls,
    store: {
      name: store.name,
      get(key) {
        count("get");
        return store.get(key);
      },
      set(key, value, ttl) {
        count("set");
        return store.set(key, value, ttl);
      },
      setIfAbsent(key, value, ttl) {
        count("setIfAbsent");
        return store.setIfAbsent(key, value, ttl);
      },
      consume(key, expected) {
        count("consume");
        return store.consume(key, expected);
      },
      increment(key, ttl) {
        count("increment");
        return store.increment(key, ttl);
      },
      delete(key) {
        count("delete");
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

/** Runs `task` from `concurrency` workers for SECONDS; returns completed tasks per second. */
async function rate(concurrency: number, task: () => Promise<unknown>): Promise<number> {
  const deadline = performance.now() + SECONDS * 1_000;
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

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

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
    `${SECONDS} s per measurement; a cycle = issue(deliver: false) + verify(correct code)\n`,
  );

  const store = createRedisStore({ client, keyPrefix: `${PREFIX}cycles:` });

  // Calibrate: round trips per cycle, counted on real cycles.
  const probe = counting(store);
  const probeOtp = engine(probe.store);
  const probeCycles = 200;
  for (let i = 0; i < probeCycles; i++) await cycle(probeOtp);
  const roundTrips = [...probe.calls.values()].reduce((a, b) => a + b, 0) / probeCycles;
  const breakdown = [...probe.calls.entries()].map(
    ([name, n]) => `${name} ${fmt(n / probeCycles, 1)}`,
  );
  console.log(`store round trips per cycle: ${fmt(roundTrips, 1)} (${breakdown.join(", ")})`);

  const otp = engine(store);
  const trivial = String(await client.script("LOAD", "return 1"));
  const getKey = `${PREFIX}raw:{bench}:k`;
  await client.set(getKey, "x".repeat(200), "PX", 600_000);

  const rows: string[][] = [];
  for (const concurrency of [1, 50]) {
    await rate(concurrency, () => cycle(otp)); // warm-up (JIT, connections, script cache)
    const cycles = await rate(concurrency, () => cycle(otp));
    const gets = await rate(concurrency, () => client.get(getKey));
    const evalshas = await rate(concurrency, () => client.evalsha(trivial, 0));
    rows.push([
      String(concurrency),
      fmt(cycles),
      fmt(gets),
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
    secrets: [SECRET],
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
      const kind = /\}:([a-z]+)/.exec(batch[j]!)?.[1] ?? "?";
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

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  console.log(`\n${line(head)}`);
  for (const row of rows) console.log(line(row));
}

try {
  await main();
} finally {
  client.disconnect();
}
