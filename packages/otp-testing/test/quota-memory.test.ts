import { createMemoryStore } from "@otpkit/otp-core";
import { describeOtpQuotas } from "../src/index.js";

// The send quotas on otp-core's memory store; each store package runs the same suite on its
// real backend (test/engine.test.ts there).
describeOtpQuotas({ name: "memory", createStore: () => createMemoryStore() });
