import { createMemoryStore } from "@otpkit/otp-core";
import { describeOtpEngine } from "../src/index.js";

// The engine's behaviour on the in-process store; store-redis and store-sqlite run the same suite
// on their real backends.
describeOtpEngine({ name: "memory", createStore: () => createMemoryStore() });
