import { describeOtpStore } from "@otpkit/otp-testing";
import { prefixedStores } from "./support/real-redis.js";

// The shared contract against the real Redis (REDIS_URL, default redis://127.0.0.1:6379), no skips.
// No Redis means every test fails with "Redis is not reachable at …": never a silent skip.
const stores = prefixedStores("conformance");
describeOtpStore({ name: "redis", create: stores.create, cleanup: stores.cleanup });
