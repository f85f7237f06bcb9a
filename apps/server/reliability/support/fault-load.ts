// The faults' bounded load (reliability/faults-*.test.ts): a few workers, each running the test's
// own iteration (issue, wrong check, right check, …) until stopped or out of count or time, and a
// tally of what the clients saw, by phase (before / during / after the fault) and by answer.

/** One answer as a client saw it: the status, the parsed body, and a label for the tally. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** `201`, `200 verified`, `503 STORE_UNAVAILABLE`, `timeout` (no answer in time). */
  label: string;
}

/** Calls a route: `app.request` of an in-process server, or `fetch` against a process's URL. */
export type Requester = (path: string, init: RequestInit) => Promise<Response>;

/** No answer within this long is a hang: counted as `timeout`, and every fault test wants none. */
export const HANG_MS = 20_000;

/**
 * Sends one JSON API request with the API key and reads the answer; a request that gets no
 * answer within {@link HANG_MS} (or whose connection fails) is an answer labelled `timeout` /
 * `network`, with status 0, never a throw.
 *
 * @throws {never}
 * @example
 * const a = await callApi(app.request, token, "/api/v1/verifications", { subject: "u1" });
 */
export async function callApi(
  request: Requester,
  token: string,
  path: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), HANG_MS);
  });
  try {
    const sent = request(path, {
      method,
      headers,
      signal: AbortSignal.timeout(HANG_MS + 1_000),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then(async (res) => ({ res, text: await res.text() }));
    const first = await Promise.race([sent, late]);
    if (first === "late") return { status: 0, body: {}, label: "timeout" };
    const { res, text } = first;
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed, label: labelOf(res.status, parsed) };
  } catch {
    return { status: 0, body: {}, label: "network" };
  } finally {
    clearTimeout(timer);
  }
}

/** `200 verified`, `503 STORE_UNAVAILABLE`, `201`: the status and what the body says it was. */
function labelOf(status: number, body: Record<string, unknown>): string {
  const error = body["error"] as { code?: unknown } | undefined;
  if (typeof error?.code === "string") return `${status} ${error.code}`;
  if (typeof body["status"] === "string" && status === 200) return `${status} ${body["status"]}`;
  return String(status);
}

/** What the clients saw, per phase and label. */
export class Tally {
  /** The phase new answers are counted in. */
  phase = "before";
  private readonly seen = new Map<string, Map<string, number>>();

  /** Counts `answer` (its label) in `phase` (default: the current one), and returns it. */
  add<A extends { label: string }>(answer: A, phase = this.phase): A {
    const labels = this.seen.get(phase) ?? new Map<string, number>();
    labels.set(answer.label, (labels.get(answer.label) ?? 0) + 1);
    this.seen.set(phase, labels);
    return answer;
  }

  /**
   * Sends with `call` and counts its answer in the phase the request started and ended in; one
   * that a change of phase overtook counts as `before→killing` (a request in flight as the fault
   * struck may get either answer, so it says nothing about the phases it spans).
   */
  async track<A extends { label: string }>(call: () => Promise<A>): Promise<A & { phase: string }> {
    const started = this.phase;
    const answer = await call();
    const phase = started === this.phase ? started : `${started}→${this.phase}`;
    this.add(answer, phase);
    return { ...answer, phase };
  }

  /** How many answers of `phase` (every phase when omitted) have a label `match` accepts. */
  count(match: (label: string) => boolean = () => true, phase?: string): number {
    let n = 0;
    for (const [p, labels] of this.seen) {
      if (phase !== undefined && p !== phase) continue;
      for (const [label, c] of labels) if (match(label)) n += c;
    }
    return n;
  }

  /** The labels of `phase` with their counts. */
  labels(phase: string): Record<string, number> {
    return Object.fromEntries(this.seen.get(phase) ?? []);
  }

  /** One line per phase: `during: 41 requests — 503 STORE_UNAVAILABLE ×38, timeout ×3`. */
  lines(): string[] {
    return [...this.seen].map(([phase, labels]) => {
      const total = [...labels.values()].reduce((a, b) => a + b, 0);
      const parts = [...labels].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} ×${n}`);
      return `${phase}: ${total} requests — ${parts.join(", ")}`;
    });
  }
}

/** Options of {@link startLoad}. */
export interface LoadOptions {
  workers: number;
  /** The most iterations over all workers. */
  maxIterations: number;
  /** The longest the load runs, whatever `stop` does. */
  maxMs: number;
  /** One unit of work; `n` counts over all workers. A throw stops the load and is rethrown. */
  iteration(worker: number, n: number): Promise<void>;
}

/** A running load. */
export interface Load {
  /** Stops taking new iterations; resolves when the running ones ended. @throws the first iteration error */
  stop(): Promise<{ iterations: number; ms: number }>;
}

/**
 * Starts `workers` loops, each running `iteration` one after another until `stop()`, the count
 * or the time is over: a bounded load for a fault to happen under.
 *
 * @throws {never} (an iteration's error is rethrown by `stop`)
 * @example
 * const load = startLoad({ workers: 4, maxIterations: 2000, maxMs: 60_000, iteration });
 * await sleep(3_000); await fault(); const { iterations } = await load.stop();
 */
export function startLoad(options: LoadOptions): Load {
  const started = Date.now();
  let stopped = false;
  let n = 0;
  let failure: unknown;
  const loop = async (worker: number) => {
    while (!stopped && failure === undefined) {
      if (n >= options.maxIterations || Date.now() - started > options.maxMs) return;
      const i = n++;
      try {
        await options.iteration(worker, i);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  const running = Promise.all(Array.from({ length: options.workers }, (_, w) => loop(w)));
  return {
    async stop() {
      stopped = true;
      await running;
      if (failure !== undefined) throw failure;
      return { iterations: n, ms: Date.now() - started };
    },
  };
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `check` every 100 ms until it is true; resolves with the milliseconds it took.
 *
 * @throws {Error} When `check` is still false after `timeoutMs`, naming `what`.
 * @example
 * const recoveredMs = await until(async () => (await ready()).status === 200, "recovery");
 */
export async function until(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<number> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
  return Date.now() - started;
}
