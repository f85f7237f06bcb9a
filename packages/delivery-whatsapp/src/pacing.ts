/** Per-recipient pacing of the WhatsApp channel. */
export interface WhatsAppPacingOptions {
  /**
   * Minimum time between two messages to the same number, ms. Meta's pair rate limit is one
   * message every 6 s to the same user (delivery.md §5); going over gives error 131056.
   * @default 6000
   */
  minIntervalMs?: number;
  /**
   * How many numbers are remembered at once; the least recently used are forgotten first.
   * Bounds memory whatever the traffic.
   * @default 10000
   */
  maxTracked?: number;
}

/** @internal The outcome of asking to send to a number now. */
export type PaceDecision =
  | { ok: true; ticket: PaceTicket }
  | { ok: false; retryAfterMs: number; reason: "pacing" | "backoff" };

/** @internal A reserved slot: confirm it, give it back, or turn it into a backoff. */
export interface PaceTicket {
  /** Meta accepted the message: the slot stays taken. */
  sent(): void;
  /** Meta refused the message for another reason: nothing was sent, give the slot back. */
  release(): void;
  /** Meta answered 131056: back off 4^X seconds (X = consecutive 131056s, from 0). Returns the wait. */
  pairLimited(): number;
}

/** @internal */
export interface Pacer {
  reserve(number: string): PaceDecision;
}

interface Slot {
  /** Sends to this number are refused before this time. */
  until: number;
  /** Consecutive 131056 answers for this number. */
  strikes: number;
  /** Why `until` is set. */
  reason: "pacing" | "backoff";
}

// Meta's advice after a 131056: wait 4^X seconds (X = 0, 1, 2, ...). Capped at 4^4 s (about
// 4 minutes): past that the code (10 minutes by default) is nearly over anyway.
const MAX_STRIKE_EXPONENT = 4;
// A run of 131056s is forgotten this long after its backoff ended, so one old incident does not
// make the next one wait longer.
const STRIKE_MEMORY_MS = 15 * 60_000;

function expired(slot: Slot, t: number): boolean {
  return slot.until + (slot.strikes > 0 ? STRIKE_MEMORY_MS : 0) <= t;
}

/**
 * @internal An in-process pacer. Reservation is synchronous (check and take in one step), so two
 * concurrent sends to one number cannot both pass. A slot is taken before the request goes out
 * and kept when the outcome is unknown (timeout, network error): the message may have arrived.
 */
export function createPacer(minIntervalMs: number, maxTracked: number, now: () => number): Pacer {
  const slots = new Map<string, Slot>();

  function put(number: string, slot: Slot): void {
    // Re-inserting keeps the Map in least-recently-updated order, so eviction takes the oldest.
    slots.delete(number);
    slots.set(number, slot);
    while (slots.size > maxTracked) {
      const oldest = slots.keys().next().value;
      if (oldest === undefined) break;
      slots.delete(oldest);
    }
  }

  function sweep(t: number): void {
    // Oldest first; stop at the first live entry (later ones were updated later).
    for (const [number, slot] of slots) {
      if (!expired(slot, t)) break;
      slots.delete(number);
    }
  }

  return {
    reserve(number) {
      const t = now();
      sweep(t);
      const previous = slots.get(number);
      if (previous && previous.until > t) {
        return { ok: false, retryAfterMs: previous.until - t, reason: previous.reason };
      }
      const strikes = previous && !expired(previous, t) ? previous.strikes : 0;
      const mine: Slot = { until: t + minIntervalMs, strikes, reason: "pacing" };
      put(number, mine);
      let settled = false;
      const settle = (): boolean => {
        if (settled || slots.get(number) !== mine) return false;
        settled = true;
        return true;
      };
      return {
        ok: true,
        ticket: {
          sent() {
            if (settle()) put(number, { ...mine, strikes: 0 });
          },
          release() {
            if (!settle()) return;
            if (previous) put(number, previous);
            else slots.delete(number);
          },
          pairLimited() {
            const exponent = Math.min(strikes, MAX_STRIKE_EXPONENT);
            const wait = Math.max(minIntervalMs, 4 ** exponent * 1000);
            if (settle())
              put(number, { until: now() + wait, strikes: strikes + 1, reason: "backoff" });
            return wait;
          },
        },
      };
    },
  };
}
