import type { Otp, OtpOptions, OtpStore } from "@otpkit/otp-core";
import { createOtp } from "@otpkit/otp-core";

// The measuring loop the store benches share (`pnpm bench` in each store package).
// Benches run under plain Node, not vitest: nothing here imports vitest, and it is published as
// its own entry, `@otpkit/otp-testing/bench`, so importing it never loads the suites. Figures,
// not assertions: nothing here fails on a slow machine. Each bench keeps its backend's own
// baseline (bare GETs, bare prepared statements) next to these numbers.

/** The secret {@link benchOtp} uses; for a bench engine of your own options. */
export const BENCH_SECRET: { id: string; key: string } = {
  id: "bench",
  key: "bench-secret-0123456789abcdefghijklmnop",
};

/**
 * The naming key {@link benchOtp} uses (it keys the store-key digest; at least 32 characters);
 * for a bench engine of your own options.
 */
export const BENCH_NAMING_KEY = "bench-naming-key-0123456789abcdefghijklmnop";

/**
 * An engine for benchmarks: {@link BENCH_SECRET} and {@link BENCH_NAMING_KEY}, cooldown and send
 * cap out of the way (every cycle uses a fresh subject anyway), no unlock timers.
 *
 * @param store The store under test.
 * @param options Engine options to change on top of those (e.g. the defaults back, to measure
 *   memory per code as in production).
 * @returns The engine.
 * @example
 * ```ts
 * const otp = benchOtp(createRedisStore({ client, keyPrefix }));
 * ```
 */
export function benchOtp(store: OtpStore, options: Partial<OtpOptions> = {}): Otp {
  return createOtp({
    store,
    secrets: [BENCH_SECRET],
    namingKey: BENCH_NAMING_KEY,
    scheduleUnlocks: false,
    resend: { cooldownMs: 0, maxSends: 1_000 },
    ...options,
  });
}

/**
 * One verify cycle, the whole life of a code: `issue({ deliver: false })` and a successful
 * `verify` of that code, for a fresh subject.
 *
 * @param otp The engine under test.
 * @throws Error when the code is not issued or not verified (a broken setup, not a slow one).
 * @example
 * ```ts
 * await verifyCycle(benchOtp(createMemoryStore()));
 * ```
 */
export async function verifyCycle(otp: Otp): Promise<void> {
  const subject = `bench-${crypto.randomUUID()}`;
  await verifyForBench(otp, subject, await issueForBench(otp, subject));
}

/** The issue half of a cycle: the code, or an error naming what came back instead. */
async function issueForBench(otp: Otp, subject: string): Promise<string> {
  const issued = await otp.issue({ subject, deliver: false });
  if (issued.status !== "issued" || issued.code === undefined) {
    throw new Error(`issue: ${issued.status}`);
  }
  return issued.code;
}

/** The verify half of a cycle: throws unless the code verified. */
async function verifyForBench(otp: Otp, subject: string, code: string): Promise<void> {
  const verified = await otp.verify({ subject, code });
  if (verified.status !== "verified") throw new Error(`verify: ${verified.status}`);
}

/** Options for {@link measureRate}. */
export interface MeasureRateOptions {
  /** How many workers run `task` back to back at the same time. */
  concurrency: number;
  /** How long to measure, in milliseconds of real time. */
  durationMs: number;
  /** One unit of work (a verify cycle, a bare `GET`). */
  task: () => Promise<unknown>;
}

/**
 * Runs `task` from `concurrency` workers for `durationMs` and returns completed tasks per second.
 *
 * @param options Concurrency, duration and the task.
 * @returns Completed tasks per second of wall time.
 * @example
 * ```ts
 * const gets = await measureRate({ concurrency: 50, durationMs: 2_000, task: () => client.get(key) });
 * ```
 */
export async function measureRate(options: MeasureRateOptions): Promise<number> {
  const { concurrency, durationMs, task } = options;
  const started = performance.now();
  const deadline = started + durationMs;
  let done = 0;
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

/** Options for {@link measureVerifyCycles}. */
export interface MeasureVerifyCyclesOptions {
  /** The engine under test, e.g. from {@link benchOtp}. */
  otp: Otp;
  /** How many cycles run at the same time. */
  concurrency: number;
  /** How long to measure, in milliseconds of real time. */
  durationMs: number;
}

/**
 * Verify cycles ({@link verifyCycle}) per second through `otp`, at `concurrency`.
 *
 * @param options The engine, concurrency and duration.
 * @returns Cycles per second.
 * @throws Error when a cycle fails to issue or verify.
 * @example
 * ```ts
 * const cycles = await measureVerifyCycles({ otp, concurrency: 50, durationMs: 2_000 });
 * ```
 */
export function measureVerifyCycles(options: MeasureVerifyCyclesOptions): Promise<number> {
  const { otp, concurrency, durationMs } = options;
  return measureRate({ concurrency, durationMs, task: () => verifyCycle(otp) });
}

/**
 * One call of a store primitive, as {@link recordStoreCalls} saw it: enough to replay the same
 * work as a bare baseline (the same reads and the same conditional writes, in order).
 */
export type StoreCall =
  | { op: "get"; key: string }
  | {
      op: "compareAndSet";
      key: string;
      /** The value compared against; `null`: the key must be absent. */
      expected: string | null;
      /** The value written; `null`: delete. */
      next: string | null;
      /** The TTL given, in milliseconds. */
      ttl: number;
      /** Whether it wrote (set when the call resolves; absent while pending or if it threw). */
      won?: boolean;
    };

/**
 * Wraps a store so that every primitive call is recorded, in order: to count the round trips one
 * cycle costs, or to replay the same work as a bare baseline.
 *
 * @param store The store to wrap; every call goes through to it unchanged.
 * @returns The wrapping store and the list it appends to.
 * @example
 * ```ts
 * const { store, calls } = recordStoreCalls(createMemoryStore());
 * await store.get("k");
 * calls; // [{ op: "get", key: "k" }]
 * ```
 */
export function recordStoreCalls(store: OtpStore): { store: OtpStore; calls: StoreCall[] } {
  const calls: StoreCall[] = [];
  // No `close`: closing the recording (an engine's close, say) must not close the store under it.
  const recording: OtpStore = {
    name: store.name,
    get(key) {
      calls.push({ op: "get", key });
      return store.get(key);
    },
    async compareAndSet(key, expected, next, ttl) {
      const call: StoreCall = { op: "compareAndSet", key, expected, next, ttl };
      calls.push(call);
      call.won = await store.compareAndSet(key, expected, next, ttl);
      return call.won;
    },
  };
  return { calls, store: recording };
}

/** What {@link profileVerifyCycles} found. */
export interface VerifyCycleProfile {
  /** Every store call of every cycle, in order. */
  calls: StoreCall[];
  /** How many cycles ran. */
  cycles: number;
  /** Store calls (round trips, statements) per cycle. */
  perCycle: number;
  /** Store calls per `issue`. */
  perIssue: number;
  /** Store calls per `verify`. */
  perVerify: number;
  /** Writes per cycle: compare-and-sets that won (on SQLite at `synchronous=full`, fsyncs). */
  writesPerCycle: number;
  /** Calls per cycle by primitive, in order of first use: `"get 2.0, compareAndSet 2.0"`. */
  breakdown: string;
}

/**
 * Runs `cycles` verify cycles one after another through an engine on `store` and records every
 * store call: how many round trips (Redis) or statements (SQLite, PostgreSQL) one cycle costs,
 * split into issue and verify, and how many of them write.
 *
 * @param store The store under test.
 * @param cycles How many cycles to record. @default 200
 * @returns The calls, and calls per cycle overall, per operation and by primitive.
 * @throws Error when a cycle fails to issue or verify.
 * @example
 * ```ts
 * const probe = await profileVerifyCycles(store);
 * console.log(`round trips per cycle: ${formatNumber(probe.perCycle, 1)} (${probe.breakdown})`);
 * ```
 */
export async function profileVerifyCycles(
  store: OtpStore,
  cycles = 200,
): Promise<VerifyCycleProfile> {
  const recorded = recordStoreCalls(store);
  const otp = benchOtp(recorded.store);
  let issueCalls = 0;
  for (let i = 0; i < cycles; i++) {
    const before = recorded.calls.length;
    const subject = `bench-${crypto.randomUUID()}`;
    const code = await issueForBench(otp, subject);
    issueCalls += recorded.calls.length - before;
    await verifyForBench(otp, subject, code);
  }
  await otp.close();
  const counts = new Map<string, number>();
  for (const call of recorded.calls) counts.set(call.op, (counts.get(call.op) ?? 0) + 1);
  const breakdown = [...counts.entries()]
    .map(([op, n]) => `${op} ${formatNumber(n / cycles, 1)}`)
    .join(", ");
  const writes = recorded.calls.filter((c) => c.op === "compareAndSet" && c.won).length;
  return {
    calls: recorded.calls,
    cycles,
    perCycle: recorded.calls.length / cycles,
    perIssue: issueCalls / cycles,
    perVerify: (recorded.calls.length - issueCalls) / cycles,
    writesPerCycle: writes / cycles,
    breakdown,
  };
}

/**
 * A number with thousands separators and a fixed number of decimals: `12,345.6`.
 *
 * @example
 * ```ts
 * formatNumber(12345.678, 1); // "12,345.7"
 * ```
 */
export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/**
 * The middle value (the upper one of the two middles for an even count).
 *
 * @throws Error when `values` is empty.
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Prints a right-aligned table to stdout, preceded by an empty line.
 *
 * @param head Column titles.
 * @param rows Cells, one array per row, as many as `head`.
 * @example
 * ```ts
 * printTable(["concurrency", "cycles/s"], [["1", "1,234"], ["50", "5,678"]]);
 * ```
 */
export function printTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  console.log(`\n${line(head)}`);
  for (const row of rows) console.log(line(row));
}
