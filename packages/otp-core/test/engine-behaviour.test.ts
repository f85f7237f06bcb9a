import { describeOtpEngine } from "@otpkit/otp-testing";
import { createMemoryStore } from "../src/index.js";

describeOtpEngine({ name: "memory", createStore: () => createMemoryStore() });
