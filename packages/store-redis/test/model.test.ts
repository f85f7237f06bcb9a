import { describeOtpModel } from "@otpkit/otp-testing";
import { prefixedStores } from "./support/real-redis.js";

// Random command sequences (issue, verify right/wrong/malformed/stale, revoke, unlock, clock
// jumps) through the engine on the real Redis, checked step by step against the reference model
// of the rules. A fresh key prefix per run; TTLs are real time, so jumps stay within them.
const stores = prefixedStores("model");
describeOtpModel({ name: "redis", createStore: stores.create, cleanup: stores.cleanup, runs: 30 });
