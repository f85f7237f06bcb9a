import { describeOtpEngine } from "@otpkit/otp-testing";
import type { Redis } from "ioredis";
import { afterAll } from "vitest";
import { createRedisStore } from "../src/index.js";
import { connectRealRedis, deletePrefix, uniquePrefix } from "./support/real-redis.js";

// otp-core's whole behaviour suite (expiry, budget, lockout, single use, idempotency, rotation)
// with the real Redis as its store, not only the memory store.
let connecting: Promise<Redis> | undefined;
function client(): Promise<Redis> {
  connecting ??= connectRealRedis();
  return connecting;
}
const prefixes = new Map<object, string>();

describeOtpEngine({
  name: "redis",
  createStore: async () => {
    const keyPrefix = uniquePrefix("engine");
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
