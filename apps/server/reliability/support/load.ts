// Load harness of the reliability suite: an HTTP client that records every answer (status,
// latency, body), and a bounded pool of workers (bounded in iterations AND time).
import { request as httpRequest } from "node:http";

/** What the recorder keeps of one answered request. */
export interface Answer {
  kind: string;
  status: number;
  ms: number;
}

/** Every request a load sent: statuses per kind, latencies, bodies, 5xx and network errors. */
export interface Recorder {
  /** Every response body, in order (for the secret scan). */
  readonly bodies: string[];
  /** Every 5xx answer, with its body. */
  readonly serverErrors: Array<Answer & { body: string }>;
  /** Requests that got no HTTP answer (reset, refused), with the error's code and start time. */
  readonly networkErrors: Array<{ kind: string; code: string; startedAt: number }>;
  /** When each answered request started and ended (epoch ms), in order of answer. */
  readonly spans: Array<{ start: number; end: number }>;
  record(answer: Answer, body: string, startedAt?: number): void;
  networkError(kind: string, error: unknown, startedAt?: number): void;
  /** `{ kind: { total, "200": n, "201": n, … } }`. */
  byKind(): Record<string, Record<string, number>>;
  /** Request count and latency percentiles (ms) over every answered request. */
  summary(): { requests: number; p50: number; p99: number; max: number };
}

/**
 * A recorder for one load run.
 *
 * @example
 * const rec = createRecorder();
 * const http = createHttpClient(server.url, token, rec);
 */
export function createRecorder(): Recorder {
  const latencies: number[] = [];
  const kinds = new Map<string, Record<string, number>>();
  const count = (kind: string, key: string) => {
    const k = kinds.get(kind) ?? { total: 0 };
    k["total"] = (k["total"] ?? 0) + 1;
    k[key] = (k[key] ?? 0) + 1;
    kinds.set(kind, k);
  };
  const rec: Recorder = {
    bodies: [],
    serverErrors: [],
    networkErrors: [],
    spans: [],
    record(answer, body, startedAt = Date.now() - answer.ms) {
      latencies.push(answer.ms);
      rec.spans.push({ start: startedAt, end: Date.now() });
      rec.bodies.push(body);
      count(answer.kind, String(answer.status));
      if (answer.status >= 500) rec.serverErrors.push({ ...answer, body });
    },
    networkError(kind, error, startedAt = Date.now()) {
      const cause = (error as { cause?: { code?: string } }).cause;
      const code = cause?.code ?? (error as { code?: string }).code ?? (error as Error).name;
      rec.networkErrors.push({ kind, code, startedAt });
      count(kind, `net:${code}`);
    },
    byKind: () => Object.fromEntries([...kinds.entries()].sort(([a], [b]) => a.localeCompare(b))),
    summary() {
      const sorted = Float64Array.from(latencies).sort();
      const at = (q: number) =>
        sorted.length === 0
          ? 0
          : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      return {
        requests: sorted.length,
        p50: Math.round(at(0.5) * 10) / 10,
        p99: Math.round(at(0.99) * 10) / 10,
        max: Math.round(at(1) * 10) / 10,
      };
    },
  };
  return rec;
}

/** One HTTP answer: the status, the raw text, the JSON (when it parses) and the headers. */
export interface Reply {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, checked by each flow
  json: any;
  headers: Headers;
}

/** A client of one server that records every request under a kind. */
export interface HttpClient {
  readonly base: string;
  /** A JSON API call with the API key (`/api/v1…`, `/mcp`). */
  api(kind: string, method: string, path: string, body?: unknown): Promise<Reply>;
  /** Any request, as given (the hosted page's GET and form POSTs). */
  raw(kind: string, path: string, init?: RequestInit): Promise<Reply>;
}

/**
 * One request on a connection of its own (`Connection: close`): a request either reaches the
 * server on a new connection or is refused; no idle keep-alive connection can be cut under it.
 */
function onFreshConnection(
  url: string,
  init: RequestInit,
): Promise<{ status: number; text: string; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const headers = { ...(init.headers as Record<string, string>), connection: "close" };
    const req = httpRequest(url, { method: init.method ?? "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString("utf8"),
          headers: out,
        });
      });
    });
    req.on("error", reject);
    req.end(typeof init.body === "string" ? init.body : undefined);
  });
}

/** How a client talks to the server. */
export interface HttpClientOptions {
  /**
   * `keep-alive` (default): fetch's pooled connections, as a busy client does; `fresh`: a
   * connection per request, for shutdown tests (a refused request is then told apart from one
   * the server accepted).
   */
  connections?: "keep-alive" | "fresh";
}

/**
 * A recording client of `base`. A request that gets no answer is recorded as a network error
 * and rethrown.
 *
 * @throws {Error} When the request got no HTTP answer (refused, reset).
 * @example
 * const reply = await http.api("issue", "POST", "/api/v1/verifications", { subject, recipient });
 */
export function createHttpClient(
  base: string,
  token: string,
  rec: Recorder,
  options: HttpClientOptions = {},
): HttpClient {
  const send = async (url: string, init: RequestInit) => {
    if (options.connections === "fresh") return onFreshConnection(url, init);
    const response = await fetch(url, init);
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const raw = async (kind: string, path: string, init: RequestInit = {}): Promise<Reply> => {
    const started = performance.now();
    const startedAt = Date.now();
    let response: { status: number; text: string; headers: Headers };
    try {
      response = await send(`${base}${path}`, init);
    } catch (error) {
      rec.networkError(kind, error, startedAt);
      throw error;
    }
    const { status, text, headers } = response;
    rec.record({ kind, status, ms: performance.now() - started }, text, startedAt);
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // HTML pages and empty bodies: the text is the answer.
    }
    return { status, text, json, headers };
  };
  return {
    base,
    raw,
    api: (kind, method, path, body) =>
      raw(kind, path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** How a bounded load went. */
export interface LoadRun {
  iterations: number;
  elapsedMs: number;
  /** Flows that threw (an unexpected answer), the first 20 messages. */
  failures: string[];
  failureCount: number;
}

export interface WorkerOptions {
  /** Parallel workers. */
  workers: number;
  /** Stop starting new iterations after this long. */
  durationMs: number;
  /** And after this many iterations in all (a bound in count as well as in time). */
  maxIterations: number;
  /** One iteration; throw to record a failure (the load goes on). */
  iteration(worker: number, n: number): Promise<void>;
  /** Called at most once a second with the elapsed ms (for memory samples). */
  onTick?(elapsedMs: number): void | Promise<void>;
  /** Set to stop early (e.g. after a SIGKILL): no new iteration starts. */
  signal?: AbortSignal;
}

/**
 * Runs `iteration` on `workers` parallel workers until `durationMs` or `maxIterations`, whichever
 * comes first; each worker finishes the iteration it is in.
 *
 * @example
 * const run = await runWorkers({ workers: 16, durationMs: 60_000, maxIterations: 1e6, iteration });
 */
export async function runWorkers(options: WorkerOptions): Promise<LoadRun> {
  const started = Date.now();
  let next = 0;
  const failures: string[] = [];
  let failureCount = 0;
  let lastTick = 0;
  const more = () =>
    next < options.maxIterations &&
    Date.now() - started < options.durationMs &&
    !options.signal?.aborted;
  const worker = async (w: number) => {
    while (more()) {
      const n = next++;
      try {
        await options.iteration(w, n);
      } catch (error) {
        failureCount++;
        if (failures.length < 20) failures.push(`#${n}: ${(error as Error).message}`);
      }
      const elapsed = Date.now() - started;
      if (options.onTick && elapsed - lastTick >= 1_000) {
        lastTick = elapsed;
        await options.onTick(elapsed);
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return { iterations: next, elapsedMs: Date.now() - started, failures, failureCount };
}

/** Throws with the reply when `reply.status` is not one of `expected`. */
export function expectStatus(reply: Reply, expected: number[], what: string): void {
  if (!expected.includes(reply.status)) {
    throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 300)}`);
  }
}
