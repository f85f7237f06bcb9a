import { Redis } from "ioredis";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { emails } from "./support/outbox.js";
import type { TestServer } from "./support/runtime.js";
import { createTestServer } from "./support/runtime.js";

// The quota per API key under concurrency: every request of one key counts in the same windows,
// so a busy service's sends all meet at one counter. They must neither fail on contention nor
// slip past the quota.

const V = "/api/v1/verifications";
const NOON = Date.UTC(2026, 10, 22, 12, 0, 0);

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(env: Record<string, string>): Promise<TestServer> {
  const server = await createTestServer(env, { startAt: NOON });
  servers.push(server);
  return server;
}

// A Redis database of its own: the counter's read and compare-and-set are real round trips there,
// so concurrent sends really interleave (as in production behind several connections).
const REDIS_URL = "redis://127.0.0.1:6379/13";
beforeAll(async () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  await redis.flushdb();
  await redis.quit();
});

function send(s: TestServer, n: number, email = `u${n}@example.com`): Promise<Response> {
  return s.api(V, { method: "POST", body: { subject: `u${n}`, recipient: { email } } });
}

describe("the quota per API key under concurrent sends", () => {
  it("lets 60 concurrent sends of one key through (no contention error) and counts each", async () => {
    const s = await start({ API_KEY_MAX_SENDS_PER_HOUR: "60", REDIS_URL });
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, n) => send(s, n).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(await emails(s.rt)).toHaveLength(60);
    // The 61st is past the quota: all 60 were counted.
    const past = await send(s, 60);
    expect(past.status).toBe(429);
  });

  it("admits exactly the quota of a concurrent burst and refuses the rest with 429", async () => {
    const s = await start({
      API_KEY_MAX_SENDS_PER_HOUR: "0",
      API_KEY_MAX_SENDS_PER_DAY: "25",
      REDIS_URL,
    });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, n) => send(s, n).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(25);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(await emails(s.rt)).toHaveLength(25);
  });

  it("does not count test recipients, whatever their number", async () => {
    const s = await start({
      API_KEY_MAX_SENDS_PER_HOUR: "2",
      TEST_RECIPIENTS: "*@example.test",
    });
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, n) => send(s, n, `qa${n}@example.test`).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect((await send(s, 100)).status).toBe(201);
    expect((await send(s, 101)).status).toBe(201);
    expect((await send(s, 102)).status).toBe(429);
  });
});
