import { isOtpError } from "@otpkit/otp-core";
import {
  describeOtpAttack,
  describeOtpEngine,
  describeOtpQuotas,
  describeOtpStore,
} from "@otpkit/otp-testing";
import type { RedisClusterProcess } from "@otpkit/otp-testing/redis-server";
import { startRedisCluster } from "@otpkit/otp-testing/redis-server";
import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRedisStore, createRedisStore } from "../src/index.js";
import { uniquePrefix } from "./support/real-redis.js";

// A real three-master Redis Cluster started from temp dirs on spare ports, torn down afterwards.
// The same conformance, engine and attack suites run through ioredis Cluster clients.
let cluster: RedisClusterProcess;
let client: Cluster;

async function connectCluster(): Promise<Cluster> {
  const connected = new Cluster(
    cluster.nodes.map((node) => ({ host: "127.0.0.1", port: node.port })),
    { redisOptions: { maxRetriesPerRequest: 2 } },
  );
  connected.on("error", () => {
    // Reported through the commands that fail.
  });
  await connected.ping();
  return connected;
}

beforeAll(async () => {
  cluster = await startRedisCluster();
  client = await connectCluster();
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

describeOtpEngine({
  name: "redis-cluster",
  createStore: () => createRedisStore({ client, keyPrefix: uniquePrefix("cluster-engine") }),
  cleanup: () => undefined,
});

describeOtpQuotas({
  name: "redis-cluster",
  createStore: () => createRedisStore({ client, keyPrefix: uniquePrefix("cluster-quotas") }),
  cleanup: () => undefined,
});

// Two app servers, each with its own Cluster client, attacking one subject.
describeOtpAttack({
  name: "redis-cluster (two Cluster clients)",
  createStores: async () => {
    const keyPrefix = uniquePrefix("cluster-attack");
    const second = await connectCluster();
    return {
      stores: [
        createRedisStore({ client, keyPrefix }),
        createRedisStore({ client: second, keyPrefix }),
      ],
      cleanup: async () => {
        second.disconnect();
      },
    };
  },
});

describe("Redis Cluster key layout", () => {
  it("keeps the record and the idempotency records of one subject in one slot, behind the prefix", async () => {
    const keyPrefix = "otp:";
    const store = createRedisStore({ client, keyPrefix });
    const subjectKeys = ["{9f86d081}", "{9f86d081}:i:verify:abc", "{9f86d081}:i:issue:def"];
    for (const key of subjectKeys)
      expect(await store.compareAndSet(key, null, "v", 60_000)).toBe(true);

    const slots = new Set<number>();
    for (const key of subjectKeys)
      slots.add(Number(await client.cluster("KEYSLOT", keyPrefix + key)));
    expect(slots.size).toBe(1);
    expect([...slots][0]).toBe(Number(await client.cluster("KEYSLOT", "9f86d081")));
    for (const key of subjectKeys) expect(await store.compareAndSet(key, "v", null, 0)).toBe(true);
  });

  it("spreads different subjects over the three masters and runs every script branch on each", async () => {
    const store = createRedisStore({ client, keyPrefix: uniquePrefix("spread") });
    const owners = new Set<string>();
    const shards = (await client.cluster("SHARDS")) as unknown[];
    expect(shards.length).toBe(3);
    for (let i = 0; i < 60; i++) {
      const key = `{subject-${i}}`;
      expect(await store.compareAndSet(key, null, "r1", 60_000)).toBe(true);
      expect(await store.compareAndSet(key, null, "r1", 60_000)).toBe(false);
      expect(await store.compareAndSet(key, "r1", "r2", 60_000)).toBe(true);
      expect(await store.get(key)).toBe("r2");
      expect(await store.compareAndSet(key, "r1", null, 0)).toBe(false);
      expect(await store.compareAndSet(key, "r2", null, 0)).toBe(true);
      expect(await store.get(key)).toBeNull();
      const slot = Number(await client.cluster("KEYSLOT", `subject-${i}`));
      const node = client.slots[slot]?.[0];
      if (node) owners.add(node);
    }
    // 60 random-ish hash tags over three equal slot ranges: all three masters served some.
    expect(owners.size).toBe(3);
  });
});

describe("checkRedisStore on a Cluster", () => {
  it("reads maxmemory-policy on every master, and names the one that would evict", async () => {
    const ok = await checkRedisStore(client);
    expect(ok.nodes.map((node) => node.node).sort()).toEqual(
      cluster.nodes.map((node) => `127.0.0.1:${node.port}`).sort(),
    );
    expect(ok.nodes.every((node) => node.maxmemoryPolicy === "noeviction")).toBe(true);

    const evicting = cluster.nodes[2]!;
    await evicting.cli("CONFIG", "SET", "maxmemory-policy", "volatile-lru");
    try {
      const error = await checkRedisStore(client).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isOtpError(error) && error.code).toBe("CONFIG_INVALID");
      expect(isOtpError(error) && error.details).toEqual({
        reason: "evicting",
        node: `127.0.0.1:${evicting.port}`,
        maxmemoryPolicy: "volatile-lru",
      });
    } finally {
      await evicting.cli("CONFIG", "SET", "maxmemory-policy", "noeviction");
    }
  });
});
