import type { EventDraft } from "./rules/index.js";

/** @internal Timers that notice the end of a lock in this process (the next write does it otherwise). */
export interface UnlockTimers {
  /** Schedules `fire` for a `locked` event with an end; replaces an earlier timer for `key`. */
  schedule(
    key: string,
    events: readonly EventDraft[],
    now: number,
    fire: () => Promise<void>,
  ): void;
  close(): void;
}

/** @internal */
export function createUnlockTimers(enabled: boolean): UnlockTimers {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    schedule(key, events, now, fire) {
      if (!enabled) return;
      const locked = events.find((e) => e.type === "locked" && e.lockedUntil !== undefined);
      if (locked === undefined) return;
      const delay = Math.max(0, locked.lockedUntil! - now);
      // setTimeout cannot wait longer than 2^31-1 ms (it would fire at once): leave such a long
      // lock to the next write, which notices its end just the same.
      if (delay > 2_147_483_647) return;
      const previous = timers.get(key);
      if (previous !== undefined) clearTimeout(previous);
      const timer = setTimeout(() => {
        timers.delete(key);
        // Another process, or the next request, notices the unlock instead if this fails.
        fire().catch(() => undefined);
      }, delay);
      (timer as { unref?: () => void }).unref?.();
      timers.set(key, timer);
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
