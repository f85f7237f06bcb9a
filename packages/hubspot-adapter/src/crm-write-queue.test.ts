import { OtpError } from "@otpkit/otp-core";
import { describe, expect, it } from "vitest";
import type { CrmDeadLetter } from "./crm-write-queue.js";
import { createCrmWriteQueue } from "./crm-write-queue.js";

const T0 = 1_767_225_600_000;
type Props = Record<string, string>;

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A client whose answers the test decides; records every write. */
function scriptedClient(
  answer: (contactId: string, call: number) => Promise<void> = async () => {},
) {
  const writes: { contactId: string; properties: Props }[] = [];
  return {
    writes,
    updateContact(contactId: string, properties: Readonly<Props>) {
      writes.push({ contactId, properties: { ...properties } });
      return answer(contactId, writes.length);
    },
  };
}

/** Timers the test fires by hand, with the clock moved to their due time. */
function manualTimers() {
  let t = T0;
  const timers: { fn: () => void; due: number; cancelled: boolean }[] = [];
  return {
    now: () => t,
    setTimer(fn: () => void, ms: number) {
      const timer = { fn, due: t + ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    /** Fires the next live timer; returns how long it waited, or undefined if none. */
    fireNext(): number | undefined {
      const live = timers.filter((x) => !x.cancelled).sort((a, b) => a.due - b.due)[0];
      if (live === undefined) return undefined;
      live.cancelled = true;
      const waited = live.due - t;
      t = Math.max(t, live.due);
      live.fn();
      return waited;
    },
    get live() {
      return timers.filter((x) => !x.cancelled).length;
    },
  };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const throttled = () =>
  new OtpError("PROVIDER_THROTTLED", "429", { retryable: true, details: { retryAfterMs: 90_000 } });
const unavailable = () => new OtpError("PROVIDER_REJECTED", "503", { retryable: true });
const refused = () => new OtpError("PROVIDER_REJECTED", "404", { retryable: false });

describe("createCrmWriteQueue", () => {
  it("coalesces a burst for one contact into one write, the last value winning", async () => {
    const client = scriptedClient();
    const queue = createCrmWriteQueue({ client });
    queue.enqueue("5101", { otpkit_verification_status: "pending", otpkit_attempts_used: "0" });
    queue.enqueue("5101", { otpkit_attempts_used: "1" });
    queue.enqueue("5101", { otpkit_attempts_used: "2", otpkit_last_outcome: "failed" });
    queue.enqueue("5102", { otpkit_verification_status: "pending" });
    await queue.flush();
    expect(client.writes).toEqual([
      {
        contactId: "5101",
        properties: {
          otpkit_verification_status: "pending",
          otpkit_attempts_used: "2",
          otpkit_last_outcome: "failed",
        },
      },
      { contactId: "5102", properties: { otpkit_verification_status: "pending" } },
    ]);
    expect(queue.size).toBe(0);
  });

  it("never has two writes in flight for one contact: newer values follow in order", async () => {
    const first = deferred();
    const client = scriptedClient((_, call) => (call === 1 ? first.promise : Promise.resolve()));
    const queue = createCrmWriteQueue({ client });
    queue.enqueue("5101", { otpkit_verification_status: "pending" });
    await settle();
    queue.enqueue("5101", { otpkit_verification_status: "verified" }); // arrives mid-flight
    queue.enqueue("5101", { otpkit_verified_at: String(T0) });
    expect(client.writes).toHaveLength(1);
    first.resolve();
    await queue.flush();
    expect(client.writes.map((w) => w.properties)).toEqual([
      { otpkit_verification_status: "pending" },
      { otpkit_verification_status: "verified", otpkit_verified_at: String(T0) },
    ]);
  });

  it("returns at once and never throws, even while HubSpot hangs", () => {
    const hang = deferred();
    const queue = createCrmWriteQueue({ client: scriptedClient(() => hang.promise) });
    expect(queue.enqueue("5101", { a_b: "1" })).toBe(true);
    expect(queue.enqueue("5101", { a_b: "2" })).toBe(true);
    expect(queue.size).toBe(1);
  });

  it("retries a failed write later, merged with newer values, after at least Retry-After", async () => {
    const timers = manualTimers();
    const failures = [throttled(), unavailable()];
    const client = scriptedClient(async () => {
      const next = failures.shift();
      if (next) throw next;
    });
    const letters: CrmDeadLetter[] = [];
    const queue = createCrmWriteQueue({
      client,
      now: timers.now,
      setTimer: timers.setTimer,
      random: () => 0,
      onDeadLetter: (l) => letters.push(l),
    });
    queue.enqueue("5101", { otpkit_verification_status: "pending" });
    await settle();
    queue.enqueue("5101", { otpkit_verification_status: "verified" }); // waits with the retry
    expect(queue.size).toBe(1);
    // First retry: at least HubSpot's Retry-After (90 s) although the backoff says 15 s.
    expect(timers.fireNext()).toBe(90_000);
    await settle();
    // Second retry: 30 s · 2 with equal jitter (random 0): 30 s.
    expect(timers.fireNext()).toBe(30_000);
    await settle();
    expect(client.writes.map((w) => w.properties["otpkit_verification_status"])).toEqual([
      "pending",
      "verified",
      "verified",
    ]);
    expect(queue.size).toBe(0);
    expect(timers.live).toBe(0);
    expect(letters).toEqual([]);
  });

  it("dead-letters a refused write at once, and one still failing after maxAttempts", async () => {
    const letters: CrmDeadLetter[] = [];
    const client = scriptedClient(async (id) => {
      throw id === "404" ? refused() : unavailable();
    });
    const queue = createCrmWriteQueue({
      client,
      maxAttempts: 3,
      onDeadLetter: (l) => letters.push(l),
    });
    queue.enqueue("404", { otpkit_code: "123456" });
    queue.enqueue("503", { otpkit_last_outcome: "issued" });
    await queue.flush(); // attempt 1 (and the refusal)
    await queue.flush(); // attempt 2
    expect(letters.map((l) => [l.contactId, l.reason, l.attempts])).toEqual([
      ["404", "rejected", 1],
    ]);
    await queue.flush(); // attempt 3: the last
    expect(letters.map((l) => [l.contactId, l.reason, l.attempts])).toEqual([
      ["404", "rejected", 1],
      ["503", "failed", 3],
    ]);
    expect(letters[0]?.propertyNames).toEqual(["otpkit_code"]);
    expect(letters[1]?.error).toBeInstanceOf(OtpError);
    expect(queue.size).toBe(0);
  });

  it("bounds memory: past maxContacts a new contact is dead-lettered, a known one merges", async () => {
    const hang = deferred();
    const letters: CrmDeadLetter[] = [];
    const queue = createCrmWriteQueue({
      client: scriptedClient(() => hang.promise),
      maxContacts: 2,
      concurrency: 1,
      onDeadLetter: (l) => letters.push(l),
    });
    expect(queue.enqueue("1", { a: "1" })).toBe(true);
    await settle(); // now in flight
    expect(queue.enqueue("2", { a: "1" })).toBe(true);
    expect(queue.enqueue("3", { a: "1" })).toBe(true);
    expect(queue.enqueue("4", { a: "1" })).toBe(false);
    expect(queue.enqueue("3", { a: "2" })).toBe(true);
    expect(letters.map((l) => [l.contactId, l.reason])).toEqual([["4", "queue_full"]]);
    expect(queue.size).toBe(3);
  });

  it("keeps at most `concurrency` writes in flight", async () => {
    const hang = deferred();
    const client = scriptedClient(() => hang.promise);
    const queue = createCrmWriteQueue({ client, concurrency: 3 });
    for (let i = 1; i <= 10; i++) queue.enqueue(String(i), { a: "1" });
    expect(client.writes).toHaveLength(0); // the burst is collected first
    await settle();
    expect(client.writes).toHaveLength(3);
    expect(queue.size).toBe(10);
  });

  it("turns malformed input and a throwing onDeadLetter into dead letters, never exceptions", () => {
    const letters: CrmDeadLetter[] = [];
    const queue = createCrmWriteQueue({
      client: scriptedClient(),
      onDeadLetter: (l) => {
        letters.push(l);
        throw new Error("logger down");
      },
    });
    expect(queue.enqueue("c:5101", { a: "1" })).toBe(false);
    expect(queue.enqueue("5101", { a: 1 } as unknown as Props)).toBe(false);
    expect(queue.enqueue("5101", null as unknown as Props)).toBe(false);
    expect(queue.enqueue(5101 as unknown as string, { a: "1" })).toBe(false);
    expect(queue.enqueue("5101", { "bad name": "1" })).toBe(false);
    expect(queue.enqueue("5101", {})).toBe(true); // nothing to write
    expect(letters.map((l) => l.reason)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
      "invalid",
    ]);
    expect(queue.size).toBe(0);
  });

  it("flush attempts writes waiting for a retry now, and close dead-letters what still fails", async () => {
    const timers = manualTimers();
    const letters: CrmDeadLetter[] = [];
    let up = false;
    const client = scriptedClient(async (id) => {
      if (!up || id === "2") throw unavailable();
    });
    const queue = createCrmWriteQueue({
      client,
      now: timers.now,
      setTimer: timers.setTimer,
      onDeadLetter: (l) => letters.push(l),
    });
    queue.enqueue("1", { a: "1" });
    queue.enqueue("2", { a: "1" });
    await queue.flush();
    expect(queue.size).toBe(2); // both waiting for a retry
    up = true;
    await queue.close();
    expect(client.writes.map((w) => w.contactId)).toEqual(["1", "2", "1", "2"]);
    expect(letters.map((l) => [l.contactId, l.reason])).toEqual([["2", "closed"]]);
    expect(queue.enqueue("3", { a: "1" })).toBe(false);
    expect(letters.at(-1)?.reason).toBe("closed");
    expect(timers.live).toBe(0);
  });

  it("refuses bad options with CONFIG_INVALID", () => {
    expect(() => createCrmWriteQueue({ client: scriptedClient(), concurrency: 0 })).toThrow(
      /"concurrency" expected integer 1..100, got 0/,
    );
  });
});
