// Interleaved measuring: every figure is measured in short slices, one slice of each in turn,
// round after round. On a shared 2-core machine the load drifts over seconds; a ratio taken
// between two slices measured next to each other (and then the median over rounds) drifts far
// less than two long runs measured one after the other.

/** Measures one kind of operation for about `ms` milliseconds of timed work; returns ops/s. */
export type Runner = (ms: number) => Promise<number>;

/** A synchronous body, run in batches of 100 between clock reads. */
export function syncRunner(body: () => unknown): Runner {
  return async (ms) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 100; i++) body();
      n += 100;
      elapsed = performance.now() - start;
    }
    return n / (elapsed / 1_000);
  };
}

/** An asynchronous body, awaited one call after the other (concurrency 1). */
export function asyncRunner(body: () => Promise<unknown>): Runner {
  return async (ms) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 20; i++) await body();
      n += 20;
      elapsed = performance.now() - start;
    }
    return n / (elapsed / 1_000);
  };
}

/**
 * An asynchronous body over prepared items, where only `body` is timed: `prepare` makes a batch
 * (issuing the codes a verify then checks, say) and `after` cleans up; neither is measured.
 */
export function preparedRunner<T>(
  prepare: (n: number) => Promise<T[]>,
  body: (item: T) => Promise<unknown>,
  after: (items: T[]) => Promise<void> = async () => undefined,
  batch = 200,
): Runner {
  return async (ms) => {
    let n = 0;
    let timed = 0;
    while (timed < ms) {
      const items = await prepare(batch);
      const start = performance.now();
      for (const item of items) await body(item);
      timed += performance.now() - start;
      n += items.length;
      await after(items);
    }
    return n / (timed / 1_000);
  };
}

/** Per-round rates of each runner, by name. */
export type Rates = Record<string, number[]>;

/**
 * Runs every runner for `sliceMs`, in turn, `rounds` times, after one warm-up slice each (JIT,
 * caches; not recorded).
 */
export async function measureRounds(
  runners: Record<string, Runner>,
  options: { rounds: number; sliceMs: number },
): Promise<Rates> {
  const rates: Rates = {};
  for (const [name, run] of Object.entries(runners)) {
    await run(options.sliceMs);
    rates[name] = [];
  }
  for (let r = 0; r < options.rounds; r++) {
    for (const [name, run] of Object.entries(runners))
      rates[name]!.push(await run(options.sliceMs));
  }
  return rates;
}

/** The middle value (the upper one of two middles). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median over rounds of `a / b`, each ratio taken within one round. */
export function ratio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]!));
}

/** `12,345` */
export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
