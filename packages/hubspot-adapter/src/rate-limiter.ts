import { intOption } from "@otpkit/otp-core";

/**
 * HubSpot's burst limit for an OAuth app distributed through the marketplace: 110 requests per
 * rolling 10 seconds per installing account (CRM search excluded; it has its own limit).
 */
export const HUBSPOT_BURST_LIMIT = Object.freeze({ limit: 110, windowMs: 10_000 });

/** HubSpot's CRM search limit: 5 requests per second per account. */
export const HUBSPOT_SEARCH_LIMIT = Object.freeze({ limit: 5, windowMs: 1_000 });

/**
 * Hands out request slots so that no window of `windowMs` holds more than `limit` of them.
 * One per portal (and one more per portal for CRM search).
 */
export interface RateLimiter {
  /** Requests allowed in any window of {@link RateLimiter.windowMs}. */
  readonly limit: number;
  /** The window length, in milliseconds. */
  readonly windowMs: number;
  /**
   * Resolves when the caller may send one request, and counts it. Callers are served first come,
   * first served. Never rejects.
   *
   * @returns `release`: call it once the answer (or the failure) is in. The slot then counts from
   *   that moment, not from the grant: HubSpot counted the request when it arrived, somewhere
   *   between the two, so a window measured from the answer can never be shorter than HubSpot's.
   */
  acquire(): Promise<() => void>;
  /**
   * Holds every slot back until `epochMs` (after a 429: the portal's budget is spent, whoever
   * spent it). A later time extends the pause; an earlier one changes nothing.
   */
  pauseUntil(epochMs: number): void;
}

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed in any window. @default 110 (HubSpot's burst limit) */
  limit?: number;
  /** The window length in milliseconds. @default 10_000 */
  windowMs?: number;
  /** The clock, epoch ms. @default Date.now */
  now?: () => number;
  /** Waits `ms` milliseconds. @default a `setTimeout` promise */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A sliding-window rate limiter (a log of the slots still counting), in process. A slot counts
 * from its grant until its release, then for `windowMs` more.
 *
 * It only knows about the requests of this process. HubSpot counts every request of the portal,
 * so when N server processes call HubSpot for the same portals, each holds its own window: give
 * each a budget of `floor(110 / N)` (or less, to leave room for other apps of the account). The
 * client still backs off on a 429, so a budget set too high costs retries, not failures.
 *
 * @param options `limit`, `windowMs`, and an injectable `now`/`sleep` for tests.
 * @returns A {@link RateLimiter}.
 * @throws {OtpError} `CONFIG_INVALID` when `limit` is not an integer 1..100000 or `windowMs` not
 *   an integer 1..3600000.
 * @example
 * ```ts
 * // Two server processes share the portals: half of HubSpot's 110 per 10 s each.
 * const limiter = createRateLimiter({ limit: 55, windowMs: 10_000 });
 * const release = await limiter.acquire();
 * try { await send(); } finally { release(); }
 * ```
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limit = intOption("limit", options.limit ?? HUBSPOT_BURST_LIMIT.limit, 1, 100_000, {
    source: "hubspot",
  });
  const windowMs = intOption(
    "windowMs",
    options.windowMs ?? HUBSPOT_BURST_LIMIT.windowMs,
    1,
    3_600_000,
    { source: "hubspot" },
  );
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  // One entry per slot still counting: its start (the grant, then the release once called).
  let slots: { at: number; done: boolean }[] = [];
  let pausedUntil = Number.NEGATIVE_INFINITY;
  // One waiter at a time, in arrival order: a later caller cannot overtake an earlier one, and
  // only the waiter at the head reads and writes the slots.
  let tail: Promise<unknown> = Promise.resolve();

  async function takeSlot(): Promise<() => void> {
    for (;;) {
      const t = now();
      if (t < pausedUntil) {
        await sleep(pausedUntil - t);
        continue;
      }
      // A released slot counts for [at, at + windowMs); one still in flight counts until it is
      // released, however long it takes (HubSpot may count it when it finally arrives).
      slots = slots.filter((slot) => !slot.done || slot.at + windowMs > t);
      if (slots.length < limit) {
        const slot = { at: t, done: false };
        slots.push(slot);
        return () => {
          if (slot.done) return;
          slot.done = true;
          slot.at = Math.max(slot.at, now());
        };
      }
      let oldest = Number.POSITIVE_INFINITY;
      for (const slot of slots) if (slot.done) oldest = Math.min(oldest, slot.at);
      // Every slot still in flight: look again shortly (a release frees one at its window's end).
      await sleep(
        oldest === Number.POSITIVE_INFINITY ? Math.min(windowMs, 50) : oldest + windowMs - t,
      );
    }
  }

  return {
    limit,
    windowMs,
    acquire() {
      const slot = tail.then(takeSlot);
      // takeSlot only rejects if an injected `now`/`sleep` throws; keep the chain alive anyway.
      tail = slot.catch(() => undefined);
      return slot;
    },
    pauseUntil(epochMs: number) {
      if (Number.isFinite(epochMs) && epochMs > pausedUntil) pausedUntil = epochMs;
    },
  };
}

/**
 * `setTimeout` as a promise. Not unref'd on purpose: someone awaits it, and an unref'd timer
 * would let a script exit in the middle of that await.
 */
export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
