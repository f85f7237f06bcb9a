import autocannon from "autocannon";

/** Counts a workload keeps while it runs, beyond what autocannon counts. */
export interface Tally {
  /** 2xx answers with the wrong outcome (a check that did not verify, an issue without an id). */
  wrong: number;
  /**
   * Requests sent after the prepared codes ran out (the workload then stops the run): each
   * carries no valid code and is refused, which is not the server's failure.
   */
  outOfCodes: number;
}

/** Lets a workload end a run (when its prepared codes run out). */
export interface RunControl {
  stop(): void;
}

/**
 * What a run sends: autocannon's request list for each connection (with `setupRequest` giving
 * each request its own body or id, and `onResponse` checking the outcome into the tally).
 */
export type Workload = (tally: Tally, control: RunControl) => autocannon.Request[];

/** How long a run lasts: seconds, or a number of requests (for set-up, untimed). */
export type RunLength = { durationS: number } | { amount: number };

/** One run's figures. Latencies in milliseconds (autocannon's resolution: 1 ms). */
export interface RunResult {
  /** Answered requests per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answered requests. */
  requests: number;
  durationS: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Answers that were not 2xx (not counting the requests sent after the codes ran out). */
  non2xx: number;
  /** 2xx answers with the wrong outcome. */
  wrong: number;
  /** The prepared codes ran out and the run ended early (its figures still stand). */
  exhausted: boolean;
}

/**
 * Drives `workload` against `url` with autocannon: `connections` keep-alive connections, each
 * sending its next request as soon as the previous one is answered.
 *
 * @throws {Error} When autocannon cannot start (bad URL or options).
 * @example
 * const run = await drive("http://127.0.0.1:4000", 50, { durationS: 10 }, workload);
 */
export function drive(
  url: string,
  connections: number,
  length: RunLength,
  workload: Workload,
): Promise<RunResult> {
  const tally: Tally = { wrong: 0, outOfCodes: 0 };
  return new Promise((resolve, reject) => {
    let instance: autocannon.Instance | undefined;
    const startedAt = performance.now();
    let answered = 0;
    // When the codes ran out: the answers until then, and when (the rate is theirs alone).
    let stoppedAt: { answered: number; at: number } | undefined;
    const control: RunControl = {
      stop() {
        stoppedAt ??= { answered, at: performance.now() };
        instance?.stop();
      },
    };
    const amount = "amount" in length ? length.amount : undefined;
    const duration = "durationS" in length ? length.durationS : undefined;
    instance = autocannon(
      {
        url,
        // autocannon refuses more connections than requests.
        connections: amount === undefined ? connections : Math.min(connections, amount),
        ...(amount === undefined ? { duration } : { amount }),
        timeout: 30,
        // autocannon notices a stop at its next sample: every 100 ms, not every second.
        sampleInt: 100,
        requests: workload(tally, control),
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) {
          reject(error);
          return;
        }
        const requests = result.requests.total;
        const rps = stoppedAt
          ? stoppedAt.answered / ((stoppedAt.at - startedAt) / 1000)
          : result.duration > 0
            ? requests / result.duration
            : 0;
        resolve({
          rps: Number.isFinite(rps) ? rps : 0,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          requests,
          durationS: result.duration,
          errors: result.errors,
          non2xx: Math.max(0, result.non2xx - tally.outOfCodes),
          wrong: tally.wrong,
          exhausted: tally.outOfCodes > 0,
        });
      },
    );
    instance.on("response", () => {
      answered++;
    });
    // A workload with nothing prepared stops while autocannon builds its first requests.
    if (stoppedAt) instance.stop();
  });
}

/** Errors of every kind in a run: connection errors, non-2xx, wrong outcomes. */
export function failures(run: RunResult): number {
  return run.errors + run.non2xx + run.wrong;
}
