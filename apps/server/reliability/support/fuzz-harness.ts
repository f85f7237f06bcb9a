import type { Hono } from "hono";
import { expect } from "vitest";
import { HTTP_ERROR_STATUS } from "../../src/http-errors.js";
import type { Runtime } from "../../src/runtime.js";

// The hostile-input suite's judge: every generated request goes through `send`, which counts it
// per surface and checks the properties every answer must have — never a 5xx, every 4xx with a
// reason, and a refused request leaves no state (no verification row, no audit event).

/** The seed every fuzz property runs with; `RELIABILITY_SEED=<int>` reproduces a run. */
export const FUZZ_SEED = seedOf(process.env["RELIABILITY_SEED"]);

function seedOf(value: string | undefined): number {
  if (value === undefined || value === "") return 20_240_915;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`RELIABILITY_SEED must be an integer (got ${JSON.stringify(value)})`);
  }
  return seed;
}

/** fast-check's parameters for a property of `numRuns` runs, all with {@link FUZZ_SEED}. */
export function runs(numRuns: number) {
  return { seed: FUZZ_SEED, numRuns } as const;
}

/** How a 4xx must explain itself. */
export type ReasonKind =
  /** `{ error: { code, message } }`, the code one of HTTP_ERROR_STATUS with that status. */
  | "api"
  /** JSON with `error.message` (the HubSpot adapter's tables, JSON-RPC errors). */
  | "json"
  /** A page or a text with words in it (the hosted page, plain-text endpoints). */
  | "text";

/** One answer, read. */
export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

/** What a request left behind: verification rows and audit events (the app database). */
export interface StateCount {
  verifications: number;
  auditEvents: number;
}

/** Counts the rows a refused request must not add. */
export async function stateCount(rt: Runtime): Promise<StateCount> {
  const { db } = rt.database;
  const count = async (table: "verifications" | "audit_events") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { verifications: await count("verifications"), auditEvents: await count("audit_events") };
}

/** Statuses that refuse without anything to record: input, auth, size, type, method, not found. */
const INPUT_REFUSALS = new Set([400, 401, 403, 404, 405, 406, 413, 415, 422]);

/** A fuzzer bound to one app: counts requests per surface, judges every answer. */
export interface Fuzzer {
  /**
   * Sends one request and checks: status < 500; a 4xx explains itself (`reason`); an input
   * refusal (400/401/403/404/405/406/413/415/422) changed no verification row and no audit event.
   */
  send(surface: string, request: Request | string, reason: ReasonKind): Promise<Answer>;
  /** Requests sent per surface. */
  readonly counts: Record<string, number>;
  /** Answers per status, over every surface. */
  readonly statuses: Record<number, number>;
  /** Every request sent. */
  total(): number;
}

/**
 * A fuzzer for `app` (the in-process Hono app of `rt`). Sequential use only (fast-check runs an
 * async property's runs one after another): the state check compares counts around one request.
 *
 * @throws {Error} (an assertion) From `send`, when an answer breaks a property.
 * @example
 * const fz = createFuzzer(server.app, server.rt);
 * await fz.send("api", new Request("http://localhost/api/v1/audit"), "api");
 */
export function createFuzzer(app: Hono, rt: Runtime): Fuzzer {
  const counts: Record<string, number> = {};
  const statuses: Record<number, number> = {};
  return {
    counts,
    statuses,
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    async send(surface, request, reason) {
      const before = await stateCount(rt);
      const label = typeof request === "string" ? `GET ${request}` : describe(request);
      const res = await app.request(request);
      const text = await res.text();
      counts[surface] = (counts[surface] ?? 0) + 1;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(res.status, `${label} → ${res.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
      // A HEAD answer has no body by definition: its status is all it can say.
      const head = typeof request !== "string" && request.method === "HEAD";
      if (res.status >= 400 && !head)
        expectReason(res.status, text, kindAt(request, reason), label);
      if (INPUT_REFUSALS.has(res.status)) {
        expect(await stateCount(rt), `${label} → ${res.status} left state behind`).toEqual(before);
      }
      return { status: res.status, text, headers: res.headers };
    },
  };
}

/**
 * `api` holds under /api/ and /mcp only: a path whose `..` segments climbed out of them (the URL
 * is normalised before routing) gets the app's plain-text 404, which is a reason too.
 */
function kindAt(request: Request | string, kind: ReasonKind): ReasonKind {
  const path = new URL(typeof request === "string" ? `http://localhost${request}` : request.url)
    .pathname;
  return kind === "api" && !path.startsWith("/api/") && path !== "/mcp" ? "text" : kind;
}

function describe(request: Request): string {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search}`.slice(0, 200);
}

/** The reason a 4xx must give, by kind (see {@link ReasonKind}). */
export function expectReason(status: number, text: string, kind: ReasonKind, label = ""): void {
  const where = `${label} → ${status}: ${text.slice(0, 300)}`;
  if (kind === "text") {
    expect(text.replace(/<[^>]*>/g, "").trim().length, where).toBeGreaterThan(0);
    return;
  }
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`not JSON: ${where}`);
  }
  const message = body.error?.message;
  expect(typeof message === "string" && message.length > 0, where).toBe(true);
  if (kind === "api") {
    const code = body.error?.code as keyof typeof HTTP_ERROR_STATUS;
    expect(HTTP_ERROR_STATUS[code], where).toBe(status);
  }
}

/** The runtime still answers: `/readyz` is 200 (a crash or a wedged store would fail it). */
export async function expectReady(app: Hono): Promise<void> {
  const res = await app.request("/readyz");
  expect(res.status, await res.clone().text()).toBe(200);
}

/** "a: 1,200, b: 300" from counts, largest first. */
export function countsLine(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}: ${v.toLocaleString("en-US")}`)
    .join(", ");
}
