// Internal to the fake HubSpot: the per-portal rate limits (a sliding 10-second window for the
// API, a per-second one for search) and injected faults, with HubSpot's documented 429 bodies
// and X-HubSpot-RateLimit-* headers.
import { randomUUID } from "node:crypto";
import type { FakeResponse } from "./http.js";

/** A rolling-window limit: at most `max` requests in any `intervalMs`. */
export interface RateLimit {
  max: number;
  intervalMs: number;
}

/** HubSpot's burst limit for a marketplace OAuth app: 110 requests / 10 s per installing account. */
export const BURST_LIMIT: RateLimit = { max: 110, intervalMs: 10_000 };
/** The CRM search API's limit: 5 requests / s per account. */
export const SEARCH_LIMIT: RateLimit = { max: 5, intervalMs: 1_000 };

/** A sliding-window counter per portal, on the fake's clock. */
export class SlidingWindow {
  private readonly hits = new Map<number, number[]>();

  constructor(readonly limit: RateLimit) {}

  private recent(portalId: number, now: number): number[] {
    const since = now - this.limit.intervalMs;
    const kept = (this.hits.get(portalId) ?? []).filter((t) => t > since);
    this.hits.set(portalId, kept);
    return kept;
  }

  /** Counts the request if the window has room; false (and not counted) otherwise. */
  admit(portalId: number, now: number): boolean {
    const recent = this.recent(portalId, now);
    if (recent.length >= this.limit.max) return false;
    recent.push(now);
    return true;
  }

  /** How many requests the window still takes. */
  remaining(portalId: number, now: number): number {
    return Math.max(0, this.limit.max - this.recent(portalId, now).length);
  }
}

/** The X-HubSpot-RateLimit-Interval-* headers HubSpot returns on OAuth API calls. */
export function intervalHeaders(limit: RateLimit, remaining: number): Record<string, string> {
  return {
    "X-HubSpot-RateLimit-Interval-Milliseconds": String(limit.intervalMs),
    "X-HubSpot-RateLimit-Max": String(limit.max),
    "X-HubSpot-RateLimit-Remaining": String(remaining),
  };
}

/** HubSpot's documented 429 body for the 10-second rolling limit. */
export function tenSecondlyBody(): Record<string, unknown> {
  return {
    status: "error",
    message: "You have reached your ten_secondly_rolling limit.",
    errorType: "RATE_LIMIT",
    correlationId: randomUUID(),
    policyName: "TEN_SECONDLY_ROLLING",
    requestId: randomUUID(),
  };
}

/** HubSpot's 429 body for the search API's per-second limit (search sends no limit headers). */
export function secondlyBody(): Record<string, unknown> {
  return {
    status: "error",
    message: "You have reached your secondly limit.",
    errorType: "RATE_LIMIT",
    correlationId: randomUUID(),
    policyName: "SECONDLY",
    requestId: randomUUID(),
  };
}

/**
 * A fault to answer with instead of the real response, for the next `times` matching requests.
 * @example
 * fake.inject({ path: /\/crm\/v3\/objects\/contacts/, status: 429, times: 2 });
 */
export interface FakeFault {
  /** Matched against the request path (no query). @default every path */
  path?: RegExp;
  /** Only this method (`"PATCH"`, ...). @default every method */
  method?: string;
  status: 429 | 500 | 502 | 503 | 504;
  /** How many matching requests get the fault. @default 1 */
  times?: number;
  /** Sends `Retry-After: <seconds>` (HubSpot does not document one on REST 429s). */
  retryAfter?: number;
  /**
   * The body. An object is sent as JSON; a string is sent as is with `contentType` (use it
   * for the HTML error pages a gateway answers with). @default HubSpot's documented body
   */
  body?: unknown;
  /** The Content-Type of a string body. @default "text/html; charset=utf-8" */
  contentType?: string;
}

const GATEWAY: Record<number, string> = {
  500: "internal error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** `re.test` from the start of `path`, even for a /g or /y pattern (they keep a lastIndex). */
function matches(re: RegExp, path: string): boolean {
  re.lastIndex = 0;
  return re.test(path);
}

/** The queued faults, consumed first-in first-out among those that match. */
export class FaultQueue {
  private readonly faults: (FakeFault & { left: number })[] = [];

  add(fault: FakeFault, times: number): void {
    this.faults.push({ ...fault, left: times });
  }

  /** How many injected answers are still queued. */
  get pending(): number {
    return this.faults.reduce((n, f) => n + f.left, 0);
  }

  /** The response for this request if a fault matches (and spends one use of it). */
  take(
    method: string,
    path: string,
    headers: () => Record<string, string>,
  ): FakeResponse | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.path === undefined || matches(f.path, path)),
    );
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    const extra: Record<string, string> = fault.status === 429 ? headers() : {};
    if (fault.retryAfter !== undefined) extra["Retry-After"] = String(fault.retryAfter);
    const body =
      fault.body ??
      (fault.status === 429
        ? tenSecondlyBody()
        : { status: "error", message: GATEWAY[fault.status], correlationId: randomUUID() });
    const contentType =
      typeof body === "string" ? (fault.contentType ?? "text/html; charset=utf-8") : undefined;
    return { status: fault.status, body, headers: extra, ...(contentType ? { contentType } : {}) };
  }
}
