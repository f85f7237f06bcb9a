// CRM writes from the event sink, end to end: the write queue and the CRM client with the REAL
// @hubspot/api-client against the fake HubSpot, whose own 110 / 10 s window runs on the same
// (fake) clock. 429 and 5xx storms, refusals, and a HubSpot that is gone.
import type { OtpEvent, OtpEventSink } from "@otpkit/otp-core";
import { afterEach, describe, expect, it } from "vitest";
import { createCrmClient } from "./crm-client.js";
import {
  OTPKIT_PROPERTIES,
  OTPKIT_PROPERTY_GROUP,
  OTPKIT_PROPERTY_NAMES as P,
} from "./crm-properties.js";
import { propertyUpdatesFor } from "./crm-property-updates.js";
import type { CrmDeadLetter, CrmWriteQueueOptions } from "./crm-write-queue.js";
import { createCrmWriteQueue } from "./crm-write-queue.js";
import type { RateLimiter } from "./rate-limiter.js";
import { createRateLimiter } from "./rate-limiter.js";
import type { FakeHubSpot } from "./testing/fake-hubspot.js";
import { startFakeHubSpot } from "./testing/fake-hubspot.js";

const TOKEN = "pat-na1-storm-test-token";
let fake: FakeHubSpot | undefined;

/** The most entries in any window [s, s + windowMs). */
function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function setup(queueOptions: Partial<CrmWriteQueueOptions> = {}) {
  let clock = Date.parse("2026-03-01T10:00:00Z");
  const now = () => clock;
  const sleep = async (ms: number) => {
    clock += ms;
  };
  fake = await startFakeHubSpot({ now, portals: [{ portalId: 101, accessToken: TOKEN }] });
  // The client's limiter, with every grant noted.
  const inner = createRateLimiter({ now, sleep });
  const grants: number[] = [];
  const limiter: RateLimiter = {
    limit: inner.limit,
    windowMs: inner.windowMs,
    async acquire() {
      const release = await inner.acquire();
      grants.push(now());
      return release;
    },
    pauseUntil: (t) => inner.pauseUntil(t),
  };
  const crm = createCrmClient({
    portalId: 101,
    accessToken: async () => TOKEN,
    basePath: fake.url,
    limiter,
    now,
    sleep,
    random: () => 0,
  });
  // What the installer does: the app's properties exist before anything writes them.
  await crm.ensurePropertyGroup(OTPKIT_PROPERTY_GROUP);
  await crm.ensureProperties(OTPKIT_PROPERTIES);
  fake.requests.length = 0;
  grants.length = 0;
  const letters: CrmDeadLetter[] = [];
  const queue = createCrmWriteQueue({
    client: crm,
    now,
    // No background timer: the test drives retries with flush().
    setTimer: () => () => {},
    onDeadLetter: (l) => letters.push(l),
    ...queueOptions,
  });
  /** Flushes until nothing waits (bounded), as background retries would over time. */
  async function drain(rounds = 50) {
    for (let i = 0; i < rounds && queue.size > 0; i++) await queue.flush();
  }
  return { fake, portal: fake.portal(101), queue, grants, letters, drain, now };
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function statuses(f: FakeHubSpot, status: number): number {
  return f.requests.filter((r) => r.status === status).length;
}

describe("CRM writes against the fake HubSpot", () => {
  it("a burst over HubSpot's limit waits for the window instead of drawing 429s", async () => {
    const { fake, portal, queue, grants, drain, now } = await setup();
    const start = now();
    const ids = Array.from({ length: 250 }, () => portal.addContact());
    for (const id of ids) queue.enqueue(id, { [P.lastOutcome]: "issued" });
    await drain();
    expect(ids.filter((id) => portal.contact(id)?.[P.lastOutcome] !== "issued")).toEqual([]);
    // HubSpot's own window (in the fake, on the same clock) never overflowed...
    expect(statuses(fake, 429)).toBe(0);
    expect(fake.requests).toHaveLength(250);
    // ...because the client never sent more than 110 in any 10 s: it waited two windows.
    // (Close to the whole budget, never above it: slots in flight count until they come back.)
    expect(maxInAnyWindow(grants, 10_000)).toBeLessThanOrEqual(110);
    expect(maxInAnyWindow(grants, 10_000)).toBeGreaterThanOrEqual(100);
    expect(now() - start).toBeGreaterThanOrEqual(20_000);
  });

  it("a 429 storm: every write lands, and only the injected 429s were drawn", async () => {
    const { fake, portal, queue, grants, letters, drain } = await setup();
    const ids = Array.from({ length: 60 }, () => portal.addContact());
    fake.inject({ method: "PATCH", status: 429, times: 25 });
    for (const id of ids) queue.enqueue(id, { [P.status]: "pending", [P.attemptsUsed]: "0" });
    await drain();
    expect(ids.filter((id) => portal.contact(id)?.[P.status] !== "pending")).toEqual([]);
    expect(fake.pendingFaults).toBe(0);
    expect(statuses(fake, 429)).toBe(25); // none from the fake's own limit
    expect(maxInAnyWindow(grants, 10_000)).toBeLessThanOrEqual(110);
    expect(letters).toEqual([]);
  });

  it("a 5xx storm: every write lands", async () => {
    const { fake, portal, queue, letters, drain } = await setup();
    const ids = Array.from({ length: 20 }, () => portal.addContact());
    fake.inject({ method: "PATCH", status: 503, times: 30 });
    fake.inject({ method: "PATCH", status: 502, times: 10 });
    for (const id of ids) queue.enqueue(id, { [P.status]: "verified" });
    await drain();
    expect(ids.filter((id) => portal.contact(id)?.[P.status] !== "verified")).toEqual([]);
    expect(statuses(fake, 503) + statuses(fake, 502)).toBe(40);
    expect(letters).toEqual([]);
  });

  it("401, 403 and 404 are not retried: one request each, then a dead letter", async () => {
    const { fake, portal, queue, letters } = await setup();
    const id = portal.addContact();
    queue.enqueue("999999", { [P.status]: "pending" }); // no such contact
    await queue.flush();
    const forbidden = createCrmWriteQueue({
      client: createCrmClient({
        portalId: 101,
        accessToken: async () => portal.issueAccessToken({ scopes: [] }),
        basePath: fake.url,
      }),
      onDeadLetter: (l) => letters.push(l),
    });
    forbidden.enqueue(id, { [P.status]: "pending" });
    await forbidden.flush();
    const unauthorized = createCrmWriteQueue({
      client: createCrmClient({
        portalId: 101,
        accessToken: async () => "revoked-token",
        basePath: fake.url,
      }),
      onDeadLetter: (l) => letters.push(l),
    });
    unauthorized.enqueue(id, { [P.status]: "pending" });
    await unauthorized.flush();
    expect(fake.requests.map((r) => r.status)).toEqual([404, 403, 401]);
    expect(
      letters.map((l) => [l.reason, l.attempts, (l.error as { details?: object }).details]),
    ).toEqual([
      ["rejected", 1, expect.objectContaining({ status: 404 })],
      ["rejected", 1, expect.objectContaining({ status: 403 })],
      ["rejected", 1, expect.objectContaining({ status: 401 })],
    ]);
    expect(queue.size + forbidden.size + unauthorized.size).toBe(0);
  });

  it("an operation's events, emitted one after the other, make one PATCH", async () => {
    const { fake, portal, queue } = await setup();
    const id = portal.addContact();
    const sink: OtpEventSink = (event) => {
      queue.enqueue(id, propertyUpdatesFor(event, { current: { [P.attemptsUsed]: "4" } }));
    };
    const base = { at: Date.parse("2026-03-01T10:00:00Z"), subject: `c:${id}`, purpose: "login" };
    const events: OtpEvent[] = [
      { ...base, type: "failed", attemptsRemaining: 0 },
      { ...base, type: "exhausted" },
      { ...base, type: "locked", lockedUntil: base.at + 900_000 },
    ];
    // As the engine does: each event awaited before the next.
    for (const event of events) await sink(event);
    await queue.flush();
    expect(fake.requests.map((r) => r.method)).toEqual(["PATCH"]);
    expect(portal.contact(id)).toMatchObject({
      [P.attemptsUsed]: "5",
      [P.status]: "locked",
      // Written as epoch ms; HubSpot (and the fake) store datetimes as ISO 8601.
      [P.lockedUntil]: new Date(base.at + 900_000).toISOString(),
      [P.lastOutcome]: "locked",
    });
  });

  it("the event sink never throws and never waits, even with HubSpot gone", async () => {
    const { fake: server, queue, letters } = await setup({ maxAttempts: 2 });
    fake = undefined;
    await server.close();
    const sink: OtpEventSink = (event) => {
      queue.enqueue("5101", propertyUpdatesFor(event));
    };
    const base = { at: Date.parse("2026-03-01T10:00:00Z"), subject: "c:5101", purpose: "login" };
    const results = [
      sink({ ...base, type: "issued", channel: "email" }),
      sink({ ...base, type: "delivered", channel: "email", messageKind: "code" }),
      sink({ ...base, type: "verified" }),
    ];
    expect(results).toEqual([undefined, undefined, undefined]); // synchronous: nothing to await
    await queue.flush(); // attempt 1 (the client's 4 tries), then kept
    expect(queue.size).toBe(1);
    await queue.flush(); // attempt 2: the last
    expect(queue.size).toBe(0);
    expect(letters.map((l) => [l.contactId, l.reason, l.attempts])).toEqual([
      ["5101", "failed", 2],
    ]);
    expect(letters[0]?.propertyNames).toEqual(
      expect.arrayContaining([P.status, P.verifiedAt, P.lastChannel, P.lastOutcome]),
    );
  });
});
