import { describeOtpEngine, describeOtpQuotas } from "@otpkit/otp-testing";
import { prefixedStores } from "./support/real-redis.js";

// otp-core's whole behaviour suite (expiry, budget, lockout, single use, idempotency, rotation)
// with the real Redis as its store, not only the memory store.
const stores = prefixedStores("engine");
describeOtpEngine({ name: "redis", createStore: stores.create, cleanup: stores.cleanup });
describeOtpQuotas({ name: "redis", createStore: stores.create, cleanup: stores.cleanup });
