import { describeOtpStore } from "@otpkit/otp-testing";
import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisStore } from "../src/index.js";
import { uniquePrefix } from "./support/real-redis.js";
import type { RedisClusterProcess } from "./support/redis-server.js";
import { startRedisCluster } from "./support/redis-server.js";

// A real three-master Redis Cluster started from temp dirs on spare ports, torn down afterwards.
// The same conformance suite runs through an ioredis Cluster client.
let cluster: RedisClusterProcess;
let client: Cluster;

beforeAll(async () => {
  cluster = await startRedisCluster();
  client = new Cluster(
    cluster.nodes.map((node) => ({ host: "127.0.0.1", port: node.port })),
    { redisOptions: { maxRetriesPerRequest: 2 } },
  );
  client.on("error", () => {
    // Reported through the commands that fail.
  });
  await client.ping();
}, 60_000);

afterAll(async () => {
  client?.disconnect();
  await cluster?.destroy();
});

describeOtpStore({
  name: "redis-cluster",
  create: () => createRedisStore({ client, keyPrefix: uniquePrefix("cluster") }),
  // Keys expire on their own (every key has a TTL) and the cluster is deleted with its temp dirs.
  cleanup: () => undefined,
});

describe("Redis Cluster key layout", () => {
  it("keeps every key of one subject in one slot, behind the prefix", async () => {
    const keyPrefix = "otp:";
    const store = createRedisStore({ client, keyPrefix });
    const subjectKeys = ["{9f86d081}:code", "{9f86d081}:attempts", "{9f86d081}:lock"];
    await store.set(subjectKeys[0]!, "v", 60_000);
    await store.increment(subjectKeys[1]!, 60_000);
    await store.setIfAbsent(subjectKeys[2]!, "x", 60_000);

    const slots = new Set<number>();
    for (const key of subjectKeys)
      slots.add(Number(await client.cluster("KEYSLOT", keyPrefix + key)));
    expect(slots.size).toBe(1);
    expect([...slots][0]).toBe(Number(await client.cluster("KEYSLOT", "9f86d081")));
  });

  it("spreads different subjects over the three masters and works on each", async () => {
    const store = createRedisStore({ client, keyPrefix: uniquePrefix("spread") });
    const owners = new Set<string>();
    const shards = (await client.cluster("SHARDS")) as unknown[];
    expect(shards.length).toBe(3);
    for (let i = 0; i < 60; i++) {
      const key = `{subject-${i}}:attempts`;
      expect(await store.increment(key, 60_000)).toBe(1);
      expect(await store.increment(key, 60_000)).toBe(2);
      expect(await store.consume(key, "2")).toBe("2");
      const slot = Number(await client.cluster("KEYSLOT", `subject-${i}`));
      const node = client.slots[slot]?.[0];
      if (node) owners.add(node);
    }
    // 60 random-ish hash tags over three equal slot ranges: all three masters served some.
    expect(owners.size).toBe(3);
  });
});
