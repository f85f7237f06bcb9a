import { isOtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import { createRateLimiter, HUBSPOT_BURST_LIMIT } from "./rate-limiter.js";

const T0 = 1_767_225_600_000;

/** A clock that only moves when someone sleeps: waits cost no real time. */
function fakeClock(start = T0) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

/** The most grants found in any window [s, s + windowMs). */
function maxInAnyWindow(grants: readonly number[], windowMs: number): number {
  const sorted = [...grants].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe("maxInAnyWindow (the check the limiter tests rely on)", () => {
  it("catches a fixed-window limiter's double burst at a window edge", () => {
    // 110 at the end of one fixed window, 110 at the start of the next: 220 within 2 ms.
    const grants = [
      ...Array.from({ length: 110 }, () => T0 + 9_999),
      ...Array.from({ length: 110 }, () => T0 + 10_000),
    ];
    expect(maxInAnyWindow(grants, 10_000)).toBe(220);
  });
});

describe("createRateLimiter", () => {
  it("defaults to HubSpot's burst limit, 110 per 10 s", () => {
    const limiter = createRateLimiter();
    expect(limiter.limit).toBe(HUBSPOT_BURST_LIMIT.limit);
    expect(limiter.windowMs).toBe(10_000);
  });

  it("never grants more than 110 in any 10 s window, and grants as soon as it may", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 300 }, async () => {
        const release = await limiter.acquire();
        grants.push(clock.now());
        release();
      }),
    );
    expect(grants).toHaveLength(300);
    expect(maxInAnyWindow(grants, 10_000)).toBe(110);
    // Not over-cautious either: three bursts, 10 s apart.
    expect(grants.filter((g) => g === T0)).toHaveLength(110);
    expect(grants.filter((g) => g === T0 + 10_000)).toHaveLength(110);
    expect(grants.filter((g) => g === T0 + 20_000)).toHaveLength(80);
  });

  it("keeps the window under irregular arrivals", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 7, windowMs: 1_000, ...clock });
    const grants: number[] = [];
    const pending: Promise<void>[] = [];
    let seed = 42;
    for (let i = 0; i < 200; i++) {
      // A deterministic pseudo-random gap of 0..149 ms between arrivals.
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      clock.advance(seed % 150);
      pending.push(
        limiter.acquire().then((release) => {
          grants.push(clock.now());
          release();
        }),
      );
      if (i % 10 === 9) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    expect(grants).toHaveLength(200);
    expect(maxInAnyWindow(grants, 1_000)).toBeLessThanOrEqual(7);
  });

  it("counts a slot from its release: a slow answer holds the slot longer", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, ...clock });
    const release = await limiter.acquire();
    clock.advance(400); // the answer takes 400 ms
    release();
    await limiter.acquire();
    // HubSpot may have counted the first request as late as T0 + 400.
    expect(clock.now()).toBe(T0 + 1_400);
  });

  it("serves waiters in arrival order", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, ...clock });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        limiter.acquire().then((release) => {
          order.push(i);
          release();
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("holds every slot back during a pause, and a shorter pause does not cut it", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 100, windowMs: 1_000, ...clock });
    limiter.pauseUntil(T0 + 10_000);
    limiter.pauseUntil(T0 + 2_000);
    limiter.pauseUntil(Number.NaN);
    const grants: number[] = [];
    await Promise.all(
      Array.from({ length: 3 }, () => limiter.acquire().then(() => grants.push(clock.now()))),
    );
    expect(grants).toEqual([T0 + 10_000, T0 + 10_000, T0 + 10_000]);
  });

  it("ignores a second release of the same slot", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, ...clock });
    const release = await limiter.acquire();
    release();
    clock.advance(5_000);
    release(); // would move the slot to T0 + 5000 if it counted
    await limiter.acquire();
    expect(clock.now()).toBe(T0 + 5_000);
  });

  it.each([
    [{ limit: 0 }, "limit"],
    [{ limit: 1.5 }, "limit"],
    [{ windowMs: 0 }, "windowMs"],
    [{ windowMs: "10s" as unknown as number }, "windowMs"],
  ])("refuses %o with CONFIG_INVALID naming %s", (options, field) => {
    let caught: unknown;
    try {
      createRateLimiter(options);
    } catch (error) {
      caught = error;
    }
    expect(isOtpError(caught) && caught.code === "CONFIG_INVALID" && caught.field).toBe(field);
  });
});

describe("slots still in flight", () => {
  it("count until they are released, however long the request takes", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      limit: 2,
      windowMs: 1_000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const first = await limiter.acquire();
    await limiter.acquire();
    // Both requests hang for 5 s: a third must not go out meanwhile.
    clock.advance(5_000);
    let third = false;
    const pending = limiter.acquire().then((release) => {
      third = true;
      return release;
    });
    // The limiter polls on its own (virtual) clock; give it a few turns.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(third).toBe(false);
    first();
    (await pending)();
    expect(third).toBe(true);
    // The released slot counts from its release: the third was granted a full window later.
    expect(clock.now()).toBeGreaterThanOrEqual(T0 + 5_000 + 1_000);
  });
});
