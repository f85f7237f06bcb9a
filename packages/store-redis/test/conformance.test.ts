import { describeOtpStore } from "@otpkit/otp-testing";
import type { Redis } from "ioredis";
import { afterAll } from "vitest";
import { createRedisStore } from "../src/index.js";
import { connectRealRedis, deletePrefix, uniquePrefix } from "./support/real-redis.js";

// The shared contract against the real Redis (REDIS_URL, default redis://127.0.0.1:6379), no skips.
// No Redis means every test fails with "Redis is not reachable at …": never a silent skip.
let connecting: Promise<Redis> | undefined;
function client(): Promise<Redis> {
  connecting ??= connectRealRedis();
  return connecting;
}
const prefixes = new Map<object, string>();

describeOtpStore({
  name: "redis",
  create: async () => {
    const keyPrefix = uniquePrefix("conformance");
    const store = createRedisStore({ client: await client(), keyPrefix });
    prefixes.set(store, keyPrefix);
    return store;
  },
  cleanup: async (store) => {
    const prefix = prefixes.get(store);
    if (prefix) await deletePrefix(await client(), prefix);
  },
});

afterAll(async () => {
  if (connecting) (await connecting.catch(() => undefined))?.disconnect();
});
